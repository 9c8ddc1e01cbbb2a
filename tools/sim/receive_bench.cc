// The receiving benchmark (tools/bench.sh runs it after the suggestion
// benchmark): 200-line deliveries received through backofficed
// (CreateGoodsReceipt against an approved order: lines, stock movements by
// lot with the moving-average cost, the order's received quantities and
// state, the payable and the audit record, in one transaction), beside the
// same rows written raw through SOCI and the server's posting component in
// the same run.
//
// It seeds its store straight through SQL (products, a supplier with an
// item per product, and one approved order per delivery), then receives
// --receipts orders each way, one after the other. The last line of the
// output is `receive_per_s=N receive_raw_per_s=N receive_vs_raw=R`.
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
#include "core/storage/multi_insert.h"
#include "core/storage/sql_util.h"
#include "inventory/storage/stock_posting.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Seeded {
  long long store_id = 0;
  long long supplier_id = 0;
  std::vector<long long> product_ids;
  std::vector<std::string> skus;
};

Seeded Seed(soci::session& s, const std::string& store, int lines, int orders) {
  Seeded out;
  s << "SELECT id FROM stores WHERE code = :c", soci::use(store),
      soci::into(out.store_id);
  if (!s.got_data()) throw std::runtime_error("store " + store + " missing");
  const std::string prefix = "RB-" + store + "-";
  const std::string supplier = "SUPR-" + store;
  s << "INSERT INTO suppliers (code, display_name, phone, email, address, "
       "payment_terms_days, active, create_time, update_time) VALUES (:c, "
       "'Receive bench supplier', '', '', '', 30, 1, UTC_TIMESTAMP(6), "
       "UTC_TIMESTAMP(6))",
      soci::use(supplier);
  out.supplier_id = backoffice::storage::LastInsertId(s);
  long long last = lines - 1;
  s << "INSERT INTO products (sku, display_name, unit_of_measure, "
       "sold_by_weight, tax_rate_basis_points, default_price_minor, "
       "price_currency_code, active, create_time, update_time, "
       "shelf_life_days, sell_by_margin_days) SELECT CONCAT(:p, LPAD(seq, 4, "
       "'0')), CONCAT('Receive bench product ', seq), 'pcs', 0, 1100, 10000, "
       "'IDR', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 365, 7 FROM "
       "seq_0_to_9999 WHERE seq <= :n",
      soci::use(prefix), soci::use(last);
  const std::string like = prefix + "%";
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, sku FROM products WHERE sku LIKE :l ORDER BY "
                    "id",
       soci::use(like));
  for (const auto& row : rows) {
    out.product_ids.push_back(row.get<long long>(0));
    out.skus.push_back(row.get<std::string>(1));
  }
  s << "INSERT INTO supplier_items (supplier_id, product_id, supplier_sku, "
       "pack_size_milli, min_order_quantity_milli, unit_cost_minor, "
       "cost_currency_code, tax_rate_basis_points, lead_time_days, active, "
       "create_time, update_time) SELECT :s, p.id, p.sku, 1000, 0, 7000, "
       "'IDR', 1100, 3, 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM products p "
       "WHERE p.sku LIKE :l",
      soci::use(out.supplier_id), soci::use(like);
  for (int n = 0; n < orders; ++n) {
    const std::string order_id = "RB-" + std::to_string(n);
    long long total = 168000LL * lines;
    long long tax = 18480LL * lines;
    s << "INSERT INTO purchase_orders (store_id, order_id, fingerprint, "
         "supplier_id, state, currency_code, version, created_by, "
         "created_by_name, last_changed_by, submitted_by, approved_by, "
         "approved_by_name, approve_time, total_cost_minor, total_tax_minor, "
         "create_time, update_time) VALUES (:st, :o, REPEAT('0', 64), :su, "
         "'APPROVED', 'IDR', 3, 'tok_0', 'bench maker', 'tok_0', 'tok_0', "
         "'tok_00', 'bench checker', UTC_TIMESTAMP(6), :t, :x, "
         "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
        soci::use(out.store_id), soci::use(order_id),
        soci::use(out.supplier_id), soci::use(total), soci::use(tax);
    long long pk = backoffice::storage::LastInsertId(s);
    s << "INSERT INTO purchase_order_lines (order_pk, line_number, "
         "product_id, quantity_milli, pack_size_milli, unit_cost_minor, "
         "tax_rate_basis_points, line_cost_minor, line_tax_minor) SELECT :o, "
         "ROW_NUMBER() OVER (ORDER BY p.id), p.id, 24000, 1000, 7000, 1100, "
         "168000, 18480 FROM products p WHERE p.sku LIKE :l",
        soci::use(pk), soci::use(like);
  }
  return out;
}

// One delivery written raw: the receipt and its lines, the movements by lot
// at their cost through the server's posting component, the order's lines
// and state, the payable and the audit record, as the server writes them.
void ReceiveRaw(soci::session& s, const Seeded& seeded, int order_number,
                const std::string& day) {
  using backoffice::storage::MultiInsert;
  const std::string order_id = "RB-" + std::to_string(order_number);
  long long order_pk = 0;
  s << "SELECT id FROM purchase_orders WHERE store_id = :s AND order_id = "
       ":o FOR UPDATE",
      soci::use(seeded.store_id), soci::use(order_id), soci::into(order_pk);
  const std::string receipt_id = "raw-" + order_id;
  const long long lines = static_cast<long long>(seeded.product_ids.size());
  long long total = 168000 * lines;
  long long tax = 18480 * lines;
  s << "INSERT INTO goods_receipts (store_id, receipt_id, fingerprint, "
       "supplier_id, order_pk, state, approval_reason, supplier_document, "
       "note, currency_code, received_by, received_by_name, business_day, "
       "total_cost_minor, total_tax_minor, cost_variance_minor, create_time) "
       "VALUES (:s, :r, REPEAT('0', 64), :su, :o, 'PENDING_APPROVAL', '', "
       "'SJ', '', 'IDR', 'tok_1', 'bench', :d, :t, :x, 0, UTC_TIMESTAMP(6))",
      soci::use(seeded.store_id), soci::use(receipt_id),
      soci::use(seeded.supplier_id), soci::use(order_pk), soci::use(day),
      soci::use(total), soci::use(tax);
  const long long pk = backoffice::storage::LastInsertId(s);
  MultiInsert rows(
      "INSERT INTO goods_receipt_lines (receipt_pk, line_number, product_id, "
      "order_line_number, received_milli, rejected_milli, reject_reason, "
      "lot_code, expiry_date, unit_cost_minor, ordered_unit_cost_minor, "
      "tax_rate_basis_points, line_cost_minor, line_tax_minor)",
      14);
  std::vector<backoffice::storage::StockLine> stock_lines;
  for (long long i = 0; i < lines; ++i) {
    rows.AddRow({pk, i + 1, seeded.product_ids[static_cast<std::size_t>(i)],
                 i + 1, 24000LL, 0LL, std::string(), "L-" + order_id,
                 std::string("2027-12-31"), 7000LL, 7000LL, 1100LL, 168000LL,
                 18480LL});
    backoffice::storage::StockLine line;
    line.line_number = static_cast<int>(i + 1);
    line.product_id = seeded.product_ids[static_cast<std::size_t>(i)];
    line.quantity_milli = 24000;
    line.lot = backoffice::storage::LotRef{"L-" + order_id, "2027-12-31"};
    line.unit_cost_minor = 7000;
    line.sell_by_margin_days = 7;
    stock_lines.push_back(std::move(line));
  }
  rows.Execute(s);
  // The server reads the lines back and updates each order line.
  for (long long i = 0; i < lines; ++i) {
    long long number = i + 1;
    s << "UPDATE purchase_order_lines SET received_milli = received_milli + "
         "24000, rejected_milli = rejected_milli + 0 WHERE order_pk = :o AND "
         "line_number = :n",
        soci::use(order_pk), soci::use(number);
  }
  backoffice::storage::StockLedger ledger;
  ledger.Post({backoffice::domain::MovementType::kReceipt, "RECEIPT",
               seeded.store_id, pk, receipt_id, 0, 0, day},
              stock_lines);
  ledger.FlushMovements(s);
  ledger.ApplyBalances(s);
  s << "UPDATE purchase_orders SET state = 'RECEIVED', version = version + "
       "1, update_time = UTC_TIMESTAMP(6) WHERE id = :o",
      soci::use(order_pk);
  long long amount = total + tax;
  s << "INSERT INTO supplier_payables (store_id, supplier_id, receipt_pk, "
       "order_pk, currency_code, amount_minor, tax_minor, document_day, "
       "due_day, create_time) VALUES (:s, :su, :r, :o, 'IDR', :a, :t, :d, "
       "DATE_ADD(:d2, INTERVAL 30 DAY), UTC_TIMESTAMP(6))",
      soci::use(seeded.store_id), soci::use(seeded.supplier_id), soci::use(pk),
      soci::use(order_pk), soci::use(amount), soci::use(tax), soci::use(day),
      soci::use(day);
  s << "UPDATE goods_receipts SET state = 'POSTED', post_time = "
       "UTC_TIMESTAMP(6) WHERE id = :pk",
      soci::use(pk);
  std::string entity = "goods_receipt";
  std::string store_code = "bench";
  s << "INSERT INTO audit_records (create_time, principal_id, "
       "principal_name, role, store_code, method, entity_type, entity_id, "
       "request_id, peer) VALUES (UTC_TIMESTAMP(6), NULL, 'bench raw', "
       "'STORE_STAFF', :st, "
       "'/backoffice.v1.GoodsReceiptService/CreateGoodsReceipt', :e, :id, "
       "NULL, 'ipv4:127.0.0.1')",
      soci::use(store_code), soci::use(entity), soci::use(receipt_id);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "200-line deliveries received through backofficed, beside the same "
      "rows written raw"};
  std::string address = "127.0.0.1:50051";
  std::string token;
  std::string store = "RB1";
  int lines = 200;
  int receipts = 20;
  std::string password_file;
  backoffice::storage::DatabaseConfig db;
  cli.add_option("--address", address, "backofficed")
      ->envname("BACKOFFICE_ADDR");
  cli.add_option("--token", token, "a store staff or head office token")
      ->envname("BACKOFFICE_TOKEN")
      ->required();
  cli.add_option("--store", store, "an existing store (IDR) to fill")
      ->capture_default_str();
  cli.add_option("--lines", lines, "lines per delivery")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cli.add_option("--receipts", receipts, "deliveries received each way")
      ->capture_default_str();
  backoffice::sim::AddDatabaseOptions(cli, db, password_file);
  CLI11_PARSE(cli, argc, argv);
  if (!backoffice::sim::ReadDatabasePassword(db, password_file,
                                             "receive_bench")) {
    return 2;
  }
  db.pool_size = 1;
  db.io_timeout_seconds = 120;
  db.lock_wait_timeout_seconds = 60;
  backoffice::storage::Database database(db);

  Seeded seeded;
  auto status = database.InTransaction([&](soci::session& s) {
    seeded = Seed(s, store, lines, 2 * receipts);
    return backoffice::domain::Status();
  });
  if (!status.ok()) {
    std::cerr << "receive_bench: seeding failed: " << status << "\n";
    return 2;
  }
  std::string day;
  status = database.WithSession([&](soci::session& s) {
    s << "SELECT DATE_FORMAT(UTC_DATE(), '%Y-%m-%d')", soci::into(day);
    return backoffice::domain::Status();
  });

  backoffice::ConnectionOptions options;
  options.address = address;
  options.token = token;
  options.timeout = std::chrono::seconds(120);
  auto connection = backoffice::MakeConnection(options);
  if (!connection.ok()) {
    std::cerr << "receive_bench: " << connection.status() << "\n";
    return 2;
  }
  backoffice::GoodsReceiptClient client(*connection);

  // Through the server: the first half of the orders.
  auto start = Clock::now();
  for (int n = 0; n < receipts; ++n) {
    backoffice::v1::CreateGoodsReceiptRequest request;
    request.set_store_code(store);
    request.set_order_id("RB-" + std::to_string(n));
    request.set_receipt_id("rcv-RB-" + std::to_string(n));
    request.set_supplier_document("SJ");
    for (const auto& sku : seeded.skus) {
      auto* line = request.add_lines();
      line->set_sku(sku);
      line->set_received_milli(24000);
      line->set_lot_code("L-RB-" + std::to_string(n));
      line->set_expiry_date("2027-12-31");
    }
    auto response = client.CreateGoodsReceipt(request);
    if (!response.ok()) {
      std::cerr << "receive_bench: CreateGoodsReceipt: " << response.status()
                << "\n";
      return 1;
    }
  }
  const double server_s = SecondsSince(start);

  // Raw: the second half, the same rows.
  start = Clock::now();
  for (int n = receipts; n < 2 * receipts; ++n) {
    status = database.InTransaction([&](soci::session& s) {
      ReceiveRaw(s, seeded, n, day);
      return backoffice::domain::Status();
    });
    if (!status.ok()) {
      std::cerr << "receive_bench: raw: " << status << "\n";
      return 1;
    }
  }
  const double raw_s = SecondsSince(start);
  const double server_rate = receipts / std::max(server_s, 1e-9);
  const double raw_rate = receipts / std::max(raw_s, 1e-9);
  std::cout << std::fixed << std::setprecision(1) << "receive: " << receipts
            << " deliveries of " << lines << " lines each way; server "
            << server_s * 1000 << " ms, raw " << raw_s * 1000 << " ms\n";
  std::cout << "receive_per_s=" << server_rate
            << " receive_raw_per_s=" << raw_rate << std::setprecision(2)
            << " receive_vs_raw=" << server_rate / raw_rate << "\n";
  return 0;
}
