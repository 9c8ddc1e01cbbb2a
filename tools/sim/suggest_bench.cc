// The suggestion benchmark (tools/bench.sh runs it after the sales phases):
// SuggestOrders through backofficed for one store with 5,000 products and 90
// days of sales in the daily demand rollup, beside a raw SELECT of the same
// rollup rows through SOCI in the same run.
//
// It seeds its store straight through SQL for speed (products, one supplier
// with an item per product, stock for four products in five, the store's
// settings with a 90-day window, and the rollup rows), then times the best
// of --rounds calls of each. The last line of the output is
// `suggest_ms=N suggest_vs_raw=R` (the suggestion's time over the raw
// query's).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>

#include "backoffice/client.h"
#include "bench_db.h"
#include "core/storage/database.h"

namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start)
      .count();
}

void Seed(soci::session& s, const std::string& store, int products, int days) {
  long long store_id = 0;
  s << "SELECT id FROM stores WHERE code = :c", soci::use(store),
      soci::into(store_id);
  if (!s.got_data()) throw std::runtime_error("store " + store + " missing");
  const std::string prefix = "SB-" + store + "-";
  const std::string supplier = "SUPB-" + store;
  s << "INSERT INTO suppliers (code, display_name, phone, email, address, "
       "payment_terms_days, active, create_time, update_time) VALUES (:c, "
       "'Bench supplier', '', '', '', 30, 1, UTC_TIMESTAMP(6), "
       "UTC_TIMESTAMP(6))",
      soci::use(supplier);
  long long last = products - 1;
  s << "INSERT INTO products (sku, display_name, unit_of_measure, "
       "sold_by_weight, tax_rate_basis_points, default_price_minor, "
       "price_currency_code, active, create_time, update_time) SELECT "
       "CONCAT(:p, LPAD(seq, 5, '0')), CONCAT('Bench product ', seq), 'pcs', "
       "0, 1100, 10000, 'IDR', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM "
       "seq_0_to_99999 WHERE seq <= :n",
      soci::use(prefix), soci::use(last);
  const std::string like = prefix + "%";
  s << "INSERT INTO supplier_items (supplier_id, product_id, supplier_sku, "
       "pack_size_milli, min_order_quantity_milli, unit_cost_minor, "
       "cost_currency_code, tax_rate_basis_points, lead_time_days, active, "
       "create_time, update_time) SELECT su.id, p.id, p.sku, 12000, 24000, "
       "7000, 'IDR', 1100, 3, 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM "
       "products p JOIN suppliers su ON su.code = :s WHERE p.sku LIKE :l",
      soci::use(supplier), soci::use(like);
  s << "INSERT INTO stock_balances (store_id, product_id, on_hand_milli, "
       "last_movement_id, last_movement_time, update_time) SELECT :st, p.id, "
       "1000000, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM products p WHERE "
       "p.sku LIKE :l AND p.id % 5 <> 0",
      soci::use(store_id), soci::use(like);
  s << "INSERT INTO store_purchasing_settings (store_id, review_period_days, "
       "demand_window_days, update_time) VALUES (:st, 7, :d, "
       "UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE demand_window_days = :d2",
      soci::use(store_id), soci::use(days), soci::use(days);
  long long last_day = days - 1;
  s << "INSERT INTO daily_demand (store_id, product_id, business_day, "
       "sold_milli, returned_milli, voided_milli, sale_count) SELECT :st, "
       "p.id, DATE_SUB(CURDATE(), INTERVAL 1 + d.seq DAY), 1000 + (p.id + "
       "d.seq) % 7 * 1000, (p.id + d.seq) % 11 DIV 10 * 1000, 0, 3 FROM "
       "products p JOIN seq_0_to_999 d ON d.seq <= :n WHERE p.sku LIKE :l",
      soci::use(store_id), soci::use(last_day), soci::use(like);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "SuggestOrders for a store with many products, beside a raw "
      "SELECT of its rollup rows"};
  std::string address = "127.0.0.1:50051";
  std::string token;
  std::string store = "SB1";
  int products = 5000;
  int days = 90;
  int rounds = 3;
  std::string password_file;
  backoffice::storage::DatabaseConfig db;
  cli.add_option("--address", address, "backofficed")
      ->envname("BACKOFFICE_ADDR");
  cli.add_option("--token", token, "a head office token")
      ->envname("BACKOFFICE_TOKEN")
      ->required();
  cli.add_option("--store", store, "an existing store (IDR) to fill")
      ->capture_default_str();
  cli.add_option("--products", products)->capture_default_str();
  cli.add_option("--days", days)
      ->capture_default_str()
      ->check(CLI::Range(1, 366));
  cli.add_option("--rounds", rounds)->capture_default_str();
  backoffice::sim::AddDatabaseOptions(cli, db, password_file);
  CLI11_PARSE(cli, argc, argv);
  if (!backoffice::sim::ReadDatabasePassword(db, password_file,
                                             "suggest_bench")) {
    return 2;
  }
  db.pool_size = 1;
  db.io_timeout_seconds = 120;
  db.lock_wait_timeout_seconds = 60;
  backoffice::storage::Database database(db);

  const auto seed_start = Clock::now();
  auto seeded = database.InTransaction([&](soci::session& s) {
    Seed(s, store, products, days);
    return backoffice::domain::Status();
  });
  if (!seeded.ok()) {
    std::cerr << "suggest_bench: seeding failed: " << seeded << "\n";
    return 2;
  }
  std::cout << "seeded " << products << " products x " << days
            << " days of rollup in " << std::fixed << std::setprecision(0)
            << MillisSince(seed_start) << " ms\n";

  backoffice::ConnectionOptions options;
  options.address = address;
  options.token = token;
  options.timeout = std::chrono::seconds(120);
  auto connection = backoffice::MakeConnection(options);
  if (!connection.ok()) {
    std::cerr << "suggest_bench: " << connection.status() << "\n";
    return 2;
  }
  backoffice::PurchaseOrderClient client(*connection);

  double best_suggest = 1e18;
  double best_raw = 1e18;
  int lines = 0;
  long long rows_read = 0;
  for (int round = 0; round < rounds; ++round) {
    backoffice::v1::SuggestOrdersRequest request;
    request.set_store_code(store);
    auto start = Clock::now();
    auto response = client.SuggestOrders(request);
    const double suggest_ms = MillisSince(start);
    if (!response.ok()) {
      std::cerr << "suggest_bench: SuggestOrders: " << response.status()
                << "\n";
      return 1;
    }
    lines = 0;
    for (const auto& g : response->groups()) lines += g.lines_size();
    best_suggest = std::min(best_suggest, suggest_ms);

    // The same rollup rows, read raw: the store's rows of the window.
    start = Clock::now();
    auto raw = database.WithSession([&](soci::session& s) {
      long long n = 0;
      long long sum = 0;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT d.product_id, d.business_day, d.sold_milli, "
                        "d.returned_milli, d.voided_milli FROM daily_demand d "
                        "JOIN stores st ON st.id = d.store_id WHERE st.code = "
                        ":c AND d.business_day BETWEEN DATE_SUB(CURDATE(), "
                        "INTERVAL :d DAY) AND DATE_SUB(CURDATE(), INTERVAL 1 "
                        "DAY)",
           soci::use(store), soci::use(days));
      for (const auto& row : rows) {
        ++n;
        sum += row.get<long long>(2);
      }
      rows_read = n;
      (void)sum;
      return backoffice::domain::Status();
    });
    const double raw_ms = MillisSince(start);
    if (!raw.ok()) {
      std::cerr << "suggest_bench: raw query: " << raw << "\n";
      return 1;
    }
    best_raw = std::min(best_raw, raw_ms);
  }
  std::cout << std::fixed << std::setprecision(1) << "suggest: " << lines
            << " lines suggested for " << products << " products, best of "
            << rounds << " " << best_suggest << " ms; raw SELECT of "
            << rows_read << " rollup rows " << best_raw << " ms\n";
  std::cout << std::setprecision(0) << "suggest_ms=" << best_suggest
            << std::setprecision(2)
            << " suggest_vs_raw=" << best_suggest / std::max(best_raw, 1e-3)
            << "\n";
  return 0;
}
