// The counts and transfers benchmark (tools/bench.sh runs it after the
// stock documents benchmark), each beside the same rows written raw
// through SOCI and the server's posting component in the same run.
//
// - counts: a count of --products products is opened and entered (in
//   entries of 500, unmeasured), each product found one unit short; then
//   PostStockCount is timed: the variances' balance rows locked, valued,
//   judged against the store's threshold (set high: it posts at once) and
//   posted through StockLedger. Raw: the same adjustments, that is the
//   balance rows locked, the movements through StockLedger, the lines'
//   values and the count's state written, in one transaction.
// - transfers: SendStockTransfer by the sending store's staff, then
//   ReceiveStockTransfer by the receiving store's staff; raw: the
//   transfer's rows and its movement out, then its movement in and the
//   receipt's UPDATEs, in two transactions.
//
// It seeds through SQL the products with a balance of a million units at
// cost 1,000 in the counting store (and one of them in the sending store),
// and a count threshold of 10^15 for the counting store. Rounds run one
// after the other; the figures are medians of --rounds rounds. The last
// line is `count_post_ms=N count_raw_ms=N count_vs_raw=R transfer_per_s=N
// transfer_raw_per_s=N transfer_vs_raw=R`: count_vs_raw is a ratio of
// times (above 1, the server takes longer), transfer_vs_raw one of rates
// (below 1, the server is slower).
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
#include "core/storage/multi_insert.h"
#include "core/storage/sql_util.h"
#include "inventory/storage/stock_posting.h"

namespace {

namespace v1 = backoffice::v1;
using backoffice::sim::Clock;
using backoffice::sim::Median;
using backoffice::sim::MillisSince;
using backoffice::sim::SecondsSince;
using DbStatus = backoffice::domain::Status;
using backoffice::storage::MultiInsert;
using backoffice::storage::StockLedger;
using backoffice::storage::StockLine;

constexpr long long kOnHand = 1'000'000'000;  // A million units.

struct Seeded {
  long long count_store_id = 0;
  long long from_store_id = 0;
  long long to_store_id = 0;
  std::vector<long long> product_ids;
  std::vector<std::string> skus;
};

long long StoreId(soci::session& s, const std::string& code) {
  long long id = 0;
  s << "SELECT id FROM stores WHERE code = :c", soci::use(code), soci::into(id);
  if (!s.got_data()) throw std::runtime_error("store " + code + " missing");
  return id;
}

Seeded Seed(soci::session& s, const std::string& count_store,
            const std::string& from_store, const std::string& to_store,
            int products) {
  Seeded out;
  out.count_store_id = StoreId(s, count_store);
  out.from_store_id = StoreId(s, from_store);
  out.to_store_id = StoreId(s, to_store);
  MultiInsert insert(
      "INSERT INTO products (sku, display_name, unit_of_measure, "
      "sold_by_weight, tax_rate_basis_points, default_price_minor, "
      "price_currency_code, active, create_time, update_time, "
      "shelf_life_days, sell_by_margin_days)",
      4,
      "(?, ?, 'pcs', 0, ?, ?, 'IDR', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), "
      "0, 0)");
  for (int i = 0; i < products; ++i) {
    char sku[32];
    std::snprintf(sku, sizeof sku, "CTB-%06d", i);
    out.skus.push_back(sku);
    insert.AddRow(
        {std::string(sku), std::string("Count bench ") + sku, 1100LL, 2000LL});
  }
  insert.Execute(s);
  const long long first = backoffice::storage::LastInsertId(s);
  for (int i = 0; i < products; ++i) out.product_ids.push_back(first + i);
  MultiInsert balances(
      "INSERT INTO stock_balances (store_id, product_id, on_hand_milli, "
      "last_movement_id, last_movement_time, update_time, "
      "average_unit_cost_minor)",
      3, "(?, ?, ?, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 1000)");
  for (long long id : out.product_ids) {
    balances.AddRow({out.count_store_id, id, kOnHand});
  }
  balances.AddRow({out.from_store_id, out.product_ids[0], kOnHand});
  balances.Execute(s);
  // The stock is in each store's unknown lot, as StockLedger keeps it.
  MultiInsert lots(
      "INSERT INTO stock_lots (store_id, product_id, lot_code, expiry_date, "
      "quantity_milli, create_time, update_time)",
      3, "(?, ?, '', NULL, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
  for (long long id : out.product_ids) {
    lots.AddRow({out.count_store_id, id, kOnHand});
  }
  lots.AddRow({out.from_store_id, out.product_ids[0], kOnHand});
  lots.Execute(s);
  s << "INSERT INTO inventory_settings (store_id, "
       "write_off_approval_threshold_minor, count_approval_threshold_minor, "
       "count_head_office_threshold_minor, update_time) VALUES (:s, 0, "
       "1000000000000000, 0, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE "
       "count_approval_threshold_minor = 1000000000000000",
      soci::use(out.count_store_id);
  return out;
}

// A count of every seeded product posted raw: the count's rows as the
// server keeps them are not written; what is, is what posting a count
// does: the balance rows locked in product order, the variances through
// StockLedger, the lines' values and the count's state.
void PostCountRaw(backoffice::storage::Database& db, const Seeded& seed,
                  long long document_pk, const std::string& id) {
  auto status = db.InTransaction([&](soci::session& s) {
    long long store = seed.count_store_id;
    soci::rowset<soci::row> locked =
        (s.prepare << "SELECT product_id, average_unit_cost_minor FROM "
                      "stock_balances WHERE store_id = :s ORDER BY "
                      "product_id FOR UPDATE",
         soci::use(store));
    std::size_t n = 0;
    for (const auto& row : locked) {
      (void)row;
      ++n;
    }
    if (n < seed.product_ids.size()) {
      throw std::runtime_error("balances missing");
    }
    const long long now = backoffice::domain::SystemNowMicros();
    std::vector<StockLine> lines;
    int number = 0;
    for (long long product : seed.product_ids) {
      StockLine line;
      line.line_number = ++number;
      line.product_id = product;
      line.quantity_milli = -1000;
      lines.push_back(std::move(line));
    }
    StockLedger ledger;
    ledger.Post({backoffice::domain::MovementType::kStockCount, "COUNT",
                 seed.count_store_id, document_pk, id, now, now,
                 backoffice::domain::DayInZone(now, "Asia/Jakarta")},
                lines);
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    s << "UPDATE stock_count_lines SET unit_cost_minor = 1000, "
         "variance_value_minor = -1000 WHERE count_pk = :pk",
        soci::use(document_pk);
    s << "UPDATE stock_counts SET state = 'POSTED', post_time = "
         "UTC_TIMESTAMP(6) WHERE id = :pk",
        soci::use(document_pk);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

// One transfer raw: sent (its rows and the movement out), then received
// (the movement in, the line and the header).
void TransferRaw(backoffice::storage::Database& db, const Seeded& seed,
                 const std::string& id) {
  long long pk = 0;
  const long long product = seed.product_ids[0];
  auto status = db.InTransaction([&](soci::session& s) {
    long long from = seed.from_store_id;
    long long to = seed.to_store_id;
    long long on_hand = 0;
    s << "SELECT on_hand_milli FROM stock_balances WHERE store_id = :s AND "
         "product_id = :p FOR UPDATE",
        soci::use(from), soci::use(product), soci::into(on_hand);
    s << "INSERT INTO stock_transfers (from_store_id, transfer_id, "
         "fingerprint, to_store_id, state, note, currency_code, "
         "total_cost_minor, sent_by, sent_by_name, send_time) VALUES (:f, "
         ":i, REPEAT('0', 64), :t, 'IN_TRANSIT', '', 'IDR', 1000, 'tok_1', "
         "'raw', UTC_TIMESTAMP(6))",
        soci::use(from), soci::use(id), soci::use(to);
    pk = backoffice::storage::LastInsertId(s);
    s << "INSERT INTO stock_transfer_lines (transfer_pk, line_number, "
         "product_id, quantity_milli, unit_cost_minor, line_cost_minor) "
         "VALUES (:pk, 1, :p, 1000, 1000, 1000)",
        soci::use(pk), soci::use(product);
    const long long now = backoffice::domain::SystemNowMicros();
    StockLine line;
    line.line_number = 1;
    line.product_id = product;
    line.quantity_milli = -1000;
    StockLedger ledger;
    ledger.Post({backoffice::domain::MovementType::kTransferOut, "TRANSFER",
                 seed.from_store_id, pk, id, now, now,
                 backoffice::domain::DayInZone(now, "Asia/Jakarta")},
                {line});
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    s << "INSERT INTO stock_transfer_lots (transfer_pk, line_number, "
         "lot_number, lot_code, expiry_date, quantity_milli) VALUES (:pk, 1, "
         "1, '', NULL, 1000)",
        soci::use(pk);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
  status = db.InTransaction([&](soci::session& s) {
    long long found = 0;
    s << "SELECT id FROM stock_transfers WHERE id = :pk FOR UPDATE",
        soci::use(pk), soci::into(found);
    const long long now = backoffice::domain::SystemNowMicros();
    StockLine line;
    line.line_number = 1;
    line.product_id = product;
    line.quantity_milli = 1000;
    line.lot = backoffice::storage::LotRef{};
    line.unit_cost_minor = 1000;
    StockLedger ledger;
    ledger.Post({backoffice::domain::MovementType::kTransferIn,
                 "TRANSFER_RECEIVED", seed.to_store_id, pk, id, now, now,
                 backoffice::domain::DayInZone(now, "Asia/Jakarta")},
                {line});
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    s << "UPDATE stock_transfer_lines SET received_milli = 1000 WHERE "
         "transfer_pk = :pk",
        soci::use(pk);
    s << "UPDATE stock_transfers SET state = 'RECEIVED', "
         "receipt_fingerprint = REPEAT('0', 64), received_by = 'tok_2', "
         "received_by_name = 'raw', receive_time = UTC_TIMESTAMP(6) WHERE id "
         "= :pk",
        soci::use(pk);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

backoffice::StockControlClient StockControl(const std::string& address,
                                            const std::string& token) {
  backoffice::ConnectionOptions options;
  options.address = address;
  options.token = token;
  options.timeout = std::chrono::milliseconds(120000);
  return backoffice::StockControlClient(*backoffice::MakeConnection(options));
}

void Must(const backoffice::Status& status, const std::string& what) {
  if (!status.ok()) throw std::runtime_error(what + ": " + status.ToString());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "Stock counts and transfers through backofficed, beside the same rows "
      "written raw"};
  std::string address = "127.0.0.1:50051";
  std::string count_store = "KB1";
  std::string from_store = "KB2";
  std::string to_store = "KB3";
  std::string counter_token, sender_token, receiver_token;
  int products = 5000;
  int transfers = 200;
  int rounds = 3;
  std::string password_file;
  backoffice::storage::DatabaseConfig db;
  cli.add_option("--address", address, "backofficed")
      ->envname("BACKOFFICE_ADDR");
  cli.add_option("--count-store", count_store,
                 "an empty store (IDR, Asia/Jakarta) to count")
      ->capture_default_str();
  cli.add_option("--from-store", from_store, "the sending store")
      ->capture_default_str();
  cli.add_option("--to-store", to_store, "the receiving store")
      ->capture_default_str();
  cli.add_option("--counter-token", counter_token,
                 "staff of the counting store")
      ->required();
  cli.add_option("--sender-token", sender_token, "staff of the sending store")
      ->required();
  cli.add_option("--receiver-token", receiver_token,
                 "staff of the receiving store")
      ->required();
  cli.add_option("--products", products, "counted in each count")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  cli.add_option("--transfers", transfers, "per side and round")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cli.add_option("--rounds", rounds)
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  backoffice::sim::AddDatabaseOptions(cli, db, password_file);
  CLI11_PARSE(cli, argc, argv);
  if (!backoffice::sim::ReadDatabasePassword(db, password_file,
                                             "count_transfer_bench")) {
    return 2;
  }
  backoffice::storage::Database database(db);
  Seeded seed;
  auto status = database.InTransaction([&](soci::session& s) {
    seed = Seed(s, count_store, from_store, to_store, products);
    return DbStatus();
  });
  if (!status.ok()) {
    std::cerr << "count_transfer_bench: seeding failed: " << status << "\n";
    return 2;
  }
  auto counter = StockControl(address, counter_token);
  auto sender = StockControl(address, sender_token);
  auto receiver = StockControl(address, receiver_token);

  // The book of each product goes down by one unit per posted count (the
  // raw side posts the same variances), so each count finds the book less
  // one.
  long long book = kOnHand;
  auto open_and_enter = [&](const std::string& id) {
    v1::OpenStockCountRequest open;
    open.set_store_code(count_store);
    open.set_count_id(id);
    Must(counter.OpenStockCount(open).status(), "OpenStockCount");
    for (std::size_t from = 0; from < seed.skus.size(); from += 500) {
      v1::EnterStockCountRequest enter;
      enter.set_store_code(count_store);
      enter.set_count_id(id);
      enter.set_entry_id("e" + std::to_string(from));
      const std::size_t to = std::min(seed.skus.size(), from + 500);
      for (std::size_t i = from; i < to; ++i) {
        auto* line = enter.add_lines();
        line->set_sku(seed.skus[i]);
        line->set_counted_milli(book - 1000);
      }
      Must(counter.EnterStockCount(enter).status(), "EnterStockCount");
    }
  };
  auto post = [&](const std::string& id) {
    v1::PostStockCountRequest request;
    request.set_store_code(count_store);
    request.set_count_id(id);
    auto posted = counter.PostStockCount(request);
    Must(posted.status(), "PostStockCount");
    if (posted->count().state() != v1::STOCK_COUNT_STATE_POSTED ||
        posted->count().variance_value().minor_units() !=
            static_cast<long long>(seed.skus.size()) * 1000) {
      throw std::runtime_error("PostStockCount did not post the variances: " +
                               posted->count().DebugString());
    }
    book -= 1000;
  };
  // The raw side's count: the same lines as the server's, its rows written
  // by the server (opened and entered), so that raw writes what posting
  // writes and nothing else.
  auto raw_post = [&](const std::string& id) {
    long long pk = 0;
    auto found = database.WithSession([&](soci::session& s) {
      s << "SELECT id FROM stock_counts WHERE store_id = :s AND count_id = :c",
          soci::use(seed.count_store_id), soci::use(id), soci::into(pk);
      return DbStatus();
    });
    if (!found.ok() || pk == 0) throw std::runtime_error("raw count missing");
    PostCountRaw(database, seed, pk, id);
    // The count's products are free again, as after a posting.
    auto freed = database.InTransaction([&](soci::session& s) {
      s << "DELETE FROM stock_count_open_products WHERE count_pk = :pk",
          soci::use(pk);
      return DbStatus();
    });
    if (!freed.ok()) throw std::runtime_error(freed.ToString());
    book -= 1000;
  };
  auto transfer = [&](const std::string& id) {
    v1::SendStockTransferRequest send;
    send.set_from_store_code(from_store);
    send.set_transfer_id(id);
    send.set_to_store_code(to_store);
    auto* line = send.add_lines();
    line->set_sku(seed.skus[0]);
    line->set_quantity_milli(1000);
    Must(sender.SendStockTransfer(send).status(), "SendStockTransfer");
    v1::ReceiveStockTransferRequest receive;
    receive.set_to_store_code(to_store);
    receive.set_from_store_code(from_store);
    receive.set_transfer_id(id);
    auto received = receiver.ReceiveStockTransfer(receive);
    Must(received.status(), "ReceiveStockTransfer");
    if (received->transfer().state() != v1::STOCK_TRANSFER_STATE_RECEIVED) {
      throw std::runtime_error("ReceiveStockTransfer left a difference");
    }
  };

  std::vector<double> counts, counts_raw, transfers_rate, transfers_raw;
  try {
    // Connections and the buffer pool warm up unmeasured.
    open_and_enter("warm");
    post("warm");
    open_and_enter("warm-raw");
    raw_post("warm-raw");
    transfer("warm-t");
    TransferRaw(database, seed, "warm-tr");
    for (int round = 0; round < rounds; ++round) {
      const std::string tag = std::to_string(round);
      open_and_enter("c" + tag);
      auto start = Clock::now();
      post("c" + tag);
      counts.push_back(MillisSince(start));
      open_and_enter("cr" + tag);
      start = Clock::now();
      raw_post("cr" + tag);
      counts_raw.push_back(MillisSince(start));
      start = Clock::now();
      for (int n = 0; n < transfers; ++n) {
        transfer("t" + tag + "-" + std::to_string(n));
      }
      transfers_rate.push_back(transfers / SecondsSince(start));
      start = Clock::now();
      for (int n = 0; n < transfers; ++n) {
        TransferRaw(database, seed, "tr" + tag + "-" + std::to_string(n));
      }
      transfers_raw.push_back(transfers / SecondsSince(start));
      std::cout << std::fixed << std::setprecision(1) << "round " << round + 1
                << ": count of " << seed.skus.size() << " posted in "
                << counts.back() << " ms (raw " << counts_raw.back()
                << "), transfers " << transfers_rate.back() << "/s (raw "
                << transfers_raw.back() << ")\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "count_transfer_bench: " << e.what() << "\n";
    return 1;
  }
  const double c = Median(counts), cr = Median(counts_raw);
  const double t = Median(transfers_rate), tr = Median(transfers_raw);
  std::cout << std::fixed << std::setprecision(1) << "counts of "
            << seed.skus.size() << " products, " << transfers
            << " transfers per side and round, median of " << rounds
            << " rounds\n";
  std::cout << std::fixed << std::setprecision(1) << "count_post_ms=" << c
            << " count_raw_ms=" << cr << std::setprecision(2)
            << " count_vs_raw=" << c / std::max(cr, 1e-3)
            << std::setprecision(1) << " transfer_per_s=" << t
            << " transfer_raw_per_s=" << tr << std::setprecision(2)
            << " transfer_vs_raw=" << t / std::max(tr, 1e-9) << "\n";
  return 0;
}
