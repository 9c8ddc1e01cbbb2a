#include "storage/sales_repository.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <optional>

#include "domain/access.h"
#include "domain/errors.h"
#include "domain/sales.h"
#include "domain/sales_service.h"
#include "storage/multi_insert.h"
#include "storage/query.h"
#include "storage/sql_util.h"
#include "storage/stock_ledger.h"

namespace backoffice::storage {
namespace {

using domain::RequestContext;
using domain::Sale;
using domain::SaleOutcome;
using domain::TimeMicros;

constexpr const char* kEpoch = "'1970-01-01'";

// What a unit of work looked up once and may need again: stores, tills,
// products and customers by their codes.
class LookupCache {
 public:
  struct StoreInfo {
    long long id = 0;
    std::string time_zone;
  };

  // Loads, in one query per table, what a group of sales will look up: their
  // stores with every till, and their products by SKU and by barcode.
  void Prefetch(soci::session& s, const std::vector<const Sale*>& sales) {
    std::vector<std::string> store_codes;
    std::vector<std::string> skus;
    std::vector<std::string> barcodes;
    for (const Sale* sale : sales) {
      if (!stores_.count(sale->store_code)) store_codes.push_back(sale->store_code);
      for (const auto& line : sale->lines) {
        if (!line.sku.empty()) {
          if (!products_by_sku_.count(line.sku)) skus.push_back(line.sku);
        } else if (!products_by_barcode_.count(line.barcode)) {
          barcodes.push_back(line.barcode);
        }
      }
    }
    Unique(store_codes);
    Unique(skus);
    Unique(barcodes);
    struct StoreRow {
      std::string code;
      StoreInfo info;
      std::string terminal_code;
      std::optional<long long> terminal_id;
    };
    for (const auto& row : QueryIn(
             s,
             "SELECT s.code, s.id, s.time_zone, t.code, t.id FROM stores s LEFT JOIN "
             "terminals t ON t.store_id = s.id WHERE s.code IN ({in})",
             +[](const soci::row& r) {
               return StoreRow{GetString(r, 0), {GetInt64(r, 1), GetString(r, 2)},
                               GetString(r, 3), GetOptionalInt64(r, 4)};
             },
             store_codes)) {
      stores_.emplace(row.code, row.info);
      if (row.terminal_id) terminals_.emplace(std::make_pair(row.info.id, row.terminal_code),
                                              *row.terminal_id);
    }
    using KeyId = std::pair<std::string, long long>;
    auto read_key_id = +[](const soci::row& r) { return KeyId{GetString(r, 0), GetInt64(r, 1)}; };
    for (const auto& [sku, id] :
         QueryIn(s, "SELECT sku, id FROM products WHERE sku IN ({in})", read_key_id, skus)) {
      products_by_sku_.emplace(sku, id);
    }
    for (const auto& [barcode, id] : QueryIn(
             s, "SELECT barcode, product_id FROM product_barcodes WHERE barcode IN ({in})",
             read_key_id, barcodes)) {
      products_by_barcode_.emplace(barcode, id);
    }
  }

  const StoreInfo& Store(soci::session& s, const std::string& code) {
    auto it = stores_.find(code);
    if (it != stores_.end()) return it->second;
    StoreInfo info;
    soci::indicator ind = soci::i_null;
    s << "SELECT id, time_zone FROM stores WHERE code = :c", soci::use(code),
        soci::into(info.id), soci::into(info.time_zone, ind);
    if (!s.got_data()) {
      Fail(domain::NotFound("STORE_NOT_FOUND", "store " + code + " not found"));
    }
    return stores_.emplace(code, info).first->second;
  }

  long long Terminal(soci::session& s, long long store_id, const std::string& store_code,
                     const std::string& code) {
    auto key = std::make_pair(store_id, code);
    auto it = terminals_.find(key);
    if (it != terminals_.end()) return it->second;
    long long id = 0;
    s << "SELECT id FROM terminals WHERE store_id = :s AND code = :c", soci::use(store_id),
        soci::use(code), soci::into(id);
    if (!s.got_data()) {
      Fail(domain::NotFound("TERMINAL_NOT_FOUND",
                            "terminal " + code + " not found in store " + store_code));
    }
    return terminals_.emplace(key, id).first->second;
  }

  long long Product(soci::session& s, const domain::SaleLine& line) {
    const bool by_sku = !line.sku.empty();
    const std::string& key = by_sku ? line.sku : line.barcode;
    auto& cache = by_sku ? products_by_sku_ : products_by_barcode_;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    long long id = 0;
    if (by_sku) {
      s << "SELECT id FROM products WHERE sku = :k", soci::use(key), soci::into(id);
    } else {
      s << "SELECT product_id FROM product_barcodes WHERE barcode = :k", soci::use(key),
          soci::into(id);
    }
    if (!s.got_data()) {
      Fail(domain::NotFound("PRODUCT_NOT_FOUND",
                            "line " + std::to_string(line.line_number) + ": no product has " +
                                (by_sku ? "sku " : "barcode ") + key)
               .WithMetadata("line_number", std::to_string(line.line_number)));
    }
    return cache.emplace(key, id).first->second;
  }

  long long Customer(soci::session& s, long long store_id, const std::string& code) {
    auto key = std::make_pair(store_id, code);
    auto it = customers_.find(key);
    if (it != customers_.end()) return it->second;
    long long id = 0;
    s << "SELECT id FROM customers WHERE store_id = :s AND code = :c", soci::use(store_id),
        soci::use(code), soci::into(id);
    if (!s.got_data()) {
      Fail(domain::NotFound("CUSTOMER_NOT_FOUND",
                            "credit customer " + code + " not found in this store"));
    }
    return customers_.emplace(key, id).first->second;
  }

 private:
  std::map<std::string, StoreInfo> stores_;
  std::map<std::pair<long long, std::string>, long long> terminals_;
  std::map<std::string, long long> products_by_sku_;
  std::map<std::string, long long> products_by_barcode_;
  std::map<std::pair<long long, std::string>, long long> customers_;

  static void Unique(std::vector<std::string>& values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
  }
};

struct SaleHeader {
  long long pk = 0;
  std::string fingerprint;
  std::string store_code;
  std::string state;
  std::string sale_id;
};

SaleHeader ReadSaleHeader(const soci::row& r) {
  return SaleHeader{GetInt64(r, 0), GetString(r, 1), GetString(r, 2), GetString(r, 3), ""};
}

// How a lookup by idempotency key reads. The first look is a plain read: a
// locking read of a missing key would take a gap lock, and concurrent
// inserts into that gap deadlock each other. After a duplicate-key error the
// row exists and is committed; only a current (locking) read sees it under
// REPEATABLE READ, and it locks just that row.
enum class KeyRead { kSnapshot, kCurrent, kForUpdate };

const char* KeyReadSuffix(KeyRead read) {
  switch (read) {
    case KeyRead::kSnapshot: return "";
    case KeyRead::kCurrent: return " LOCK IN SHARE MODE";
    case KeyRead::kForUpdate: return " FOR UPDATE";
  }
  return "";
}

std::optional<SaleHeader> FindSaleHeader(soci::session& s, const std::string& sale_id,
                                         KeyRead read) {
  // Only the sale's row is read (and locked, for a locking read): joining
  // the store here would lock the store's row too, and every till of the
  // store would queue behind a return or a void.
  struct Row {
    SaleHeader header;
    long long store_id;
  };
  auto row = QueryOne(
      s,
      std::string("SELECT id, fingerprint, state, store_id FROM sales WHERE sale_id = :id") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return Row{SaleHeader{GetInt64(r, 0), GetString(r, 1), "", GetString(r, 2), ""},
                   GetInt64(r, 3)};
      },
      sale_id);
  if (!row) return std::nullopt;
  s << "SELECT code FROM stores WHERE id = :id", soci::use(row->store_id),
      soci::into(row->header.store_code);
  return row->header;
}

const std::string kSelectSale =
    "SELECT x.id, x.sale_id, st.code, t.code, x.cashier, x.receipt_number, " BO_MICROS(
        "x.sale_time") ", " BO_MICROS("x.record_time") ", DATE_FORMAT(x.business_day, "
                                                        "'%Y-%m-%d'), x.total_minor, "
                                                        "x.state FROM sales x JOIN stores "
                                                        "st ON st.id = x.store_id JOIN "
                                                        "terminals t ON t.id = "
                                                        "x.terminal_id";

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
  return sale;
}

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
  t.type = domain::TenderTypeFromName(GetString(r, 0)).value_or(domain::TenderType::kUnspecified);
  t.amount_minor = GetInt64(r, 1);
  t.change_minor = GetInt64(r, 2);
  t.customer_code = GetString(r, 3);
  t.reference = GetString(r, 4);
  return t;
}

// The sale with its lines (as the till named their products) and tenders.
Sale LoadSale(soci::session& s, long long pk) {
  auto sale = QueryOne(s, kSelectSale + " WHERE x.id = :pk", &ReadSale, pk);
  if (!sale) Fail(domain::Internal("SALE_VANISHED", "a recorded sale could not be read"));
  sale->lines = QueryAll(s,
                         "SELECT l.line_number, l.sku_sent, l.barcode_sent, l.quantity_milli, "
                         "l.unit_price_minor, l.amount_minor, l.discount_minor, "
                         "l.tax_rate_basis_points, l.tax_minor FROM sale_lines l "
                         "WHERE l.sale_pk = :pk ORDER BY l.line_number",
                         &ReadSaleLine, pk);
  sale->tenders = QueryAll(s,
                           "SELECT t.tender_type, t.amount_minor, t.change_minor, "
                           "COALESCE(c.code, ''), t.reference FROM sale_tenders t LEFT JOIN "
                           "customers c ON c.id = t.customer_id WHERE t.sale_pk = :pk "
                           "ORDER BY t.tender_number",
                           &ReadTender, pk);
  return *sale;
}

// Whether `e` is a duplicate on the unique key `key`. Only the text after
// "for key '" is matched: before it stand the duplicated values, which a
// client chose. MariaDB names the key alone, MySQL 8 as table.key.
bool IsDuplicateOf(const soci::soci_error& e, const char* key) {
  if (MysqlErrorNumber(e) != 1062) return false;
  const std::string message = e.get_error_message();
  const auto at = message.rfind("for key '");
  if (at == std::string::npos) return false;
  std::string name = message.substr(at + 9);
  name = name.substr(0, name.find('\''));
  name = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
  return name == key;
}

// Decides what a sale id that already exists means for this request.
SaleOutcome ReplayOrReuse(soci::session& s, const SaleHeader& existing, const Sale& sale,
                          const std::string& fingerprint) {
  SaleOutcome outcome;
  if (existing.fingerprint != fingerprint) {
    outcome.status = domain::AlreadyExists(
        "IDEMPOTENCY_KEY_REUSED",
        "sale id " + sale.sale_id + " was recorded before with different content");
    outcome.sale = sale;
    return outcome;
  }
  outcome.replayed = true;
  outcome.sale = LoadSale(s, existing.pk);
  return outcome;
}

struct ReceiptConflict {
  long long terminal_id = 0;
  long long receipt_number = 0;
  std::string business_day;
  std::string sale_id;
};

// Collects what a group of sales writes besides their headers, so that the
// whole group writes each table with one statement.
class SaleGroupWriter {
 public:
  SaleGroupWriter()
      : lines_("INSERT INTO sale_lines (sale_pk, line_number, product_id, sku_sent, "
               "barcode_sent, quantity_milli, unit_price_minor, amount_minor, discount_minor, "
               "tax_rate_basis_points, tax_minor, returned_quantity_milli, refunded_minor)",
               13),
        tenders_("INSERT INTO sale_tenders (sale_pk, tender_number, tender_type, amount_minor, "
                 "change_minor, customer_id, reference)",
                 7),
        audit_("INSERT INTO audit_records (create_time, principal_id, principal_name, role, "
               "store_code, method, entity_type, entity_id, request_id, peer)",
               9, "(UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

  void Add(const Sale& sale, long long pk, long long store_id,
           const std::vector<long long>& product_ids,
           const std::vector<std::optional<long long>>& customer_ids,
           const RequestContext& ctx) {
    for (std::size_t i = 0; i < sale.lines.size(); ++i) {
      const auto& l = sale.lines[i];
      lines_.AddRow({pk, static_cast<long long>(l.line_number), product_ids[i], l.sku, l.barcode,
                     static_cast<long long>(l.quantity_milli),
                     static_cast<long long>(l.unit_price_minor),
                     static_cast<long long>(l.amount_minor),
                     static_cast<long long>(l.discount_minor),
                     static_cast<long long>(l.tax_rate_basis_points),
                     static_cast<long long>(l.tax_minor), 0LL, 0LL});
      ledger_.Add(store_id, product_ids[i], -l.quantity_milli, domain::MovementType::kSale,
                  "SALE", pk, sale.sale_id, l.line_number, sale.sale_time, sale.record_time);
    }
    for (std::size_t i = 0; i < sale.tenders.size(); ++i) {
      const auto& t = sale.tenders[i];
      tenders_.AddRow({pk, static_cast<long long>(i + 1),
                       std::string(domain::TenderTypeName(t.type)),
                       static_cast<long long>(t.amount_minor),
                       static_cast<long long>(t.change_minor), customer_ids[i], t.reference});
    }
    MultiInsert::Value request_id =
        ctx.request_id.empty() ? MultiInsert::Value(std::nullopt) : MultiInsert::Value(ctx.request_id);
    audit_.AddRow({static_cast<long long>(ctx.principal.token_id), ctx.principal.display_name,
                   std::string(domain::RoleName(ctx.principal.role)), sale.store_code,
                   ctx.method, std::string("sale"), sale.sale_id, request_id, ctx.peer});
  }

  // Writes everything queued, then the balances in (store, product) order.
  void Flush(soci::session& s) {
    lines_.Execute(s);
    tenders_.Execute(s);
    ledger_.FlushMovements(s);
    audit_.Execute(s);
    ledger_.ApplyBalances(s);
  }

 private:
  MultiInsert lines_;
  MultiInsert tenders_;
  MultiInsert audit_;
  StockLedger ledger_;
};

// Checks a sale's references and writes its header; throws StatusError when
// the sale must be refused. Only the header insert writes, and a failed
// insert is undone by InnoDB as a statement, so a refused sale leaves
// nothing behind without a savepoint.
Sale InsertSaleHeader(soci::session& s, const Sale& input, const std::string& fingerprint,
                      const RequestContext& ctx, LookupCache& cache, SaleGroupWriter& writer,
                      TimeMicros record_time, ReceiptConflict* conflict) {
  Sale sale = input;
  const auto& store = cache.Store(s, sale.store_code);
  long long store_id = store.id;
  long long terminal_id = cache.Terminal(s, store_id, sale.store_code, sale.terminal_code);
  std::vector<long long> product_ids;
  for (const auto& line : sale.lines) product_ids.push_back(cache.Product(s, line));
  std::vector<std::optional<long long>> customer_ids;
  for (const auto& tender : sale.tenders) {
    customer_ids.push_back(tender.customer_code.empty()
                               ? std::nullopt
                               : std::optional<long long>(
                                     cache.Customer(s, store_id, tender.customer_code)));
  }
  auto day = domain::BusinessDay(sale.sale_time, store.time_zone);
  if (!day.ok()) Fail(day.status());
  sale.business_day = *day;
  sale.record_time = record_time;

  long long receipt = sale.receipt_number;
  long long sale_time = sale.sale_time;
  long long record = record_time;
  long long total = sale.total_minor;
  try {
    s << "INSERT INTO sales (sale_id, fingerprint, store_id, terminal_id, cashier, "
         "receipt_number, sale_time, business_day, record_time, total_minor, state) VALUES "
         "(:id, :fp, :s, :t, :c, :r, TIMESTAMPADD(MICROSECOND, :st, '1970-01-01'), :d, "
         "TIMESTAMPADD(MICROSECOND, :rt, '1970-01-01'), :tot, 'RECORDED')",
        soci::use(sale.sale_id), soci::use(fingerprint), soci::use(store_id),
        soci::use(terminal_id), soci::use(sale.cashier), soci::use(receipt),
        soci::use(sale_time), soci::use(sale.business_day), soci::use(record),
        soci::use(total);
  } catch (const soci::soci_error& e) {
    if (IsDuplicateOf(e, "uk_sales_sale_id")) {
      Fail(Status(StatusCode::kAborted, "SALE_ID_RACE", "recorded concurrently"));
    }
    if (IsDuplicateOf(e, "uk_sales_terminal_receipt")) {
      *conflict = ReceiptConflict{terminal_id, receipt, sale.business_day, sale.sale_id};
      Fail(domain::AlreadyExists("DUPLICATE_RECEIPT_NUMBER",
                                 "terminal " + sale.terminal_code + " already recorded receipt " +
                                     std::to_string(receipt) + " for another sale"));
    }
    throw;
  }
  const long long pk = LastInsertId(s);
  sale.sequence = pk;
  writer.Add(sale, pk, store_id, product_ids, customer_ids, ctx);
  return sale;
}

void RecordReceiptConflicts(Database& db, const std::vector<ReceiptConflict>& conflicts) {
  Status status = db.InTransaction([&](soci::session& s) {
    for (const auto& c : conflicts) {
      long long terminal = c.terminal_id;
      long long receipt = c.receipt_number;
      s << "INSERT IGNORE INTO receipt_conflicts (terminal_id, receipt_number, business_day, "
           "sale_id, record_time) VALUES (:t, :r, :d, :s, UTC_TIMESTAMP(6))",
          soci::use(terminal), soci::use(receipt), soci::use(c.business_day),
          soci::use(c.sale_id);
    }
    return Status();
  });
  if (!status.ok()) {
    // Evidence only: the refusal itself already reached the till.
    spdlog::warn("could not record {} receipt conflicts: {}", conflicts.size(),
                 status.ToString());
  }
}

}  // namespace

StatusOr<std::vector<SaleOutcome>> MySqlSalesRepository::RecordSales(
    const std::vector<Sale>& sales, const RequestContext& ctx) {
  std::vector<std::string> fingerprints;
  std::vector<std::string> ids;
  for (const auto& sale : sales) {
    fingerprints.push_back(domain::SaleFingerprint(sale));
    ids.push_back(sale.sale_id);
  }
  std::vector<SaleOutcome> outcomes;
  std::vector<ReceiptConflict> conflicts;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    // A retried transaction starts over from nothing.
    outcomes.assign(sales.size(), SaleOutcome{});
    conflicts.clear();
    // Replays first, all in one plain read: a locking read of missing keys
    // would take gap locks that concurrent inserts deadlock on.
    std::map<std::string, SaleHeader> existing;
    for (auto& header : QueryIn(
             s,
             "SELECT x.id, x.fingerprint, st.code, x.state, x.sale_id FROM sales x JOIN stores "
             "st ON st.id = x.store_id WHERE x.sale_id IN ({in})",
             +[](const soci::row& r) {
               SaleHeader h = ReadSaleHeader(r);
               h.sale_id = GetString(r, 4);
               return h;
             },
             ids)) {
      existing.emplace(header.sale_id, header);
    }
    std::vector<const Sale*> fresh;
    for (const auto& sale : sales) {
      if (!existing.count(sale.sale_id)) fresh.push_back(&sale);
    }
    LookupCache cache;
    cache.Prefetch(s, fresh);
    SaleGroupWriter writer;
    std::map<std::string, std::size_t> written;  // Sale id -> index, this group.
    const TimeMicros record_time = domain::SystemNowMicros();
    for (std::size_t i = 0; i < sales.size(); ++i) {
      const Sale& sale = sales[i];
      if (auto it = existing.find(sale.sale_id); it != existing.end()) {
        outcomes[i] = ReplayOrReuse(s, it->second, sale, fingerprints[i]);
        continue;
      }
      if (auto it = written.find(sale.sale_id); it != written.end()) {
        // The same sale twice in one upload: the first copy is being written.
        const SaleOutcome& first = outcomes[it->second];
        if (fingerprints[it->second] == fingerprints[i] && first.status.ok()) {
          outcomes[i] = SaleOutcome{Status(), true, first.sale};
        } else if (first.status.ok()) {
          outcomes[i].status = domain::AlreadyExists(
              "IDEMPOTENCY_KEY_REUSED", "sale id " + sale.sale_id + " was sent twice with "
                                        "different content");
          outcomes[i].sale = sale;
        } else {
          outcomes[i] = SaleOutcome{first.status, false, sale};
        }
        continue;
      }
      ReceiptConflict conflict;
      try {
        outcomes[i].sale = InsertSaleHeader(s, sale, fingerprints[i], ctx, cache, writer,
                                            record_time, &conflict);
        written.emplace(sale.sale_id, i);
      } catch (const StatusError& e) {
        if (e.status.reason() == "SALE_ID_RACE") {
          // Another transaction recorded this id meanwhile; our insert waited
          // for it to commit, so a read now sees it.
          auto header = FindSaleHeader(s, sale.sale_id, KeyRead::kCurrent);
          if (!header) throw;
          outcomes[i] = ReplayOrReuse(s, *header, sale, fingerprints[i]);
          continue;
        }
        if (e.status.reason() == "DUPLICATE_RECEIPT_NUMBER") conflicts.push_back(conflict);
        outcomes[i].status = e.status;
        outcomes[i].sale = sale;
      }
    }
    writer.Flush(s);
    return Status();
  });
  if (!status.ok()) return status;
  if (!conflicts.empty()) RecordReceiptConflicts(db_, conflicts);
  return outcomes;
}

StatusOr<domain::Sale> MySqlSalesRepository::GetSale(const std::string& store_code,
                                                     const std::string& sale_id) {
  std::optional<Sale> sale;
  Status status = db_.WithSession([&](soci::session& s) {
    auto header = QueryOne(s,
                           "SELECT x.id, x.fingerprint, st.code, x.state FROM sales x JOIN "
                           "stores st ON st.id = x.store_id WHERE x.sale_id = :id",
                           &ReadSaleHeader, sale_id);
    if (!header || header->store_code != store_code) {
      return domain::NotFound("SALE_NOT_FOUND",
                              "sale " + sale_id + " not found in store " + store_code);
    }
    sale = LoadSale(s, header->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return *sale;
}

StatusOr<std::vector<domain::Sale>> MySqlSalesRepository::ListSales(
    const domain::SaleFilter& f, const domain::PageRequest& page) {
  std::vector<Sale> sales;
  Status status = db_.WithSession([&](soci::session& s) {
    RequireStoreId(s, f.store_code);
    long long before = page.after_key.empty() ? std::numeric_limits<long long>::max()
                                              : std::stoll(page.after_key);
    long long limit = page.page_size + 1;
    std::string day = f.business_day.empty() ? "1000-01-01" : f.business_day;
    int any_day = f.business_day.empty() ? 1 : 0;
    sales = QueryAll(s,
                     kSelectSale +
                         " WHERE st.code = :s AND x.id < :before AND (:t1 = '' OR t.code = "
                         ":t2) AND (:anyday = 1 OR x.business_day = :d) ORDER BY x.id DESC "
                         "LIMIT :limit",
                     &ReadSale, f.store_code, before, f.terminal_code, f.terminal_code,
                     any_day, day, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return sales;
}

StatusOr<domain::ReceiptCheck> MySqlSalesRepository::CheckReceipts(
    const std::string& store_code, const std::string& terminal_code,
    const std::string& business_day) {
  domain::ReceiptCheck check;
  Status status = db_.WithSession([&](soci::session& s) {
    LookupCache cache;
    long long store_id = cache.Store(s, store_code).id;
    long long terminal_id = cache.Terminal(s, store_id, store_code, terminal_code);
    std::vector<std::int64_t> numbers = QueryAll(
        s,
        "SELECT receipt_number FROM sales WHERE terminal_id = :t AND business_day = :d "
        "ORDER BY receipt_number",
        +[](const soci::row& r) { return GetInt64(r, 0); }, terminal_id, business_day);
    check.sale_count = static_cast<std::int64_t>(numbers.size());
    if (!numbers.empty()) {
      check.first_receipt_number = numbers.front();
      check.last_receipt_number = numbers.back();
    }
    check.missing = domain::MissingReceipts(numbers, 1000);
    check.duplicated = QueryAll(
        s,
        "SELECT DISTINCT receipt_number FROM receipt_conflicts WHERE terminal_id = :t AND "
        "business_day = :d ORDER BY receipt_number LIMIT 1000",
        +[](const soci::row& r) { return GetInt64(r, 0); }, terminal_id, business_day);
    auto last = QueryOne(
        s, "SELECT " BO_MICROS("MAX(record_time)") " FROM sales WHERE terminal_id = :t",
        +[](const soci::row& r) { return GetOptionalInt64(r, 0).value_or(0); }, terminal_id);
    check.last_record_time = last.value_or(0);
    return Status();
  });
  if (!status.ok()) return status;
  return check;
}

// ----- Returns -----

namespace {

struct ReturnHeader {
  long long pk = 0;
  std::string fingerprint;
};

std::optional<ReturnHeader> FindReturn(soci::session& s, const std::string& return_id,
                                       KeyRead read) {
  return QueryOne(
      s, std::string("SELECT id, fingerprint FROM sale_returns WHERE return_id = :id") +
             KeyReadSuffix(read),
      +[](const soci::row& r) { return ReturnHeader{GetInt64(r, 0), GetString(r, 1)}; },
      return_id);
}

domain::SaleReturn LoadReturn(soci::session& s, long long pk) {
  auto r = QueryOne(
      s,
      "SELECT r.return_id, st.code, t.code, r.cashier, x.sale_id, " BO_MICROS(
          "r.return_time") ", r.refund_tender_type, r.refund_total_minor, " BO_MICROS(
          "r.record_time") " FROM sale_returns r JOIN sales x ON x.id = r.sale_pk JOIN "
                           "stores st ON st.id = r.store_id JOIN terminals t ON t.id = "
                           "r.terminal_id WHERE r.id = :pk",
      +[](const soci::row& row) {
        domain::SaleReturn out;
        out.return_id = GetString(row, 0);
        out.store_code = GetString(row, 1);
        out.terminal_code = GetString(row, 2);
        out.cashier = GetString(row, 3);
        out.sale_id = GetString(row, 4);
        out.return_time = GetInt64(row, 5);
        out.refund_tender_type = domain::TenderTypeFromName(GetString(row, 6))
                                     .value_or(domain::TenderType::kUnspecified);
        out.refund_total_minor = GetInt64(row, 7);
        out.record_time = GetInt64(row, 8);
        return out;
      },
      pk);
  if (!r) Fail(domain::Internal("RETURN_VANISHED", "a recorded return could not be read"));
  r->lines = QueryAll(
      s,
      "SELECT sale_line_number, quantity_milli, damaged, refund_minor FROM sale_return_lines "
      "WHERE return_pk = :pk ORDER BY sale_line_number",
      +[](const soci::row& row) {
        return domain::ReturnLine{static_cast<int>(GetInt64(row, 0)), GetInt64(row, 1),
                                  GetBool(row, 2), GetInt64(row, 3)};
      },
      pk);
  return *r;
}

struct LineForReturn {
  long long product_id = 0;
  long long quantity = 0;
  long long net = 0;
  long long returned = 0;
  long long refunded = 0;
};

}  // namespace

StatusOr<domain::ReturnOutcome> MySqlSalesRepository::RecordReturn(
    const domain::SaleReturn& input, const RequestContext& ctx) {
  const std::string fingerprint = domain::ReturnFingerprint(input);
  domain::ReturnOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::ReturnOutcome{};
    auto replay = [&](const ReturnHeader& existing) -> Status {
      if (existing.fingerprint != fingerprint) {
        return domain::AlreadyExists("IDEMPOTENCY_KEY_REUSED",
                                     "return id " + input.return_id +
                                         " was recorded before with different content");
      }
      outcome.sale_return = LoadReturn(s, existing.pk);
      outcome.replayed = true;
      return Status();
    };
    if (auto existing = FindReturn(s, input.return_id, KeyRead::kSnapshot)) {
      return replay(*existing);
    }

    // Locking the sale serialises the returns of one sale, so that two
    // returns can never take back more than was sold.
    auto sale = FindSaleHeader(s, input.sale_id, KeyRead::kForUpdate);
    if (!sale || sale->store_code != input.store_code) {
      return domain::NotFound("SALE_NOT_FOUND", "sale " + input.sale_id + " not found in store " +
                                                    input.store_code);
    }
    // A concurrent attempt of this very return may have committed while we
    // waited for the sale's lock: it is a replay, not a second return.
    if (auto existing = FindReturn(s, input.return_id, KeyRead::kCurrent)) {
      return replay(*existing);
    }
    if (sale->state == "VOIDED") {
      return domain::FailedPrecondition("SALE_VOIDED", "a voided sale cannot take returns");
    }
    LookupCache cache;
    const auto& store = cache.Store(s, input.store_code);
    long long store_id = store.id;
    long long terminal_id = cache.Terminal(s, store_id, input.store_code, input.terminal_code);
    const TimeMicros record_time = domain::SystemNowMicros();

    domain::SaleReturn r = input;
    r.refund_total_minor = 0;
    std::vector<LineForReturn> originals;
    for (auto& line : r.lines) {
      long long line_number = line.sale_line_number;
      auto original = QueryOne(
          s,
          "SELECT product_id, quantity_milli, amount_minor - discount_minor, "
          "returned_quantity_milli, refunded_minor FROM sale_lines WHERE sale_pk = :pk AND "
          "line_number = :n",
          +[](const soci::row& row) {
            return LineForReturn{GetInt64(row, 0), GetInt64(row, 1), GetInt64(row, 2),
                                 GetInt64(row, 3), GetInt64(row, 4)};
          },
          sale->pk, line_number);
      if (!original) {
        return domain::InvalidArgument("UNKNOWN_SALE_LINE",
                                       "sale " + input.sale_id + " has no line " +
                                           std::to_string(line.sale_line_number));
      }
      if (original->returned + line.quantity_milli > original->quantity) {
        return domain::FailedPrecondition(
            "RETURN_EXCEEDS_SOLD",
            "line " + std::to_string(line.sale_line_number) + ": returning " +
                std::to_string(line.quantity_milli) + " of " +
                std::to_string(original->quantity) + " sold, " +
                std::to_string(original->returned) + " already returned");
      }
      line.refund_minor = domain::RefundFor(original->net, original->quantity,
                                            original->returned, original->refunded,
                                            line.quantity_milli);
      r.refund_total_minor += line.refund_minor;
      originals.push_back(*original);
    }

    long long return_time = r.return_time;
    long long record = record_time;
    long long total = r.refund_total_minor;
    std::string tender = domain::TenderTypeName(r.refund_tender_type);
    try {
      s << "INSERT INTO sale_returns (return_id, fingerprint, sale_pk, store_id, terminal_id, "
           "cashier, return_time, record_time, refund_tender_type, refund_total_minor) VALUES "
           "(:id, :fp, :sale, :s, :t, :c, TIMESTAMPADD(MICROSECOND, :rt, '1970-01-01'), "
           "TIMESTAMPADD(MICROSECOND, :rec, '1970-01-01'), :tt, :tot)",
          soci::use(r.return_id), soci::use(fingerprint), soci::use(sale->pk),
          soci::use(store_id), soci::use(terminal_id), soci::use(r.cashier),
          soci::use(return_time), soci::use(record), soci::use(tender), soci::use(total);
    } catch (const soci::soci_error& e) {
      if (!IsDuplicateOf(e, "uk_sale_returns_return_id")) throw;
      auto existing = FindReturn(s, input.return_id, KeyRead::kCurrent);
      if (!existing) throw;
      return replay(*existing);
    }
    long long pk = LastInsertId(s);
    MultiInsert lines("INSERT INTO sale_return_lines (return_pk, sale_line_number, "
                      "quantity_milli, damaged, refund_minor)",
                      5);
    StockLedger ledger;
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
      const auto& line = r.lines[i];
      lines.AddRow({pk, static_cast<long long>(line.sale_line_number),
                    static_cast<long long>(line.quantity_milli), line.damaged ? 1LL : 0LL,
                    static_cast<long long>(line.refund_minor)});
      long long line_number = line.sale_line_number;
      long long quantity = line.quantity_milli;
      long long refund = line.refund_minor;
      s << "UPDATE sale_lines SET returned_quantity_milli = returned_quantity_milli + :q, "
           "refunded_minor = refunded_minor + :r WHERE sale_pk = :pk AND line_number = :n",
          soci::use(quantity), soci::use(refund), soci::use(sale->pk), soci::use(line_number);
      // Damaged goods go back to no shelf: no stock movement.
      if (!line.damaged) {
        ledger.Add(store_id, originals[i].product_id, line.quantity_milli,
                   domain::MovementType::kReturn, "RETURN", pk, r.return_id,
                   line.sale_line_number, r.return_time, record_time);
      }
    }
    lines.Execute(s);
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    AppendAudit(s, &ctx, domain::AuditEntry{"sale_return", r.return_id, r.store_code});
    r.record_time = record_time;
    outcome.sale_return = r;
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::VoidOutcome> MySqlSalesRepository::VoidSale(const std::string& store_code,
                                                             const std::string& sale_id,
                                                             const std::string& reason,
                                                             const RequestContext& ctx) {
  domain::VoidOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::VoidOutcome{};
    auto header = FindSaleHeader(s, sale_id, KeyRead::kForUpdate);
    if (!header || header->store_code != store_code) {
      return domain::NotFound("SALE_NOT_FOUND",
                              "sale " + sale_id + " not found in store " + store_code);
    }
    if (header->state == "VOIDED") {
      outcome.sale = LoadSale(s, header->pk);
      outcome.replayed = true;
      return Status();
    }
    long long returned = 0;
    s << "SELECT COALESCE(SUM(returned_quantity_milli), 0) FROM sale_lines WHERE sale_pk = :pk",
        soci::use(header->pk), soci::into(returned);
    if (returned > 0) {
      return domain::FailedPrecondition("SALE_HAS_RETURNS",
                                        "a sale with returns cannot be voided");
    }
    const TimeMicros now = domain::SystemNowMicros();
    long long void_time = now;
    s << "UPDATE sales SET state = 'VOIDED', void_time = TIMESTAMPADD(MICROSECOND, :t, "
         "'1970-01-01'), void_reason = :r WHERE id = :pk",
        soci::use(void_time), soci::use(reason), soci::use(header->pk);
    struct Line {
      long long store_id, product_id, quantity, line_number;
    };
    auto lines = QueryAll(
        s,
        "SELECT x.store_id, l.product_id, l.quantity_milli, l.line_number FROM sale_lines l "
        "JOIN sales x ON x.id = l.sale_pk WHERE l.sale_pk = :pk ORDER BY l.line_number",
        +[](const soci::row& r) {
          return Line{GetInt64(r, 0), GetInt64(r, 1), GetInt64(r, 2), GetInt64(r, 3)};
        },
        header->pk);
    StockLedger ledger;
    for (const auto& line : lines) {
      ledger.Add(line.store_id, line.product_id, line.quantity, domain::MovementType::kVoid,
                 "VOID", header->pk, sale_id, static_cast<int>(line.line_number), now, now);
    }
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    AppendAudit(s, &ctx, domain::AuditEntry{"sale_void", sale_id, store_code});
    outcome.sale = LoadSale(s, header->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

// ----- Inventory -----

namespace {

const std::string kSelectLevel =
    "SELECT st.code, p.sku, p.display_name, COALESCE(b.on_hand_milli, 0), "
    "COALESCE(x.reorder_point_milli, 0), COALESCE(x.max_quantity_milli, 0), "
    "COALESCE(" BO_MICROS("b.last_movement_time") ", 0) FROM products p JOIN stores st ON "
                                                  "st.code = :store LEFT JOIN stock_balances "
                                                  "b ON b.store_id = st.id AND b.product_id "
                                                  "= p.id LEFT JOIN product_store_settings x "
                                                  "ON x.store_id = st.id AND x.product_id = "
                                                  "p.id";

domain::StockLevel ReadLevel(const soci::row& r) {
  domain::StockLevel level;
  level.store_code = GetString(r, 0);
  level.sku = GetString(r, 1);
  level.display_name = GetString(r, 2);
  level.on_hand_milli = GetInt64(r, 3);
  level.reorder_point_milli = GetInt64(r, 4);
  level.max_quantity_milli = GetInt64(r, 5);
  level.last_movement_time = GetInt64(r, 6);
  return level;
}

const std::string kSelectMovement =
    "SELECT m.id, st.code, p.sku, m.quantity_milli, m.movement_type, m.reason, "
    "m.document_key, m.document_line, " BO_MICROS("m.business_time") ", " BO_MICROS(
        "m.record_time") " FROM stock_movements m JOIN stores st ON st.id = m.store_id "
                         "JOIN products p ON p.id = m.product_id";

domain::StockMovement ReadMovement(const soci::row& r) {
  domain::StockMovement m;
  m.id = GetInt64(r, 0);
  m.store_code = GetString(r, 1);
  m.sku = GetString(r, 2);
  m.quantity_milli = GetInt64(r, 3);
  m.type = domain::MovementTypeFromName(GetString(r, 4)).value_or(domain::MovementType::kUnspecified);
  m.reason = GetString(r, 5);
  m.document_id = GetString(r, 6);
  m.document_line = static_cast<int>(GetInt64(r, 7));
  m.business_time = GetInt64(r, 8);
  m.record_time = GetInt64(r, 9);
  return m;
}

domain::StockLevel RequireLevel(soci::session& s, const std::string& store_code,
                                const std::string& sku) {
  RequireStoreId(s, store_code);
  auto level = QueryOne(s, kSelectLevel + " WHERE p.sku = :sku", &ReadLevel, store_code, sku);
  if (!level) Fail(domain::NotFound("PRODUCT_NOT_FOUND", "product " + sku + " not found"));
  return *level;
}

}  // namespace

StatusOr<domain::StockLevel> MySqlInventoryRepository::GetStockLevel(
    const std::string& store_code, const std::string& sku) {
  std::optional<domain::StockLevel> level;
  Status status = db_.WithSession([&](soci::session& s) {
    level = RequireLevel(s, store_code, sku);
    return Status();
  });
  if (!status.ok()) return status;
  return *level;
}

StatusOr<std::vector<domain::StockLevel>> MySqlInventoryRepository::ListStockLevels(
    const std::string& store_code, const domain::StockLevelFilter& f,
    const domain::PageRequest& page) {
  std::vector<domain::StockLevel> levels;
  Status status = db_.WithSession([&](soci::session& s) {
    RequireStoreId(s, store_code);
    int negative = f.negative_only ? 1 : 0;
    int reorder = f.at_or_below_reorder_point ? 1 : 0;
    long long limit = page.page_size + 1;
    levels = QueryAll(
        s,
        kSelectLevel +
            " WHERE (b.product_id IS NOT NULL OR x.product_id IS NOT NULL) AND p.sku > :after "
            "AND (:sku1 = '' OR p.sku = :sku2) AND (:neg = 0 OR b.on_hand_milli < 0) AND "
            "(:reo = 0 OR (x.reorder_point_milli > 0 AND COALESCE(b.on_hand_milli, 0) <= "
            "x.reorder_point_milli)) ORDER BY p.sku LIMIT :limit",
        &ReadLevel, store_code, page.after_key, f.sku, f.sku, negative, reorder, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return levels;
}

StatusOr<std::vector<domain::StockMovement>> MySqlInventoryRepository::ListStockMovements(
    const std::string& store_code, const domain::MovementFilter& f,
    const domain::PageRequest& page) {
  std::vector<domain::StockMovement> movements;
  Status status = db_.WithSession([&](soci::session& s) {
    long long store_id = RequireStoreId(s, store_code);
    long long before = page.after_key.empty() ? std::numeric_limits<long long>::max()
                                              : std::stoll(page.after_key);
    std::string type = f.type == domain::MovementType::kUnspecified
                           ? ""
                           : domain::MovementTypeName(f.type);
    long long start = f.start_time.value_or(0);
    long long end = f.end_time.value_or(253402300799000000LL);
    long long limit = page.page_size + 1;
    movements = QueryAll(
        s,
        kSelectMovement +
            " WHERE m.store_id = :s AND m.id < :before AND (:sku1 = '' OR p.sku = :sku2) AND "
            "(:ty1 = '' OR m.movement_type = :ty2) AND m.business_time >= "
            "TIMESTAMPADD(MICROSECOND, :start, '1970-01-01') AND m.business_time < "
            "TIMESTAMPADD(MICROSECOND, :end, '1970-01-01') ORDER BY m.id DESC LIMIT :limit",
        &ReadMovement, store_id, before, f.sku, f.sku, type, type, start, end, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return movements;
}

StatusOr<domain::AdjustmentOutcome> MySqlInventoryRepository::AdjustStock(
    const domain::StockAdjustment& a, const RequestContext& ctx) {
  const std::string fingerprint = domain::AdjustmentFingerprint(a);
  domain::AdjustmentOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::AdjustmentOutcome{};
    auto find = [&](KeyRead read) {
      return QueryOne(
          s,
          std::string("SELECT id, fingerprint FROM stock_adjustments WHERE adjustment_id = :id") +
              KeyReadSuffix(read),
          +[](const soci::row& r) { return std::make_pair(GetInt64(r, 0), GetString(r, 1)); },
          a.adjustment_id);
    };
    auto replay = [&](const std::pair<std::int64_t, std::string>& existing) -> Status {
      if (existing.second != fingerprint) {
        return domain::AlreadyExists("IDEMPOTENCY_KEY_REUSED",
                                     "adjustment id " + a.adjustment_id +
                                         " was recorded before with different content");
      }
      long long pk = existing.first;
      auto movement = QueryOne(
          s, kSelectMovement + " WHERE m.movement_type = 'ADJUSTMENT' AND m.document_pk = :pk",
          &ReadMovement, pk);
      if (!movement) Fail(domain::Internal("MOVEMENT_VANISHED", "adjustment without movement"));
      outcome.movement = *movement;
      outcome.level = RequireLevel(s, movement->store_code, movement->sku);
      outcome.replayed = true;
      return Status();
    };
    if (auto existing = find(KeyRead::kSnapshot)) return replay(*existing);
    long long store_id = RequireStoreId(s, a.store_code);
    long long product_id = 0;
    s << "SELECT id FROM products WHERE sku = :sku", soci::use(a.sku), soci::into(product_id);
    if (!s.got_data()) {
      return domain::NotFound("PRODUCT_NOT_FOUND", "product " + a.sku + " not found");
    }
    const TimeMicros now = domain::SystemNowMicros();
    long long delta = a.quantity_delta_milli;
    long long record = now;
    std::string reason = domain::AdjustmentReasonName(a.reason);
    try {
      s << "INSERT INTO stock_adjustments (adjustment_id, fingerprint, store_id, product_id, "
           "quantity_delta_milli, reason, note, record_time) VALUES (:id, :fp, :s, :p, :q, :r, "
           ":n, TIMESTAMPADD(MICROSECOND, :t, '1970-01-01'))",
          soci::use(a.adjustment_id), soci::use(fingerprint), soci::use(store_id),
          soci::use(product_id), soci::use(delta), soci::use(reason), soci::use(a.note),
          soci::use(record);
    } catch (const soci::soci_error& e) {
      if (!IsDuplicateOf(e, "uk_stock_adjustments_id")) throw;
      auto existing = find(KeyRead::kCurrent);
      if (!existing) throw;
      return replay(*existing);
    }
    long long pk = LastInsertId(s);
    StockLedger ledger;
    ledger.Add(store_id, product_id, a.quantity_delta_milli, domain::MovementType::kAdjustment,
               reason, pk, a.adjustment_id, 1, now, now);
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    AppendAudit(s, &ctx, domain::AuditEntry{"stock_adjustment", a.adjustment_id, a.store_code});
    auto movement = QueryOne(
        s, kSelectMovement + " WHERE m.movement_type = 'ADJUSTMENT' AND m.document_pk = :pk",
        &ReadMovement, pk);
    outcome.movement = *movement;
    outcome.level = RequireLevel(s, a.store_code, a.sku);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

// ----- Reconciliation -----

StatusOr<domain::LedgerReport> MySqlReconciliationRepository::VerifyLedger(
    const std::string& store_code) {
  domain::LedgerReport report;
  Status status = db_.WithSession([&](soci::session& s) {
    // One consistent snapshot for every check, so that sales arriving
    // meanwhile cannot make the books look unbalanced.
    s << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
    s << "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";
    struct EndSnapshot {
      soci::session& s;
      ~EndSnapshot() {
        try {
          s << "COMMIT";
        } catch (...) {
        }
      }
    } end{s};
    if (!store_code.empty()) RequireStoreId(s, store_code);
    const std::string& c = store_code;
    auto count = [&](const std::string& sql) {
      long long n = 0;
      s << sql, soci::use(c), soci::use(c), soci::into(n);
      return n;
    };
    report.stores_checked = static_cast<int>(
        count("SELECT COUNT(*) FROM stores st WHERE (:c1 = '' OR st.code = :c2)"));
    report.balances_checked =
        count("SELECT COUNT(*) FROM stock_balances b JOIN stores st ON st.id = b.store_id "
              "WHERE (:c1 = '' OR st.code = :c2)");
    report.sales_checked = count(
        "SELECT COUNT(*) FROM sales x JOIN stores st ON st.id = x.store_id WHERE (:c1 = '' OR "
        "st.code = :c2)");
    auto add = [&](const std::string& kind, const std::string& sql) {
      auto rows = QueryAll(
          s, sql + " LIMIT 1000",
          +[](const soci::row& r) {
            return domain::LedgerViolation{"", GetString(r, 0), GetString(r, 1), GetString(r, 2)};
          },
          c, c);
      for (auto& v : rows) {
        if (report.violations.size() >= 1000) break;
        v.kind = kind;
        report.violations.push_back(std::move(v));
      }
    };
    const std::string store_filter = " (:c1 = '' OR st.code = :c2) ";
    add("BALANCE_MISMATCH",
        "SELECT st.code, p.sku, CONCAT('balance ', b.on_hand_milli, ' but movements sum to ', "
        "COALESCE(m.total, 0)) FROM stock_balances b JOIN stores st ON st.id = b.store_id "
        "JOIN products p ON p.id = b.product_id LEFT JOIN (SELECT store_id, product_id, "
        "SUM(quantity_milli) AS total FROM stock_movements GROUP BY store_id, product_id) m ON "
        "m.store_id = b.store_id AND m.product_id = b.product_id WHERE" +
            store_filter + "AND b.on_hand_milli <> COALESCE(m.total, 0)");
    add("BALANCE_MISSING",
        "SELECT st.code, p.sku, CONCAT('movements sum to ', m.total, ' but there is no "
        "balance') FROM (SELECT store_id, product_id, SUM(quantity_milli) AS total FROM "
        "stock_movements GROUP BY store_id, product_id) m JOIN stores st ON st.id = m.store_id "
        "JOIN products p ON p.id = m.product_id LEFT JOIN stock_balances b ON b.store_id = "
        "m.store_id AND b.product_id = m.product_id WHERE" +
            store_filter + "AND b.store_id IS NULL");
    add("SALE_TOTALS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('total ', x.total_minor, ', lines net ', "
        "COALESCE(l.net, 0), ', tenders net ', COALESCE(t.paid, 0)) FROM sales x JOIN stores "
        "st ON st.id = x.store_id LEFT JOIN (SELECT sale_pk, SUM(amount_minor - "
        "discount_minor) AS net FROM sale_lines GROUP BY sale_pk) l ON l.sale_pk = x.id LEFT "
        "JOIN (SELECT sale_pk, SUM(amount_minor - change_minor) AS paid FROM sale_tenders "
        "GROUP BY sale_pk) t ON t.sale_pk = x.id WHERE" +
            store_filter +
            "AND (COALESCE(l.net, -1) <> x.total_minor OR COALESCE(t.paid, -1) <> "
            "x.total_minor)");
    // A sale's lines and its SALE movements must pair one to one; a voided
    // sale's lines and its VOID movements likewise; a live sale has no VOID.
    // Each check is an anti-join on the movements' document index, so that
    // it stays linear in the number of lines.
    const std::string line_movement =
        "SELECT 1 FROM stock_movements m WHERE m.movement_type = '{type}' AND m.document_pk "
        "= l.sale_pk AND m.document_line = l.line_number AND m.product_id = l.product_id AND "
        "m.store_id = x.store_id AND m.quantity_milli = {sign}l.quantity_milli";
    auto movement_of = [&](const std::string& type, const std::string& sign) {
      std::string sql = line_movement;
      sql.replace(sql.find("{type}"), 6, type);
      sql.replace(sql.find("{sign}"), 6, sign);
      return sql;
    };
    add("SALE_MOVEMENTS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('line ', l.line_number, ' has no sale movement') "
        "FROM sale_lines l JOIN sales x ON x.id = l.sale_pk JOIN stores st ON st.id = "
        "x.store_id WHERE" +
            store_filter + "AND NOT EXISTS (" + movement_of("SALE", "-") + ")");
    add("SALE_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('movement ', m.id, ' has no matching sale "
        "line') FROM stock_movements m JOIN stores st ON st.id = m.store_id LEFT JOIN "
        "sale_lines l ON l.sale_pk = m.document_pk AND l.line_number = m.document_line AND "
        "l.product_id = m.product_id AND -l.quantity_milli = m.quantity_milli WHERE" +
            store_filter + "AND m.movement_type = 'SALE' AND l.sale_pk IS NULL");
    add("SALE_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('line ', m.document_line, ' has ', COUNT(*), "
        "' ', m.movement_type, ' movements') FROM stock_movements m JOIN stores st ON st.id = "
        "m.store_id WHERE" +
            store_filter +
            "AND m.movement_type IN ('SALE', 'VOID') GROUP BY st.code, m.movement_type, "
            "m.document_pk, m.document_key, m.document_line HAVING COUNT(*) > 1");
    add("VOID_MOVEMENTS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('line ', l.line_number, ' of a voided sale has no "
        "void movement') FROM sale_lines l JOIN sales x ON x.id = l.sale_pk JOIN stores st ON "
        "st.id = x.store_id WHERE" +
            store_filter + "AND x.state = 'VOIDED' AND NOT EXISTS (" + movement_of("VOID", "") +
            ")");
    add("VOID_MOVEMENTS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('movement ', m.id, ' voids a sale that is ', "
        "x.state) FROM stock_movements m JOIN sales x ON x.id = m.document_pk JOIN stores st "
        "ON st.id = x.store_id WHERE" +
            store_filter + "AND m.movement_type = 'VOID' AND x.state <> 'VOIDED'");
    add("RETURN_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('movement ', m.id, ' has no matching "
        "undamaged return line') FROM stock_movements m JOIN stores st ON st.id = m.store_id "
        "LEFT JOIN sale_return_lines rl ON rl.return_pk = m.document_pk AND "
        "rl.sale_line_number = m.document_line AND rl.quantity_milli = m.quantity_milli AND "
        "rl.damaged = 0 WHERE" +
            store_filter + "AND m.movement_type = 'RETURN' AND rl.return_pk IS NULL");
    add("RETURN_TOTALS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('line ', l.line_number, ' records ', "
        "l.returned_quantity_milli, ' returned and ', l.refunded_minor, ' refunded, its "
        "returns ', COALESCE(r.quantity, 0), ' and ', COALESCE(r.refund, 0)) FROM sale_lines l "
        "JOIN sales x ON x.id = l.sale_pk JOIN stores st ON st.id = x.store_id LEFT JOIN "
        "(SELECT sr.sale_pk, rl.sale_line_number, SUM(rl.quantity_milli) AS quantity, "
        "SUM(rl.refund_minor) AS refund FROM sale_return_lines rl JOIN sale_returns sr ON "
        "sr.id = rl.return_pk GROUP BY sr.sale_pk, rl.sale_line_number) r ON r.sale_pk = "
        "l.sale_pk AND r.sale_line_number = l.line_number WHERE" +
            store_filter +
            "AND (l.returned_quantity_milli <> COALESCE(r.quantity, 0) OR l.refunded_minor <> "
            "COALESCE(r.refund, 0))");
    add("RETURN_TOTALS_MISMATCH",
        "SELECT st.code, r.return_id, CONCAT('refund total ', r.refund_total_minor, ', lines ', "
        "COALESCE(SUM(rl.refund_minor), 0)) FROM sale_returns r JOIN stores st ON st.id = "
        "r.store_id LEFT JOIN sale_return_lines rl ON rl.return_pk = r.id WHERE" +
            store_filter +
            "GROUP BY st.code, r.return_id, r.refund_total_minor HAVING r.refund_total_minor <> "
            "COALESCE(SUM(rl.refund_minor), 0)");
    add("ADJUSTMENT_MOVEMENTS_MISMATCH",
        "SELECT st.code, a.adjustment_id, CONCAT('adjustment of ', a.quantity_delta_milli, "
        "' has ', COUNT(m.id), ' movements') FROM stock_adjustments a JOIN stores st ON st.id "
        "= a.store_id LEFT JOIN stock_movements m ON m.movement_type = 'ADJUSTMENT' AND "
        "m.document_pk = a.id AND m.product_id = a.product_id AND m.store_id = a.store_id AND "
        "m.quantity_milli = a.quantity_delta_milli WHERE" +
            store_filter +
            "GROUP BY st.code, a.adjustment_id, a.quantity_delta_milli HAVING COUNT(m.id) <> 1");
    add("ADJUSTMENT_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('movement ', m.id, ' has no matching "
        "adjustment') FROM stock_movements m JOIN stores st ON st.id = m.store_id LEFT JOIN "
        "stock_adjustments a ON a.id = m.document_pk AND a.quantity_delta_milli = "
        "m.quantity_milli AND a.product_id = m.product_id WHERE" +
            store_filter + "AND m.movement_type = 'ADJUSTMENT' AND a.id IS NULL");
    add("RETURN_MOVEMENTS_MISMATCH",
        "SELECT st.code, r.return_id, CONCAT('line ', rl.sale_line_number, ' (damaged=', "
        "rl.damaged, ') has ', COUNT(m.id), ' return movements') FROM sale_return_lines rl "
        "JOIN sale_returns r ON r.id = rl.return_pk JOIN stores st ON st.id = r.store_id JOIN "
        "sale_lines l ON l.sale_pk = r.sale_pk AND l.line_number = rl.sale_line_number LEFT "
        "JOIN stock_movements m ON m.movement_type = 'RETURN' AND m.document_pk = r.id AND "
        "m.document_line = rl.sale_line_number AND m.product_id = l.product_id AND "
        "m.quantity_milli = rl.quantity_milli WHERE" +
            store_filter +
            "GROUP BY st.code, r.return_id, rl.sale_line_number, rl.damaged HAVING COUNT(m.id) "
            "<> IF(rl.damaged = 1, 0, 1)");
    return Status();
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace backoffice::storage
