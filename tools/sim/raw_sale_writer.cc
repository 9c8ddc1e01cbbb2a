#include "raw_sale_writer.h"

#include <algorithm>
#include <optional>

#include "core/storage/multi_insert.h"
#include "inventory/domain/lots.h"
#include "inventory/storage/stock_posting.h"
#include "sale_maker.h"
#include "sales/domain/sales_rules.h"
#include "sales/storage/demand_rollup.h"

namespace backoffice::sim {

using DbStatusCode = backoffice::domain::StatusCode;

DbStatus LoadRawIds(backoffice::storage::Database& db, const std::string& store,
                    const std::vector<std::string>& terminals, RawIds& ids) {
  return db.WithSession([&](soci::session& s) -> DbStatus {
    std::string time_zone;
    s << "SELECT id, time_zone FROM stores WHERE code = :c", soci::use(store),
        soci::into(ids.store_id), soci::into(time_zone);
    if (!s.got_data()) {
      return DbStatus(DbStatusCode::kNotFound, "STORE_NOT_FOUND",
                      "store " + store + " not found");
    }
    auto day = backoffice::domain::BusinessDay(backoffice::sim::NowMicros(),
                                               time_zone);
    if (!day.ok()) return day.status();
    ids.business_day = *day;
    for (const std::string& code : terminals) {
      long long id = 0;
      s << "SELECT id FROM terminals WHERE store_id = :s AND code = :c",
          soci::use(ids.store_id), soci::use(code), soci::into(id);
      if (!s.got_data()) {
        return DbStatus(DbStatusCode::kNotFound, "TERMINAL_NOT_FOUND",
                        "terminal " + code + " not found");
      }
      ids.terminal_ids.push_back(id);
    }
    soci::rowset<soci::row> products =
        (s.prepare << "SELECT id, sku FROM products");
    for (const auto& row : products) {
      ids.product_by_sku[row.get<std::string>(1)] = row.get<long long>(0);
    }
    soci::rowset<soci::row> barcodes =
        (s.prepare << "SELECT product_id, barcode FROM product_barcodes");
    for (const auto& row : barcodes) {
      ids.product_by_barcode[row.get<std::string>(1)] = row.get<long long>(0);
    }
    return DbStatus();
  });
}

namespace {

std::int64_t TimestampMicros(const google::protobuf::Timestamp& t) {
  return t.seconds() * 1'000'000 + t.nanos() / 1000;
}

const char* TenderTypeName(backoffice::v1::TenderType type) {
  switch (type) {
    case backoffice::v1::TENDER_TYPE_CASH:
      return "CASH";
    case backoffice::v1::TENDER_TYPE_CARD:
      return "CARD";
    case backoffice::v1::TENDER_TYPE_QRIS:
      return "QRIS";
    case backoffice::v1::TENDER_TYPE_EWALLET:
      return "EWALLET";
    default:
      return "STORE_CREDIT";
  }
}

}  // namespace

// One sale, written the way storage/sales_repository.cc and
// storage/stock_ledger.cc write it: the header, the lines, the tenders and
// the movements through the server's posting component (StockLedger: one
// multi-row statement, then the balances by atomic arithmetic in (store,
// product) order), and the audit record.
void WriteSaleRaw(soci::session& s, const RawIds& ids, long long terminal_id,
                  const backoffice::v1::Sale& sale) {
  using backoffice::storage::MultiInsert;
  const long long record_time = backoffice::sim::NowMicros();
  long long sale_time = TimestampMicros(sale.sale_time());
  long long receipt = sale.receipt_number();
  long long total = backoffice::sim::NetTotal(sale);
  long long store_id = ids.store_id;
  long long record = record_time;
  // The server stores a SHA-256 of the content; its cost is microseconds,
  // and the raw phase measures the database.
  std::string fingerprint(64, '0');
  const std::string cashier = sale.cashier();
  const std::string sale_id = sale.sale_id();
  std::string business_day = ids.business_day;
  s << "INSERT INTO sales (sale_id, fingerprint, store_id, terminal_id, "
       "cashier, receipt_number, sale_time, business_day, record_time, "
       "total_minor, state) VALUES (:id, :fp, :s, :t, :c, :r, "
       "TIMESTAMPADD(MICROSECOND, :st, '1970-01-01'), :d, "
       "TIMESTAMPADD(MICROSECOND, :rt, '1970-01-01'), :tot, 'RECORDED')",
      soci::use(sale_id), soci::use(fingerprint), soci::use(store_id),
      soci::use(terminal_id), soci::use(cashier), soci::use(receipt),
      soci::use(sale_time), soci::use(business_day), soci::use(record),
      soci::use(total);
  long long pk = 0;
  s << "SELECT LAST_INSERT_ID()", soci::into(pk);

  MultiInsert lines(
      "INSERT INTO sale_lines (sale_pk, line_number, product_id, sku_sent, "
      "barcode_sent, quantity_milli, unit_price_minor, amount_minor, "
      "discount_minor, tax_rate_basis_points, tax_minor, "
      "returned_quantity_milli, refunded_minor, unit_cost_minor, cost_minor)",
      15);
  // The stock posting goes through the server's own component: the
  // movements in one statement, the balances in (store, product) order.
  std::vector<backoffice::storage::StockLine> stock_lines;
  // The demand rollup too, through the server's component: one sorted
  // multi-row upsert per sale.
  backoffice::storage::DemandRollup demand;
  std::vector<long long> products_seen;
  std::vector<long long> line_products;
  for (int i = 0; i < sale.lines_size(); ++i) {
    const auto& l = sale.lines(i);
    const long long product = l.sku().empty()
                                  ? ids.product_by_barcode.at(l.barcode())
                                  : ids.product_by_sku.at(l.sku());
    line_products.push_back(product);
    backoffice::storage::StockLine stock_line;
    stock_line.line_number = static_cast<int>(l.line_number());
    stock_line.product_id = product;
    stock_line.quantity_milli = -static_cast<long long>(l.quantity_milli());
    stock_lines.push_back(std::move(stock_line));
    const bool first_of_product =
        std::find(products_seen.begin(), products_seen.end(), product) ==
        products_seen.end();
    products_seen.push_back(product);
    demand.AddSold(store_id, product, business_day, l.quantity_milli(),
                   first_of_product);
  }
  backoffice::storage::StockLedger ledger;
  ledger.Post({backoffice::domain::MovementType::kSale, "SALE", store_id, pk,
               sale_id, sale_time, record_time, business_day},
              stock_lines);
  MultiInsert tenders(
      "INSERT INTO sale_tenders (sale_pk, tender_number, tender_type, "
      "amount_minor, change_minor, customer_id, reference)",
      7);
  for (int i = 0; i < sale.tenders_size(); ++i) {
    const auto& t = sale.tenders(i);
    tenders.AddRow({pk, static_cast<long long>(i + 1),
                    std::string(TenderTypeName(t.type())),
                    static_cast<long long>(t.amount_minor()),
                    static_cast<long long>(t.change_minor()), std::nullopt,
                    t.reference()});
  }
  tenders.Execute(s);
  ledger.FlushMovements(s);
  ledger.ApplyBalances(s);
  // The lines last, with their cost at this moment, as the server does.
  for (int i = 0; i < sale.lines_size(); ++i) {
    const auto& l = sale.lines(i);
    const long long product = line_products[static_cast<std::size_t>(i)];
    const long long unit_cost = ledger.AverageUnitCost(store_id, product);
    lines.AddRow({pk, static_cast<long long>(l.line_number()), product, l.sku(),
                  l.barcode(), static_cast<long long>(l.quantity_milli()),
                  static_cast<long long>(l.unit_price_minor()),
                  static_cast<long long>(l.amount_minor()),
                  static_cast<long long>(l.discount_minor()),
                  static_cast<long long>(l.tax_rate_basis_points()),
                  static_cast<long long>(l.tax_minor()), 0LL, 0LL, unit_cost,
                  static_cast<long long>(backoffice::domain::CostOfQuantity(
                      l.quantity_milli(), unit_cost))});
  }
  lines.Execute(s);
  demand.Flush(s);
  std::string principal_name = "bench raw";
  std::string role = "HEAD_OFFICE";
  std::string method = "/backoffice.v1.SalesService/RecordSale";
  std::string entity_type = "sale";
  std::string store_code = sale.store_code();
  std::string peer = "ipv4:127.0.0.1";
  s << "INSERT INTO audit_records (create_time, principal_id, "
       "principal_name, role, store_code, method, entity_type, entity_id, "
       "request_id, peer) VALUES (UTC_TIMESTAMP(6), NULL, :pname, :role, "
       ":store, :method, :etype, :eid, NULL, :peer)",
      soci::use(principal_name), soci::use(role), soci::use(store_code),
      soci::use(method), soci::use(entity_type), soci::use(sale_id),
      soci::use(peer);
}

}  // namespace backoffice::sim
