// The stock control benchmark (tools/bench.sh runs it after the payment run
// benchmark): the chain-wide near-expiry and slow-mover reads through
// backofficed, beside the same reads run raw through SOCI in the same run.
//
// It seeds through SQL in bulk (INSERT ... SELECT over the sequence
// engine): --stores stores (SCB001...) and --products products, a balance
// per (store, product) of 20 units at cost, two lots each (one sellable
// until 1-10 days ahead, one for months), and demand rows on 7 of the last
// 28 days for two products in three (the third never sells: a slow mover).
// Then, best of --rounds:
//
// - expiring: ListExpiringLots for every store (head office, within 7
//   days, pages of --page-size to the last), beside ReadExpiringLots, the
//   repository's own read, store by store on one SOCI session;
// - slow: ListSlowMovers for every store (defaults, pages of --page-size),
//   beside ReadSlowMovers paged the same way.
//
// The last line is `expiring_ms=N expiring_raw_ms=N expiring_vs_raw=R
// slow_ms=N slow_raw_ms=N slow_vs_raw=R` (times; the ratios are the price
// of the RPC, the authentication, the judging and the mapping).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "backoffice/client.h"
#include "bench_clock.h"
#include "bench_db.h"
#include "core/domain/clock.h"
#include "core/storage/database.h"
#include "inventory/domain/lots.h"
#include "stockcontrol/domain/stock_control_model.h"
#include "stockcontrol/storage/stock_control_reads.h"

namespace {

namespace v1 = backoffice::v1;
using backoffice::sim::Clock;
using backoffice::sim::Median;
using backoffice::sim::MillisSince;
using backoffice::sim::NowMicros;
using backoffice::sim::SecondsSince;
using DbStatus = backoffice::domain::Status;

struct Seeded {
  long long balances = 0;
  long long lots = 0;
  long long demand_rows = 0;
};

Seeded Seed(backoffice::storage::Database& db, int stores, int products) {
  Seeded out;
  long long store_base = 0, product_base = 0;
  auto status = db.InTransaction([&](soci::session& s) {
    s << "SELECT COALESCE(MAX(id), 0) + 1 FROM stores", soci::into(store_base);
    s << "SELECT COALESCE(MAX(id), 0) + 1 FROM products",
        soci::into(product_base);
    long long last_store = stores - 1;
    long long last_product = products - 1;
    s << "INSERT INTO stores (id, code, display_name, time_zone, "
         "currency_code, create_time, update_time) SELECT :b + seq, "
         "CONCAT('SCB', LPAD(seq + 1, 3, '0')), CONCAT('Stock control bench "
         "store ', seq + 1), 'Asia/Jakarta', 'IDR', UTC_TIMESTAMP(6), "
         "UTC_TIMESTAMP(6) FROM seq_0_to_999 WHERE seq <= :n",
        soci::use(store_base), soci::use(last_store);
    s << "INSERT INTO products (id, sku, display_name, unit_of_measure, "
         "sold_by_weight, tax_rate_basis_points, default_price_minor, "
         "price_currency_code, active, create_time, update_time, "
         "shelf_life_days, sell_by_margin_days) SELECT :b + seq, "
         "CONCAT('SCB-', LPAD(seq, 5, '0')), CONCAT('Stock control bench "
         "product ', seq), 'pcs', 0, 1100, 10000, 'IDR', 1, "
         "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 365, 2 FROM seq_0_to_99999 "
         "WHERE seq <= :n",
        soci::use(product_base), soci::use(last_product);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
  // One transaction per store: balances, lots and demand of its products.
  for (int st = 0; st < stores; ++st) {
    status = db.InTransaction([&](soci::session& s) {
      long long store = store_base + st;
      long long last_product = products - 1;
      s << "INSERT INTO stock_balances (store_id, product_id, on_hand_milli, "
           "last_movement_id, last_movement_time, update_time, "
           "average_unit_cost_minor) SELECT :s, :pb + seq, 20000, 0, "
           "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 5000 + (seq MOD 50) * 100 "
           "FROM seq_0_to_99999 WHERE seq <= :n",
          soci::use(store), soci::use(product_base), soci::use(last_product);
      // Lot S expires 3-12 days ahead (sellable until 1-10 days ahead with
      // the 2-day margin); lot L in months.
      s << "INSERT INTO stock_lots (store_id, product_id, lot_code, "
           "expiry_date, quantity_milli, create_time, update_time) SELECT "
           ":s, :pb + p.seq, IF(k.seq = 0, 'S', 'L'), DATE_ADD(UTC_DATE(), "
           "INTERVAL IF(k.seq = 0, 3 + (p.seq + :s2) MOD 10, 120) DAY), "
           "IF(k.seq = 0, 8000, 12000), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) "
           "FROM seq_0_to_99999 p JOIN seq_0_to_1 k WHERE p.seq <= :n",
          soci::use(store), soci::use(product_base), soci::use(store),
          soci::use(last_product);
      s << "INSERT INTO daily_demand (store_id, product_id, business_day, "
           "sold_milli, returned_milli, voided_milli, sale_count) SELECT :s, "
           ":pb + p.seq, DATE_SUB(UTC_DATE(), INTERVAL 1 + d.seq * 4 DAY), "
           "1000 + (p.seq MOD 4) * 500, 0, 0, 1 FROM seq_0_to_99999 p JOIN "
           "seq_0_to_6 d WHERE p.seq <= :n AND p.seq MOD 3 <> 0",
          soci::use(store), soci::use(product_base), soci::use(last_product);
      return DbStatus();
    });
    if (!status.ok()) throw std::runtime_error(status.ToString());
  }
  out.balances = static_cast<long long>(stores) * products;
  out.lots = out.balances * 2;
  out.demand_rows =
      static_cast<long long>(stores) * 7 * (products - (products + 2) / 3);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "Chain-wide near-expiry and slow-mover reads through backofficed, "
      "beside the same reads raw"};
  std::string address = "127.0.0.1:50051";
  std::string token;
  int stores = 100;
  int products = 500;
  int rounds = 3;
  int page_size = 1000;
  std::string password_file;
  backoffice::storage::DatabaseConfig db;
  cli.add_option("--address", address, "backofficed")
      ->envname("BACKOFFICE_ADDR");
  cli.add_option("--token", token, "a head office token")
      ->envname("BACKOFFICE_TOKEN")
      ->required();
  cli.add_option("--stores", stores, "stores SCB001... to seed")
      ->capture_default_str()
      ->check(CLI::Range(1, 999));
  cli.add_option("--products", products, "products per store")
      ->capture_default_str()
      ->check(CLI::Range(1, 99999));
  cli.add_option("--rounds", rounds)
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cli.add_option("--page-size", page_size)
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  backoffice::sim::AddDatabaseOptions(cli, db, password_file);
  CLI11_PARSE(cli, argc, argv);
  if (!backoffice::sim::ReadDatabasePassword(db, password_file,
                                             "stock_control_bench")) {
    return 2;
  }
  db.io_timeout_seconds = 600;
  backoffice::storage::Database database(db);
  const auto seed_start = Clock::now();
  Seeded seeded;
  try {
    seeded = Seed(database, stores, products);
  } catch (const std::exception& e) {
    std::cerr << "stock_control_bench: seeding failed: " << e.what() << "\n";
    return 2;
  }
  std::cout << std::fixed << std::setprecision(0) << "stock control: seeded "
            << stores << " stores x " << products
            << " products: " << seeded.balances << " balances, " << seeded.lots
            << " lots, " << seeded.demand_rows << " demand rows in "
            << MillisSince(seed_start) << " ms\n";

  backoffice::ConnectionOptions options;
  options.address = address;
  options.token = token;
  options.timeout = std::chrono::seconds(600);
  options.retry.max_attempts = 1;
  auto connection = backoffice::MakeConnection(options);
  if (!connection.ok()) {
    std::cerr << "stock_control_bench: " << connection.status() << "\n";
    return 2;
  }
  backoffice::StockControlClient client(*connection);
  backoffice::domain::SlowMoversQuery slow_query;
  double best_expiring = 1e18, best_expiring_raw = 1e18;
  double best_slow = 1e18, best_slow_raw = 1e18;
  long long expiring_rows = 0, slow_rows = 0;
  for (int round = 0; round < rounds; ++round) {
    // Through the server.
    long long rows = 0;
    auto start = Clock::now();
    v1::ListExpiringLotsRequest expiring;
    expiring.set_within_days(7);
    expiring.set_page_size(page_size);
    for (;;) {
      auto page = client.ListExpiringLots(expiring);
      if (!page.ok()) {
        std::cerr << "stock_control_bench: ListExpiringLots: " << page.status()
                  << "\n";
        return 1;
      }
      rows += page->lots_size();
      if (page->next_page_token().empty()) break;
      expiring.set_page_token(page->next_page_token());
    }
    const double expiring_ms = MillisSince(start);
    expiring_rows = rows;
    rows = 0;
    start = Clock::now();
    v1::ListSlowMoversRequest slow;
    slow.set_page_size(page_size);
    for (;;) {
      auto page = client.ListSlowMovers(slow);
      if (!page.ok()) {
        std::cerr << "stock_control_bench: ListSlowMovers: " << page.status()
                  << "\n";
        return 1;
      }
      rows += page->slow_movers_size();
      if (page->next_page_token().empty()) break;
      slow.set_page_token(page->next_page_token());
    }
    const double slow_ms = MillisSince(start);
    slow_rows = rows;

    // Raw: the repository's reads, paged the same way, on one session.
    long long raw_expiring = 0, raw_slow = 0;
    double expiring_raw_ms = 0, slow_raw_ms = 0;
    auto status = database.WithSession([&](soci::session& s) {
      auto t = Clock::now();
      const long long now = NowMicros();
      for (const auto& store :
           backoffice::storage::StoresInScope(s, "", 0, now)) {
        std::string after_day;
        long long after_lot = 0;
        for (;;) {
          auto lots = backoffice::storage::ReadExpiringLots(
              s, store, 7, false, after_day, after_lot, page_size + 1);
          const bool more = static_cast<int>(lots.size()) > page_size;
          if (more) lots.resize(static_cast<std::size_t>(page_size));
          raw_expiring += static_cast<long long>(lots.size());
          if (!more) break;
          after_lot = lots.back().lot_id;
          after_day = backoffice::domain::SellableUntil(
              lots.back().expiry_date, lots.back().sell_by_margin_days);
        }
      }
      expiring_raw_ms = MillisSince(t);
      t = Clock::now();
      const auto all = backoffice::storage::StoresInScope(s, "", 0, now);
      std::string after_value;
      long long after_store = 0, after_product = 0;
      for (;;) {
        auto movers = backoffice::storage::ReadSlowMovers(
            s, all, slow_query, after_value, after_store, after_product,
            page_size + 1);
        const bool more = static_cast<int>(movers.size()) > page_size;
        if (more) movers.resize(static_cast<std::size_t>(page_size));
        raw_slow += static_cast<long long>(movers.size());
        if (!more) break;
        const auto& last = movers.back();
        after_value = std::to_string(last.on_hand_milli * last.unit_cost_minor);
        after_store = last.store_id;
        after_product = last.product_id;
      }
      slow_raw_ms = MillisSince(t);
      return DbStatus();
    });
    if (!status.ok()) {
      std::cerr << "stock_control_bench: raw: " << status << "\n";
      return 1;
    }
    if (raw_expiring != expiring_rows || raw_slow != slow_rows) {
      std::cerr << "stock_control_bench: the server listed " << expiring_rows
                << " lots and " << slow_rows << " slow movers, raw "
                << raw_expiring << " and " << raw_slow << "\n";
      return 1;
    }
    std::cout << std::fixed << std::setprecision(1) << "round " << round + 1
              << ": expiring " << expiring_ms << " ms (raw " << expiring_raw_ms
              << "), slow " << slow_ms << " ms (raw " << slow_raw_ms << ")\n";
    best_expiring = std::min(best_expiring, expiring_ms);
    best_expiring_raw = std::min(best_expiring_raw, expiring_raw_ms);
    best_slow = std::min(best_slow, slow_ms);
    best_slow_raw = std::min(best_slow_raw, slow_raw_ms);
  }
  std::cout << std::fixed << std::setprecision(1)
            << "stock control: " << expiring_rows << " lots within 7 days, "
            << slow_rows << " slow movers over " << stores
            << " stores; best of " << rounds << "\n";
  std::cout << std::fixed << std::setprecision(0)
            << "expiring_ms=" << best_expiring
            << " expiring_raw_ms=" << best_expiring_raw << std::setprecision(2)
            << " expiring_vs_raw="
            << best_expiring / std::max(best_expiring_raw, 1e-3)
            << std::setprecision(0) << " slow_ms=" << best_slow
            << " slow_raw_ms=" << best_slow_raw << std::setprecision(2)
            << " slow_vs_raw=" << best_slow / std::max(best_slow_raw, 1e-3)
            << "\n";
  return 0;
}
