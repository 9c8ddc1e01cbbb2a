#include "sales/storage/sale_rows.h"

#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {

using domain::Sale;

SaleHeader ReadSaleHeader(const soci::row& r) {
  SaleHeader header;
  header.pk = GetInt64(r, 0);
  header.fingerprint = GetString(r, 1);
  header.store_code = GetString(r, 2);
  header.state = GetString(r, 3);
  return header;
}

std::optional<SaleHeader> FindSaleHeader(soci::session& s, long long store_id,
                                         const std::string& sale_id,
                                         KeyRead read) {
  // Only the sale's row is read (and locked, for a locking read): joining
  // the store here would lock the store's row too, and every till of the
  // store would queue behind a return or a void.
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint, state, sale_id, currency_code "
                  "FROM sales WHERE store_id = :s AND sale_id = :id") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        SaleHeader header;
        header.pk = GetInt64(r, 0);
        header.fingerprint = GetString(r, 1);
        header.state = GetString(r, 2);
        header.sale_id = GetString(r, 3);
        header.currency_code = GetString(r, 4);
        return header;
      },
      store_id, sale_id);
}

const std::string kSelectSale =
    "SELECT x.id, x.sale_id, st.code, t.code, x.cashier, x.receipt_number, "
    BO_MICROS("x.sale_time") ", " BO_MICROS("x.record_time") ", "
    "DATE_FORMAT(x.business_day, '%Y-%m-%d'), x.total_minor, x.state, "
    "x.currency_code FROM sales x JOIN stores st ON st.id = x.store_id "
    "JOIN terminals t ON t.id = x.terminal_id";

Sale ReadSale(const soci::row& r) {
  Sale sale;
  sale.sequence = GetInt64(r, 0);
  sale.sale_id = GetString(r, 1);
  sale.store_code = GetString(r, 2);
  sale.terminal_code = GetString(r, 3);
  sale.cashier = GetString(r, 4);
  sale.receipt_number = GetInt64(r, 5);
  sale.sale_time = GetInt64(r, 6);
  sale.record_time = GetInt64(r, 7);
  sale.business_day = GetString(r, 8);
  sale.total_minor = GetInt64(r, 9);
  sale.state = GetString(r, 10) == "VOIDED" ? domain::SaleState::kVoided
                                            : domain::SaleState::kRecorded;
  sale.currency_code = GetString(r, 11);
  return sale;
}

namespace {

domain::SaleLine ReadSaleLine(const soci::row& r) {
  domain::SaleLine line;
  line.line_number = static_cast<int>(GetInt64(r, 0));
  line.sku = GetString(r, 1);
  line.barcode = GetString(r, 2);
  line.quantity_milli = GetInt64(r, 3);
  line.unit_price_minor = GetInt64(r, 4);
  line.amount_minor = GetInt64(r, 5);
  line.discount_minor = GetInt64(r, 6);
  line.tax_rate_basis_points = static_cast<std::int32_t>(GetInt64(r, 7));
  line.tax_minor = GetInt64(r, 8);
  return line;
}

domain::Tender ReadTender(const soci::row& r) {
  domain::Tender t;
  t.type = domain::TenderTypeFromName(GetString(r, 0))
               .value_or(domain::TenderType::kUnspecified);
  t.amount_minor = GetInt64(r, 1);
  t.change_minor = GetInt64(r, 2);
  t.customer_code = GetString(r, 3);
  t.reference = GetString(r, 4);
  t.authorization_id = GetString(r, 5);
  return t;
}

}  // namespace

Sale LoadSale(soci::session& s, long long pk) {
  auto sale = QueryOne(s, kSelectSale + " WHERE x.id = :pk", &ReadSale, pk);
  if (!sale)
    Fail(
        domain::Internal("SALE_VANISHED", "a recorded sale could not be read"));
  sale->lines = QueryAll(
      s,
      "SELECT l.line_number, l.sku_sent, l.barcode_sent, l.quantity_milli, "
      "l.unit_price_minor, l.amount_minor, l.discount_minor, "
      "l.tax_rate_basis_points, l.tax_minor FROM sale_lines l "
      "WHERE l.sale_pk = :pk ORDER BY l.line_number",
      &ReadSaleLine, pk);
  sale->tenders =
      QueryAll(s,
               "SELECT t.tender_type, t.amount_minor, t.change_minor, "
               "COALESCE(c.code, ''), t.reference, t.authorization_id FROM "
               "sale_tenders t LEFT JOIN "
               "customers c ON c.id = t.customer_id WHERE t.sale_pk = :pk "
               "ORDER BY t.tender_number",
               &ReadTender, pk);
  sale->exceptions = QueryAll(
      s,
      "SELECT kind, line_number FROM sale_exceptions WHERE sale_pk = :pk "
      "ORDER BY line_number, kind",
      +[](const soci::row& r) {
        return domain::SaleException{GetString(r, 0),
                                     static_cast<int>(GetInt64(r, 1))};
      },
      pk);
  return *sale;
}
}  // namespace backoffice::storage
