// The stock documents benchmark (tools/bench.sh runs it after the stock
// control benchmark): the four-eyes documents of stock control, each
// beside the same rows written raw through SOCI and the server's posting
// components in the same run.
//
// - write-offs: AdjustStock by store staff above the store's threshold (a
//   request), then ApproveStockAdjustment by a manager (the adjustment
//   through StockLedger); raw: the request's INSERT in one transaction,
//   then the adjustment's INSERT, its movement through StockLedger and the
//   request's UPDATE in another.
// - supplier returns: CreateSupplierReturn by staff, ApproveSupplierReturn
//   by a manager, ShipSupplierReturn by staff (the lot out through
//   StockLedger, a credit note through PartyLedger); raw: the return and
//   its line, the approval's UPDATE, then the shipment's locks, movement,
//   credit note and UPDATEs, in three transactions.
//
// It seeds through SQL a product with a lot of a billion units at cost
// 1,000 and a supplier with an item for it; the store's threshold is 0, so
// every write-off waits. Each round runs --documents of each kind on each
// side, one after the other; the rates are the median of --rounds rounds.
// The last line is `writeoff_per_s=N writeoff_raw_per_s=N
// writeoff_vs_raw=R return_per_s=N return_raw_per_s=N return_vs_raw=R`.
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
#include "core/storage/sql_util.h"
#include "credit/storage/party_ledger.h"
#include "inventory/storage/stock_posting.h"

namespace {

namespace v1 = backoffice::v1;
using backoffice::sim::Clock;
using backoffice::sim::Median;
using backoffice::sim::MillisSince;
using backoffice::sim::NowMicros;
using backoffice::sim::SecondsSince;
using DbStatus = backoffice::domain::Status;
using backoffice::storage::LedgerDocument;
using backoffice::storage::LedgerParty;
using backoffice::storage::PartyLedger;
using backoffice::storage::StockLedger;
using backoffice::storage::StockLine;

struct Seeded {
  long long store_id = 0;
  long long product_id = 0;
  long long supplier_id = 0;
  long long lot_id = 0;
  std::string sku;
  std::string supplier_code;
  std::string expiry;
};

Seeded Seed(soci::session& s, const std::string& store) {
  Seeded out;
  s << "SELECT id FROM stores WHERE code = :c", soci::use(store),
      soci::into(out.store_id);
  if (!s.got_data()) throw std::runtime_error("store " + store + " missing");
  out.sku = "SDB-" + store;
  out.supplier_code = "SDB-SUP-" + store;
  s << "INSERT INTO suppliers (code, display_name, phone, email, address, "
       "payment_terms_days, active, create_time, update_time) VALUES (:c, "
       "'Stock documents bench supplier', '', '', '', 30, 1, "
       "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
      soci::use(out.supplier_code);
  out.supplier_id = backoffice::storage::LastInsertId(s);
  s << "INSERT INTO products (sku, display_name, unit_of_measure, "
       "sold_by_weight, tax_rate_basis_points, default_price_minor, "
       "price_currency_code, active, create_time, update_time, "
       "shelf_life_days, sell_by_margin_days) VALUES (:k, 'Stock documents "
       "bench product', 'pcs', 0, 1100, 2000, 'IDR', 1, UTC_TIMESTAMP(6), "
       "UTC_TIMESTAMP(6), 365, 0)",
      soci::use(out.sku);
  out.product_id = backoffice::storage::LastInsertId(s);
  s << "INSERT INTO supplier_items (supplier_id, product_id, supplier_sku, "
       "pack_size_milli, min_order_quantity_milli, unit_cost_minor, "
       "cost_currency_code, tax_rate_basis_points, lead_time_days, active, "
       "create_time, update_time) VALUES (:su, :p, 'SDB', 1000, 1000, 1000, "
       "'IDR', 1100, 1, 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
      soci::use(out.supplier_id), soci::use(out.product_id);
  s << "INSERT INTO stock_balances (store_id, product_id, on_hand_milli, "
       "last_movement_id, last_movement_time, update_time, "
       "average_unit_cost_minor) VALUES (:s, :p, 1000000000000, 0, "
       "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 1000)",
      soci::use(out.store_id), soci::use(out.product_id);
  s << "SELECT DATE_FORMAT(DATE_ADD(UTC_DATE(), INTERVAL 300 DAY), "
       "'%Y-%m-%d')",
      soci::into(out.expiry);
  s << "INSERT INTO stock_lots (store_id, product_id, lot_code, expiry_date, "
       "quantity_milli, create_time, update_time) VALUES (:s, :p, 'L', :e, "
       "1000000000000, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
      soci::use(out.store_id), soci::use(out.product_id), soci::use(out.expiry);
  out.lot_id = backoffice::storage::LastInsertId(s);
  return out;
}

// One write-off raw: the request, then its approval's posting.
void WriteOffRaw(backoffice::storage::Database& db, const Seeded& seed,
                 const std::string& id) {
  long long request_pk = 0;
  auto status = db.InTransaction([&](soci::session& s) {
    long long store = seed.store_id;
    long long product = seed.product_id;
    s << "INSERT INTO stock_adjustment_requests (store_id, adjustment_id, "
         "fingerprint, product_id, quantity_delta_milli, reason, note, "
         "value_minor, state, requested_by, requested_by_name, create_time) "
         "VALUES (:s, :i, REPEAT('0', 64), :p, -1000, 'DAMAGE', '', -1000, "
         "'PENDING_APPROVAL', 'tok_1', 'raw', UTC_TIMESTAMP(6))",
        soci::use(store), soci::use(id), soci::use(product);
    request_pk = backoffice::storage::LastInsertId(s);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
  status = db.InTransaction([&](soci::session& s) {
    long long pk = request_pk;
    long long found = 0;
    s << "SELECT id FROM stock_adjustment_requests WHERE id = :pk FOR UPDATE",
        soci::use(pk), soci::into(found);
    long long store = seed.store_id;
    long long product = seed.product_id;
    s << "INSERT INTO stock_adjustments (adjustment_id, fingerprint, "
         "store_id, product_id, quantity_delta_milli, reason, note, "
         "record_time) VALUES (:i, REPEAT('0', 64), :s, :p, -1000, 'DAMAGE', "
         "'', UTC_TIMESTAMP(6))",
        soci::use(id), soci::use(store), soci::use(product);
    long long adjustment = backoffice::storage::LastInsertId(s);
    const long long now = backoffice::domain::SystemNowMicros();
    StockLine line;
    line.line_number = 1;
    line.product_id = seed.product_id;
    line.quantity_milli = -1000;
    StockLedger ledger;
    ledger.Post({backoffice::domain::MovementType::kAdjustment, "DAMAGE",
                 seed.store_id, adjustment, id, now, now,
                 backoffice::domain::DayInZone(now, "Asia/Jakarta")},
                {line});
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    s << "UPDATE stock_adjustments SET unit_cost_minor = 1000, value_minor = "
         "-1000 WHERE id = :a",
        soci::use(adjustment);
    s << "UPDATE stock_adjustment_requests SET state = 'POSTED', decided_by = "
         "'tok_2', adjustment_pk = :a, decide_time = UTC_TIMESTAMP(6) WHERE "
         "id = :pk",
        soci::use(adjustment), soci::use(pk);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

// One supplier return raw: drafted, approved, shipped with its credit note.
void ReturnRaw(backoffice::storage::Database& db, const Seeded& seed,
               const std::string& id) {
  long long pk = 0;
  auto status = db.InTransaction([&](soci::session& s) {
    long long store = seed.store_id;
    long long supplier = seed.supplier_id;
    s << "INSERT INTO supplier_returns (store_id, return_id, fingerprint, "
         "supplier_id, settlement, state, note, currency_code, created_by, "
         "created_by_name, create_time) VALUES (:s, :i, REPEAT('0', 64), "
         ":su, 'CREDIT_NOTE', 'DRAFT', '', 'IDR', 'tok_1', 'raw', "
         "UTC_TIMESTAMP(6))",
        soci::use(store), soci::use(id), soci::use(supplier);
    pk = backoffice::storage::LastInsertId(s);
    long long product = seed.product_id;
    long long lot = seed.lot_id;
    s << "INSERT INTO supplier_return_lines (return_pk, line_number, "
         "product_id, lot_id, quantity_milli, reason, tax_rate_basis_points) "
         "VALUES (:pk, 1, :p, :l, 1000, 'DAMAGED', 1100)",
        soci::use(pk), soci::use(product), soci::use(lot);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
  status = db.InTransaction([&](soci::session& s) {
    s << "UPDATE supplier_returns SET state = 'APPROVED', decided_by = "
         "'tok_2', decide_time = UTC_TIMESTAMP(6) WHERE id = :pk",
        soci::use(pk);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
  status = db.InTransaction([&](soci::session& s) {
    long long found = 0;
    s << "SELECT id FROM supplier_returns WHERE id = :pk FOR UPDATE",
        soci::use(pk), soci::into(found);
    long long store = seed.store_id;
    long long product = seed.product_id;
    long long cost = 0;
    s << "SELECT average_unit_cost_minor FROM stock_balances WHERE store_id "
         "= :s AND product_id = :p FOR UPDATE",
        soci::use(store), soci::use(product), soci::into(cost);
    long long lot = seed.lot_id;
    long long held = 0;
    s << "SELECT quantity_milli FROM stock_lots WHERE id = :l FOR UPDATE",
        soci::use(lot), soci::into(held);
    const long long now = backoffice::domain::SystemNowMicros();
    const std::string today =
        backoffice::domain::DayInZone(now, "Asia/Jakarta");
    StockLine line;
    line.line_number = 1;
    line.product_id = seed.product_id;
    line.quantity_milli = -1000;
    line.shares.push_back({seed.lot_id, -1000});
    StockLedger ledger;
    ledger.Post({backoffice::domain::MovementType::kSupplierReturn,
                 "SUPPLIER_RETURN", seed.store_id, pk, id, now, now, today},
                {line});
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    s << "UPDATE supplier_return_lines SET unit_cost_minor = 1000, "
         "line_cost_minor = 1000, line_tax_minor = 110 WHERE return_pk = :pk",
        soci::use(pk);
    const LedgerParty party{seed.store_id,
                            backoffice::domain::PartyKind::kSupplier,
                            seed.supplier_id, "IDR"};
    PartyLedger::LockAccount(s, party);
    LedgerDocument note;
    note.type = backoffice::domain::PartyDocumentType::kCreditNote;
    note.direction = backoffice::domain::Direction::kCredit;
    note.source_type = "SUPPLIER_RETURN";
    note.source_id = id;
    note.source_pk = pk;
    note.amount_minor = 1110;
    note.document_day = today;
    note.due_day = today;
    note.recorded_by = "tok_1";
    note.recorded_by_name = "raw";
    long long credit = PartyLedger::Append(s, party, note);
    s << "UPDATE supplier_returns SET state = 'SHIPPED', total_cost_minor = "
         "1000, total_tax_minor = 110, credit_document_id = :d, shipped_by = "
         "'tok_1', ship_time = UTC_TIMESTAMP(6) WHERE id = :pk",
        soci::use(credit), soci::use(pk);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

backoffice::StockControlClient StockControl(const std::string& address,
                                            const std::string& token) {
  backoffice::ConnectionOptions options;
  options.address = address;
  options.token = token;
  return backoffice::StockControlClient(*backoffice::MakeConnection(options));
}

backoffice::InventoryClient Inventory(const std::string& address,
                                      const std::string& token) {
  backoffice::ConnectionOptions options;
  options.address = address;
  options.token = token;
  return backoffice::InventoryClient(*backoffice::MakeConnection(options));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "Write-offs and supplier returns by four eyes through backofficed, "
      "beside the same rows written raw"};
  std::string address = "127.0.0.1:50051";
  std::string store = "DB1";
  std::string staff_token;
  std::string manager_token;
  int documents = 200;
  int rounds = 3;
  std::string password_file;
  backoffice::storage::DatabaseConfig db;
  cli.add_option("--address", address, "backofficed")
      ->envname("BACKOFFICE_ADDR");
  cli.add_option("--store", store, "an existing store (IDR, Asia/Jakarta)")
      ->capture_default_str();
  cli.add_option("--staff-token", staff_token, "the store's staff: the maker")
      ->required();
  cli.add_option("--manager-token", manager_token,
                 "the store's manager: the checker")
      ->required();
  cli.add_option("--documents", documents, "of each kind, side and round")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cli.add_option("--rounds", rounds)
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  backoffice::sim::AddDatabaseOptions(cli, db, password_file);
  CLI11_PARSE(cli, argc, argv);
  if (!backoffice::sim::ReadDatabasePassword(db, password_file,
                                             "stock_documents_bench")) {
    return 2;
  }
  backoffice::storage::Database database(db);
  Seeded seed;
  auto status = database.InTransaction([&](soci::session& s) {
    seed = Seed(s, store);
    return DbStatus();
  });
  if (!status.ok()) {
    std::cerr << "stock_documents_bench: seeding failed: " << status << "\n";
    return 2;
  }
  auto maker_inventory = Inventory(address, staff_token);
  auto checker_inventory = Inventory(address, manager_token);
  auto maker_returns = StockControl(address, staff_token);
  auto checker_returns = StockControl(address, manager_token);

  auto write_off = [&](const std::string& id) {
    v1::AdjustStockRequest ask;
    ask.set_adjustment_id(id);
    ask.set_store_code(store);
    ask.set_sku(seed.sku);
    ask.set_quantity_delta_milli(-1000);
    ask.set_reason(v1::ADJUSTMENT_REASON_DAMAGE);
    auto asked = maker_inventory.AdjustStock(ask);
    if (!asked.ok() || !asked->has_approval_request()) {
      throw std::runtime_error("AdjustStock: " +
                               (asked.ok() ? std::string("posted at once")
                                           : asked.status().ToString()));
    }
    v1::ApproveStockAdjustmentRequest approve;
    approve.set_store_code(store);
    approve.set_adjustment_id(id);
    auto approved = checker_inventory.ApproveStockAdjustment(approve);
    if (!approved.ok()) {
      throw std::runtime_error("ApproveStockAdjustment: " +
                               approved.status().ToString());
    }
  };
  auto supplier_return = [&](const std::string& id) {
    v1::CreateSupplierReturnRequest create;
    create.set_store_code(store);
    create.set_return_id(id);
    create.set_supplier_code(seed.supplier_code);
    auto* line = create.add_lines();
    line->set_sku(seed.sku);
    line->set_lot_code("L");
    line->set_expiry_date(seed.expiry);
    line->set_quantity_milli(1000);
    line->set_reason(v1::RETURN_REASON_DAMAGED);
    auto created = maker_returns.CreateSupplierReturn(create);
    if (!created.ok()) {
      throw std::runtime_error("CreateSupplierReturn: " +
                               created.status().ToString());
    }
    v1::ApproveSupplierReturnRequest approve;
    approve.set_store_code(store);
    approve.set_return_id(id);
    auto approved = checker_returns.ApproveSupplierReturn(approve);
    if (!approved.ok()) {
      throw std::runtime_error("ApproveSupplierReturn: " +
                               approved.status().ToString());
    }
    v1::ShipSupplierReturnRequest ship;
    ship.set_store_code(store);
    ship.set_return_id(id);
    auto shipped = maker_returns.ShipSupplierReturn(ship);
    if (!shipped.ok() ||
        shipped->supplier_return().credit_note_document_number() == 0) {
      throw std::runtime_error("ShipSupplierReturn: " +
                               (shipped.ok() ? std::string("no credit note")
                                             : shipped.status().ToString()));
    }
  };

  std::vector<double> write_offs, write_offs_raw, returns, returns_raw;
  try {
    // Connections and the buffer pool warm up unmeasured.
    write_off("warm-w");
    WriteOffRaw(database, seed, "warm-wr");
    supplier_return("warm-r");
    ReturnRaw(database, seed, "warm-rr");
    for (int round = 0; round < rounds; ++round) {
      const std::string tag = std::to_string(round) + "-";
      auto start = Clock::now();
      for (int n = 0; n < documents; ++n)
        write_off("w" + tag + std::to_string(n));
      write_offs.push_back(documents / SecondsSince(start));
      start = Clock::now();
      for (int n = 0; n < documents; ++n) {
        WriteOffRaw(database, seed, "wr" + tag + std::to_string(n));
      }
      write_offs_raw.push_back(documents / SecondsSince(start));
      start = Clock::now();
      for (int n = 0; n < documents; ++n) {
        supplier_return("r" + tag + std::to_string(n));
      }
      returns.push_back(documents / SecondsSince(start));
      start = Clock::now();
      for (int n = 0; n < documents; ++n) {
        ReturnRaw(database, seed, "rr" + tag + std::to_string(n));
      }
      returns_raw.push_back(documents / SecondsSince(start));
      std::cout << std::fixed << std::setprecision(1) << "round " << round + 1
                << ": write-offs " << write_offs.back() << "/s (raw "
                << write_offs_raw.back() << "), returns " << returns.back()
                << "/s (raw " << returns_raw.back() << ")\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "stock_documents_bench: " << e.what() << "\n";
    return 1;
  }
  const double w = Median(write_offs), wr = Median(write_offs_raw);
  const double r = Median(returns), rr = Median(returns_raw);
  std::cout << std::fixed << std::setprecision(1)
            << "stock documents: " << documents
            << " of each kind per side and round, median of " << rounds
            << " rounds\n";
  std::cout << std::fixed << std::setprecision(1) << "writeoff_per_s=" << w
            << " writeoff_raw_per_s=" << wr << std::setprecision(2)
            << " writeoff_vs_raw=" << w / std::max(wr, 1e-9)
            << std::setprecision(1) << " return_per_s=" << r
            << " return_raw_per_s=" << rr << std::setprecision(2)
            << " return_vs_raw=" << r / std::max(rr, 1e-9) << "\n";
  return 0;
}
