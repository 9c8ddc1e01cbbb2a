#include "sales/storage/mysql_sales_repository.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "inventory/domain/lots.h"
#include "inventory/storage/stock_posting.h"
#include "sales/domain/sales_rules.h"
#include "sales/storage/credit_tenders.h"
#include "sales/storage/demand_rollup.h"
#include "sales/storage/sale_lookup_cache.h"
#include "sales/storage/sale_rows.h"

namespace backoffice::storage {
namespace {

using domain::RequestContext;
using domain::Sale;
using domain::SaleOutcome;
using domain::TimeMicros;

// Decides what a sale id that already exists means for this request: the
// steps of ClientDocument (core/storage/idempotency.h), done here for a whole
// group of sales at once, with one plain read for the group.
SaleOutcome ReplayOrReuse(soci::session& s, const SaleHeader& existing,
                          const Sale& sale, const std::string& fingerprint) {
  SaleOutcome outcome;
  if (existing.fingerprint != fingerprint) {
    outcome.status = IdempotencyKeyReused("sale", sale.sale_id);
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
      : lines_(
            "INSERT INTO sale_lines (sale_pk, line_number, product_id, "
            "sku_sent, barcode_sent, quantity_milli, unit_price_minor, "
            "amount_minor, discount_minor, tax_rate_basis_points, tax_minor, "
            "returned_quantity_milli, refunded_minor, unit_cost_minor, "
            "cost_minor)",
            15),
        tenders_(
            "INSERT INTO sale_tenders (sale_pk, tender_number, tender_type, "
            "amount_minor, "
            "change_minor, customer_id, reference, authorization_id)",
            8),
        exceptions_(
            "INSERT INTO sale_exceptions (sale_pk, store_id, line_number, "
            "kind)",
            4),
        audit_(
            "INSERT INTO audit_records (create_time, principal_id, "
            "principal_name, role, "
            "store_code, method, entity_type, entity_id, request_id, peer)",
            9, "(UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

  void Add(const Sale& sale, long long pk, long long store_id,
           const std::vector<LookupCache::Ref>& products,
           const std::vector<std::optional<long long>>& customer_ids,
           std::vector<PendingPosting> charges, const RequestContext& ctx) {
    for (auto& charge : charges) postings_.push_back(std::move(charge));
    std::vector<long long> product_ids;
    for (const auto& product : products) product_ids.push_back(product.id);
    std::vector<StockLine> stock_lines;
    stock_lines.reserve(sale.lines.size());
    for (std::size_t i = 0; i < sale.lines.size(); ++i) {
      const auto& l = sale.lines[i];
      // Written at Flush, when the lines' cost is known.
      pending_lines_.push_back({pk, store_id, product_ids[i], l});
      StockLine stock_line;
      stock_line.line_number = l.line_number;
      stock_line.product_id = product_ids[i];
      stock_line.quantity_milli = -l.quantity_milli;
      stock_line.sell_by_margin_days = products[i].sell_by_margin_days;
      stock_lines.push_back(std::move(stock_line));
      // A sale counts once per product, however many lines it has of it.
      const bool first_of_product =
          std::find(product_ids.begin(), product_ids.begin() + i,
                    product_ids[i]) == product_ids.begin() + i;
      demand_.AddSold(store_id, product_ids[i], sale.business_day,
                      l.quantity_milli, first_of_product);
    }
    ledger_.Post(
        {domain::MovementType::kSale, "SALE", store_id, pk, sale.sale_id,
         sale.sale_time, sale.record_time, sale.business_day},
        stock_lines);
    for (std::size_t i = 0; i < sale.tenders.size(); ++i) {
      const auto& t = sale.tenders[i];
      tenders_.AddRow({pk, static_cast<long long>(i + 1),
                       std::string(domain::TenderTypeName(t.type)),
                       static_cast<long long>(t.amount_minor),
                       static_cast<long long>(t.change_minor), customer_ids[i],
                       t.reference, t.authorization_id});
    }
    for (const auto& e : sale.exceptions) {
      exceptions_.AddRow(
          {pk, store_id, static_cast<long long>(e.line_number), e.kind});
    }
    MultiInsert::Value request_id = ctx.request_id.empty()
                                        ? MultiInsert::Value(std::nullopt)
                                        : MultiInsert::Value(ctx.request_id);
    audit_.AddRow({static_cast<long long>(ctx.principal.token_id),
                   ctx.principal.display_name,
                   std::string(domain::RoleName(ctx.principal.role)),
                   sale.store_code, ctx.method, std::string("sale"),
                   sale.sale_id, request_id, ctx.peer});
  }

  // Writes everything queued: the movements, the balances and lots in
  // (store, product) order, then the lines with their cost at that moment.
  void Flush(soci::session& s) {
    tenders_.Execute(s);
    exceptions_.Execute(s);
    ledger_.FlushMovements(s);
    audit_.Execute(s);
    ledger_.ApplyBalances(s);
    for (const PendingLine& p : pending_lines_) {
      const auto& l = p.line;
      const long long unit_cost =
          ledger_.AverageUnitCost(p.store_id, p.product_id);
      lines_.AddRow({p.sale_pk, static_cast<long long>(l.line_number),
                     p.product_id, l.sku, l.barcode,
                     static_cast<long long>(l.quantity_milli),
                     static_cast<long long>(l.unit_price_minor),
                     static_cast<long long>(l.amount_minor),
                     static_cast<long long>(l.discount_minor),
                     static_cast<long long>(l.tax_rate_basis_points),
                     static_cast<long long>(l.tax_minor), 0LL, 0LL, unit_cost,
                     static_cast<long long>(
                         domain::CostOfQuantity(l.quantity_milli, unit_cost))});
    }
    pending_lines_.clear();
    lines_.Execute(s);
    demand_.Flush(s);
    // Debts last: the party accounts are locked after the stock rows, in
    // every unit of work that takes both.
    PartyLedger::PostAll(s, std::move(postings_));
    postings_.clear();
  }

 private:
  struct PendingLine {
    long long sale_pk;
    long long store_id;
    long long product_id;
    domain::SaleLine line;
  };

  std::vector<PendingLine> pending_lines_;
  std::vector<PendingPosting> postings_;
  MultiInsert lines_;
  MultiInsert tenders_;
  MultiInsert exceptions_;
  MultiInsert audit_;
  StockLedger ledger_;
  DemandRollup demand_;
};

// Checks a sale's references and writes its header; throws StatusError when
// the sale must be refused. Only the header insert writes, and a failed
// insert is undone by InnoDB as a statement, so a refused sale leaves
// nothing behind without a savepoint.
Sale InsertSaleHeader(soci::session& s, const Sale& input,
                      const std::string& fingerprint, const RequestContext& ctx,
                      LookupCache& cache, SaleGroupWriter& writer,
                      TimeMicros record_time, ReceiptConflict* conflict) {
  Sale sale = input;
  const auto& store = cache.Store(s, sale.store_code);
  long long store_id = store.id;
  const auto terminal =
      cache.Terminal(s, store_id, sale.store_code, sale.terminal_code);
  if (Status st =
          domain::CheckTillMayRecord(sale.terminal_code, terminal.active);
      !st.ok()) {
    Fail(st);
  }
  const long long terminal_id = terminal.id;
  std::vector<LookupCache::Ref> products;
  std::vector<bool> product_active;
  for (const auto& line : sale.lines) {
    const auto product = cache.Product(s, line);
    products.push_back(product);
    product_active.push_back(product.active);
  }
  std::vector<std::optional<long long>> customer_ids;
  std::vector<int> terms_days;
  for (const auto& tender : sale.tenders) {
    if (tender.customer_code.empty()) {
      customer_ids.push_back(std::nullopt);
      terms_days.push_back(0);
      continue;
    }
    const auto customer = cache.Customer(s, store_id, tender.customer_code);
    if (Status st = domain::CheckCustomerMayBuyOnCredit(tender.customer_code,
                                                        customer.active);
        !st.ok()) {
      Fail(st);
    }
    customer_ids.push_back(customer.id);
    terms_days.push_back(customer.credit_terms_days);
  }
  sale.exceptions = domain::SaleExceptions(sale, product_active);
  auto day = domain::BusinessDay(sale.sale_time, store.time_zone);
  if (!day.ok()) Fail(day.status());
  sale.business_day = *day;
  sale.record_time = record_time;
  sale.currency_code = store.currency_code;
  const std::vector<CreditTender> credit_tenders = CheckCreditTenders(
      s, store_id, terminal_id, sale, customer_ids, terms_days);
  for (const auto& credit : credit_tenders) {
    if (!credit.exception_kind.empty()) {
      // Line 0, first: where a replay, read back in line order, has it.
      sale.exceptions.insert(sale.exceptions.begin(),
                             {"CREDIT_WITHOUT_AUTHORIZATION", 0});
      break;
    }
  }

  long long receipt = sale.receipt_number;
  long long sale_time = sale.sale_time;
  long long record = record_time;
  long long total = sale.total_minor;
  try {
    s << "INSERT INTO sales (sale_id, fingerprint, store_id, terminal_id, "
         "cashier, receipt_number, sale_time, business_day, record_time, "
         "total_minor, currency_code, state) VALUES (:id, :fp, :s, :t, :c, "
         ":r, TIMESTAMPADD(MICROSECOND, :st, '1970-01-01'), :d, "
         "TIMESTAMPADD(MICROSECOND, :rt, '1970-01-01'), :tot, :cur, "
         "'RECORDED')",
        soci::use(sale.sale_id), soci::use(fingerprint), soci::use(store_id),
        soci::use(terminal_id), soci::use(sale.cashier), soci::use(receipt),
        soci::use(sale_time), soci::use(sale.business_day), soci::use(record),
        soci::use(total), soci::use(sale.currency_code);
  } catch (const soci::soci_error& e) {
    // Both keys may be duplicated at once (the same sale sent twice), and
    // the server names only one of them: a sale id that now exists means a
    // concurrent copy of this sale, whichever key was named.
    if (IsDuplicateOf(e, "uk_sales_store_sale_id") ||
        (IsDuplicateOf(e, "uk_sales_terminal_receipt") &&
         FindSaleHeader(s, store_id, sale.sale_id, KeyRead::kCurrent))) {
      Fail(Status(StatusCode::kAborted, "SALE_ID_RACE",
                  "recorded concurrently"));
    }
    if (IsDuplicateOf(e, "uk_sales_terminal_receipt")) {
      *conflict = ReceiptConflict{terminal_id, receipt, sale.business_day,
                                  sale.sale_id};
      Fail(domain::AlreadyExists(
          "DUPLICATE_RECEIPT_NUMBER",
          "terminal " + sale.terminal_code + " already recorded receipt " +
              std::to_string(receipt) + " for another sale"));
    }
    throw;
  }
  const long long pk = LastInsertId(s);
  sale.sequence = pk;
  RecordCreditTenders(s, pk, store_id, credit_tenders);
  writer.Add(sale, pk, store_id, products, customer_ids,
             SaleCharges(sale, pk, store_id, credit_tenders, ctx), ctx);
  return sale;
}

void RecordReceiptConflicts(Database& db,
                            const std::vector<ReceiptConflict>& conflicts) {
  Status status = db.InTransaction([&](soci::session& s) {
    for (const auto& c : conflicts) {
      long long terminal = c.terminal_id;
      long long receipt = c.receipt_number;
      s << "INSERT IGNORE INTO receipt_conflicts (terminal_id, receipt_number, "
           "business_day, "
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
    // Sale ids are scoped to their store: one query per store of the group.
    std::map<std::string, std::vector<std::string>> ids_by_store;
    for (const auto& sale : sales) {
      ids_by_store[sale.store_code].push_back(sale.sale_id);
    }
    std::map<std::pair<std::string, std::string>, SaleHeader> existing;
    for (const auto& [store_code, store_ids] : ids_by_store) {
      for (auto& header :
           QueryIn(s,
                   "SELECT x.id, x.fingerprint, x.state, x.sale_id, "
                   "x.currency_code FROM sales x WHERE x.store_id = (SELECT id "
                   "FROM stores WHERE code = :store) AND x.sale_id IN ({in})",
                   +[](const soci::row& r) {
                     SaleHeader h;
                     h.pk = GetInt64(r, 0);
                     h.fingerprint = GetString(r, 1);
                     h.state = GetString(r, 2);
                     h.sale_id = GetString(r, 3);
                     h.currency_code = GetString(r, 4);
                     return h;
                   },
                   store_ids, {store_code})) {
        existing.emplace(std::make_pair(store_code, header.sale_id), header);
      }
    }
    auto key_of = [](const Sale& sale) {
      return std::make_pair(sale.store_code, sale.sale_id);
    };
    std::vector<const Sale*> fresh;
    for (const auto& sale : sales) {
      if (!existing.count(key_of(sale))) fresh.push_back(&sale);
    }
    LookupCache cache;
    cache.Prefetch(s, fresh);
    SaleGroupWriter writer;
    // (store, sale id) -> index, this group.
    std::map<std::pair<std::string, std::string>, std::size_t> written;
    const TimeMicros record_time = domain::SystemNowMicros();
    for (std::size_t i = 0; i < sales.size(); ++i) {
      const Sale& sale = sales[i];
      if (auto it = existing.find(key_of(sale)); it != existing.end()) {
        outcomes[i] = ReplayOrReuse(s, it->second, sale, fingerprints[i]);
        continue;
      }
      if (auto it = written.find(key_of(sale)); it != written.end()) {
        // The same sale twice in one upload: the first copy is being written.
        const SaleOutcome& first = outcomes[it->second];
        if (fingerprints[it->second] == fingerprints[i] && first.status.ok()) {
          outcomes[i] = SaleOutcome{Status(), true, first.sale};
        } else if (first.status.ok()) {
          outcomes[i].status = domain::AlreadyExists("IDEMPOTENCY_KEY_REUSED",
                                                     "sale id " + sale.sale_id +
                                                         " was sent twice with "
                                                         "different content");
          outcomes[i].sale = sale;
        } else {
          outcomes[i] = SaleOutcome{first.status, false, sale};
        }
        continue;
      }
      ReceiptConflict conflict;
      try {
        outcomes[i].sale =
            InsertSaleHeader(s, sale, fingerprints[i], ctx, cache, writer,
                             record_time, &conflict);
        written.emplace(key_of(sale), i);
      } catch (const StatusError& e) {
        if (e.status.reason() == "SALE_ID_RACE") {
          // Another transaction recorded this id meanwhile; our insert waited
          // for it to commit, so a read now sees it.
          auto header = FindSaleHeader(s, cache.Store(s, sale.store_code).id,
                                       sale.sale_id, KeyRead::kCurrent);
          if (!header) throw;
          outcomes[i] = ReplayOrReuse(s, *header, sale, fingerprints[i]);
          continue;
        }
        if (e.status.reason() == "DUPLICATE_RECEIPT_NUMBER")
          conflicts.push_back(conflict);
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

StatusOr<domain::Sale> MySqlSalesRepository::GetSale(
    const std::string& store_code, const std::string& sale_id) {
  std::optional<Sale> sale;
  Status status = db_.WithSession([&](soci::session& s) {
    auto header = QueryOne(
        s,
        "SELECT x.id, x.fingerprint, st.code, x.state FROM sales x JOIN "
        "stores st ON st.id = x.store_id WHERE st.code = :store AND "
        "x.sale_id = :id",
        &ReadSaleHeader, store_code, sale_id);
    if (!header) {
      return domain::NotFound(
          "SALE_NOT_FOUND",
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
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long limit = page.page_size + 1;
    std::string day = f.business_day.empty() ? "1000-01-01" : f.business_day;
    int any_day = f.business_day.empty() ? 1 : 0;
    sales = QueryAll(
        s,
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

StatusOr<domain::SalesSummary> MySqlSalesRepository::SummarizeSales(
    const std::string& store_code, const std::string& from_day,
    const std::string& to_day) {
  domain::SalesSummary summary;
  Status status = db_.WithSession([&](soci::session& s) {
    LookupCache cache;
    const auto& store = cache.Store(s, store_code);
    long long store_id = store.id;
    summary.store_code = store_code;
    summary.currency_code = store.currency_code;
    summary.from_day = from_day;
    summary.to_day = to_day;
    long long count = 0, net = 0, tax = 0, cost = 0, returned_cost = 0,
              no_cost = 0;
    s << "SELECT COUNT(DISTINCT x.id), COALESCE(SUM(l.amount_minor - "
         "l.discount_minor), 0), COALESCE(SUM(l.tax_minor), 0), "
         "COALESCE(SUM(l.cost_minor), 0), COALESCE(SUM(l.returned_cost_minor), "
         "0), COALESCE(SUM(l.unit_cost_minor = 0), 0) FROM sales x JOIN "
         "sale_lines l ON l.sale_pk = x.id WHERE x.store_id = :s AND "
         "x.business_day BETWEEN :f AND :t AND x.state = 'RECORDED'",
        soci::use(store_id), soci::use(from_day), soci::use(to_day),
        soci::into(count), soci::into(net), soci::into(tax), soci::into(cost),
        soci::into(returned_cost), soci::into(no_cost);
    // Returns of these days; a return's VAT is its line's VAT in
    // proportion to the refund.
    long long refunds = 0, refund_tax = 0;
    s << "SELECT COALESCE(SUM(rl.refund_minor), 0), COALESCE(SUM(CASE WHEN "
         "l.amount_minor - l.discount_minor = 0 THEN 0 ELSE "
         "(CAST(rl.refund_minor AS DECIMAL(39, 0)) * l.tax_minor * 2 + "
         "(l.amount_minor - l.discount_minor)) DIV (2 * (l.amount_minor - "
         "l.discount_minor)) END), 0) FROM sale_returns r JOIN "
         "sale_return_lines rl ON rl.return_pk = r.id JOIN sale_lines l ON "
         "l.sale_pk = r.sale_pk AND l.line_number = rl.sale_line_number "
         "WHERE r.store_id = :s AND r.business_day BETWEEN :f AND :t",
        soci::use(store_id), soci::use(from_day), soci::use(to_day),
        soci::into(refunds), soci::into(refund_tax);
    summary.sale_count = count;
    summary.net_sales_minor = net;
    summary.sales_tax_minor = tax;
    summary.cost_minor = cost;
    summary.returned_cost_minor = returned_cost;
    summary.lines_without_cost = no_cost;
    summary.returns_minor = refunds;
    summary.returns_tax_minor = refund_tax;
    return Status();
  });
  if (!status.ok()) return status;
  return summary;
}

StatusOr<domain::ReceiptCheck> MySqlSalesRepository::CheckReceipts(
    const std::string& store_code, const std::string& terminal_code,
    const std::string& business_day) {
  domain::ReceiptCheck check;
  Status status = db_.WithSession([&](soci::session& s) {
    LookupCache cache;
    long long store_id = cache.Store(s, store_code).id;
    long long terminal_id =
        cache.Terminal(s, store_id, store_code, terminal_code).id;
    std::vector<std::int64_t> numbers = QueryAll(
        s,
        "SELECT receipt_number FROM sales WHERE terminal_id = :t AND "
        "business_day = :d "
        "ORDER BY receipt_number",
        +[](const soci::row& r) { return GetInt64(r, 0); }, terminal_id,
        business_day);
    check.sale_count = static_cast<std::int64_t>(numbers.size());
    if (!numbers.empty()) {
      check.first_receipt_number = numbers.front();
      check.last_receipt_number = numbers.back();
    }
    check.missing = domain::MissingReceipts(numbers, 1000);
    check.duplicated = QueryAll(
        s,
        "SELECT DISTINCT receipt_number FROM receipt_conflicts WHERE "
        "terminal_id = :t AND "
        "business_day = :d ORDER BY receipt_number LIMIT 1000",
        +[](const soci::row& r) { return GetInt64(r, 0); }, terminal_id,
        business_day);
    auto last = QueryOne(
        s,
        "SELECT " BO_MICROS(
            "MAX(record_time)") " FROM sales WHERE terminal_id = :t",
        +[](const soci::row& r) { return GetOptionalInt64(r, 0).value_or(0); },
        terminal_id);
    check.last_record_time = last.value_or(0);
    return Status();
  });
  if (!status.ok()) return status;
  return check;
}

}  // namespace backoffice::storage
