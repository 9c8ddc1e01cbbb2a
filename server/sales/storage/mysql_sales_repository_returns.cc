// Returns and voids of MySqlSalesRepository.
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
#include "credit/storage/party_ledger.h"
#include "inventory/storage/stock_posting.h"
#include "sales/domain/sales_rules.h"
#include "sales/storage/demand_rollup.h"
#include "sales/storage/mysql_sales_repository.h"
#include "sales/storage/sale_lookup_cache.h"
#include "sales/storage/sale_rows.h"

namespace backoffice::storage {

using domain::RequestContext;
using domain::Sale;
using domain::TimeMicros;

namespace {

// Return ids are scoped to their store.
std::optional<StoredDocument> FindReturn(soci::session& s, long long store_id,
                                         const std::string& return_id,
                                         KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM sale_returns WHERE store_id = "
                  ":s AND return_id = :id") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, return_id);
}

domain::SaleReturn LoadReturn(soci::session& s, long long pk) {
  auto r = QueryOne(
      s,
      "SELECT r.return_id, st.code, t.code, r.cashier, x.sale_id, "
      BO_MICROS("r.return_time") ", r.refund_tender_type, "
      "r.refund_total_minor, " BO_MICROS("r.record_time") ", r.currency_code "
      "FROM sale_returns r JOIN sales x ON x.id = r.sale_pk JOIN stores st "
      "ON st.id = r.store_id JOIN terminals t ON t.id = r.terminal_id "
      "WHERE r.id = :pk",
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
        out.currency_code = GetString(row, 9);
        return out;
      },
      pk);
  if (!r)
    Fail(domain::Internal("RETURN_VANISHED",
                          "a recorded return could not be read"));
  r->lines = QueryAll(
      s,
      "SELECT sale_line_number, quantity_milli, damaged, refund_minor FROM "
      "sale_return_lines "
      "WHERE return_pk = :pk ORDER BY sale_line_number",
      +[](const soci::row& row) {
        return domain::ReturnLine{static_cast<int>(GetInt64(row, 0)),
                                  GetInt64(row, 1), GetBool(row, 2),
                                  GetInt64(row, 3)};
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
  long long cost = 0;
  long long returned_cost = 0;
};

// The lots a sale line took its goods from, in the order it took them, as
// shares of a positive quantity.
std::vector<LotShare> LotsTakenBy(soci::session& s, long long sale_pk,
                                  long long line_number) {
  return QueryAll(
      s,
      "SELECT ml.lot_id, -ml.quantity_milli FROM stock_movements m JOIN "
      "stock_movement_lots ml ON ml.movement_id = m.id WHERE "
      "m.movement_type = " +
          domain::MovementTypeSql(domain::MovementType::kSale) +
          " AND m.document_pk = :pk AND m.document_line = :n ORDER BY "
          "ml.sequence",
      +[](const soci::row& row) {
        return LotShare{GetInt64(row, 0), GetInt64(row, 1)};
      },
      sale_pk, line_number);
}

// A return of `quantity` goes back to the lots its sale line took from,
// after the part earlier returns took back (`returned_before`); what the
// lots do not cover (none recorded) follows the ledger's default.
std::vector<LotShare> ReturnShares(const std::vector<LotShare>& taken,
                                   std::int64_t returned_before,
                                   std::int64_t quantity) {
  std::vector<LotShare> shares;
  std::int64_t skip = returned_before;
  std::int64_t left = quantity;
  for (const LotShare& lot : taken) {
    if (left <= 0) break;
    std::int64_t available = lot.quantity_milli;
    const std::int64_t skipped = std::min(skip, available);
    skip -= skipped;
    available -= skipped;
    if (available <= 0) continue;
    const std::int64_t give = std::min(available, left);
    shares.push_back({lot.lot_id, give});
    left -= give;
  }
  return shares;
}

// The customers a sale charged on store credit, first tender first.
std::vector<long long> CreditCustomersOf(soci::session& s, long long sale_pk) {
  return QueryAll(
      s,
      "SELECT customer_id FROM sale_tenders WHERE sale_pk = :pk AND "
      "tender_type = 'STORE_CREDIT' AND customer_id IS NOT NULL GROUP BY "
      "customer_id ORDER BY MIN(tender_number)",
      +[](const soci::row& r) -> long long { return GetInt64(r, 0); }, sale_pk);
}

PendingPosting CreditPosting(long long store_id, long long customer_id,
                             const std::string& currency,
                             const std::string& source_type,
                             const std::string& source_id, long long source_pk,
                             const std::string& day,
                             const RequestContext& ctx) {
  PendingPosting p;
  p.party = LedgerParty{store_id, domain::PartyKind::kCustomer, customer_id,
                        currency};
  p.document.source_type = source_type;
  p.document.source_id = source_id;
  p.document.source_pk = source_pk;
  p.document.document_day = day;
  p.document.due_day = day;
  p.document.recorded_by = domain::FormatTokenId(ctx.principal.token_id);
  p.document.recorded_by_name = ctx.principal.display_name;
  return p;
}

}  // namespace

StatusOr<domain::ReturnOutcome> MySqlSalesRepository::RecordReturn(
    const domain::SaleReturn& input, const RequestContext& ctx) {
  const std::string fingerprint = domain::ReturnFingerprint(input);
  domain::ReturnOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::ReturnOutcome{};
    const long long store_id = RequireStoreId(s, input.store_code);
    const ClientDocument document(
        "return", input.return_id, fingerprint,
        "uk_sale_returns_store_return_id",
        [&](KeyRead read) {
          return FindReturn(s, store_id, input.return_id, read);
        },
        [&](long long pk) {
          outcome.sale_return = LoadReturn(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;

    // Locking the sale serialises the returns of one sale, so that two
    // returns can never take back more than was sold.
    auto sale = FindSaleHeader(s, store_id, input.sale_id, KeyRead::kForUpdate);
    if (!sale) {
      return domain::NotFound(
          "SALE_NOT_FOUND",
          "sale " + input.sale_id + " not found in store " + input.store_code);
    }
    // A concurrent attempt of this very return may have committed while we
    // waited for the sale's lock: it is a replay, not a second return.
    if (auto recorded = document.Recorded(KeyRead::kCurrent)) return *recorded;
    BO_RETURN_IF_ERROR(domain::CheckSaleTakesReturns(
        input.sale_id, sale->state == "VOIDED" ? domain::SaleState::kVoided
                                               : domain::SaleState::kRecorded));
    LookupCache cache;
    const auto terminal =
        cache.Terminal(s, store_id, input.store_code, input.terminal_code);
    BO_RETURN_IF_ERROR(
        domain::CheckTillMayRecord(input.terminal_code, terminal.active));
    const long long terminal_id = terminal.id;
    const TimeMicros record_time = domain::SystemNowMicros();
    // The return's own business day, where its demand is counted.
    auto business_day = domain::BusinessDay(
        input.return_time, cache.Store(s, input.store_code).time_zone);
    if (!business_day.ok()) return business_day.status();

    domain::SaleReturn r = input;
    r.refund_total_minor = 0;
    r.currency_code = sale->currency_code;
    std::vector<LineForReturn> originals;
    for (auto& line : r.lines) {
      long long line_number = line.sale_line_number;
      auto original = QueryOne(
          s,
          "SELECT product_id, quantity_milli, amount_minor - discount_minor, "
          "returned_quantity_milli, refunded_minor, cost_minor, "
          "returned_cost_minor FROM sale_lines WHERE sale_pk = :pk AND "
          "line_number = :n",
          +[](const soci::row& row) {
            return LineForReturn{GetInt64(row, 0), GetInt64(row, 1),
                                 GetInt64(row, 2), GetInt64(row, 3),
                                 GetInt64(row, 4), GetInt64(row, 5),
                                 GetInt64(row, 6)};
          },
          sale->pk, line_number);
      if (!original) {
        return domain::InvalidArgument(
            "UNKNOWN_SALE_LINE", "sale " + input.sale_id + " has no line " +
                                     std::to_string(line.sale_line_number));
      }
      BO_RETURN_IF_ERROR(
          domain::CheckReturnFits(line.sale_line_number, original->quantity,
                                  original->returned, line.quantity_milli));
      line.refund_minor = domain::RefundFor(
          original->net, original->quantity, original->returned,
          original->refunded, line.quantity_milli);
      r.refund_total_minor += line.refund_minor;
      originals.push_back(*original);
    }

    // A refund to store credit goes to the account the sale was charged to;
    // without one there is nowhere to keep it.
    std::vector<long long> credit_customers;
    if (r.refund_tender_type == domain::TenderType::kStoreCredit) {
      credit_customers = CreditCustomersOf(s, sale->pk);
      if (credit_customers.empty()) {
        return domain::FailedPrecondition(
            "STORE_CREDIT_REFUND_NEEDS_ACCOUNT",
            "sale " + input.sale_id +
                " was not charged to a customer's account: refund it in "
                "another tender");
      }
    }

    long long return_time = r.return_time;
    long long record = record_time;
    long long total = r.refund_total_minor;
    std::string tender = domain::TenderTypeName(r.refund_tender_type);
    if (auto concurrent = document.Insert([&] {
          s << "INSERT INTO sale_returns (return_id, fingerprint, sale_pk, "
               "store_id, terminal_id, cashier, return_time, business_day, "
               "record_time, refund_tender_type, refund_total_minor, "
               "currency_code) VALUES (:id, :fp, :sale, :s, :t, :c, "
               "TIMESTAMPADD(MICROSECOND, :rt, '1970-01-01'), :day, "
               "TIMESTAMPADD(MICROSECOND, :rec, '1970-01-01'), :tt, :tot, "
               ":cur)",
              soci::use(r.return_id), soci::use(fingerprint),
              soci::use(sale->pk), soci::use(store_id), soci::use(terminal_id),
              soci::use(r.cashier), soci::use(return_time),
              soci::use(*business_day), soci::use(record), soci::use(tender),
              soci::use(total), soci::use(r.currency_code);
        })) {
      return *concurrent;
    }
    long long pk = LastInsertId(s);
    MultiInsert lines(
        "INSERT INTO sale_return_lines (return_pk, sale_line_number, "
        "quantity_milli, damaged, refund_minor, cost_minor)",
        6);
    DemandRollup demand;
    std::vector<StockLine> stock_lines;
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
      const auto& line = r.lines[i];
      // Damaged or not, the goods came back: demand falls either way.
      demand.AddReturned(store_id, originals[i].product_id, *business_day,
                         line.quantity_milli);
      const LineForReturn& original = originals[i];
      // Restocked goods take their cost of sale back with them; damaged
      // ones stay a cost of the sale (a loss), and go back to no shelf: no
      // stock movement.
      long long cost =
          line.damaged
              ? 0
              : domain::RefundFor(original.cost, original.quantity,
                                  original.returned, original.returned_cost,
                                  line.quantity_milli);
      lines.AddRow({pk, static_cast<long long>(line.sale_line_number),
                    static_cast<long long>(line.quantity_milli),
                    line.damaged ? 1LL : 0LL,
                    static_cast<long long>(line.refund_minor), cost});
      long long line_number = line.sale_line_number;
      long long quantity = line.quantity_milli;
      long long refund = line.refund_minor;
      s << "UPDATE sale_lines SET returned_quantity_milli = "
           "returned_quantity_milli + :q, refunded_minor = refunded_minor + "
           ":r, returned_cost_minor = returned_cost_minor + :c WHERE sale_pk "
           "= :pk AND line_number = :n",
          soci::use(quantity), soci::use(refund), soci::use(cost),
          soci::use(sale->pk), soci::use(line_number);
      if (!line.damaged) {
        StockLine stock_line;
        stock_line.line_number = line.sale_line_number;
        stock_line.product_id = original.product_id;
        stock_line.quantity_milli = line.quantity_milli;
        stock_line.shares =
            ReturnShares(LotsTakenBy(s, sale->pk, line_number),
                         original.returned, line.quantity_milli);
        stock_lines.push_back(std::move(stock_line));
      }
    }
    lines.Execute(s);
    StockLedger ledger;
    ledger.Post({domain::MovementType::kReturn, "RETURN", store_id, pk,
                 r.return_id, r.return_time, record_time, *business_day},
                stock_lines);
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    demand.Flush(s);
    if (!credit_customers.empty() && r.refund_total_minor > 0) {
      // The credit note goes first against the sale's own charge.
      PendingPosting note =
          CreditPosting(store_id, credit_customers.front(), r.currency_code,
                        "RETURN", r.return_id, pk, *business_day, ctx);
      note.document.type = domain::PartyDocumentType::kCreditNote;
      note.document.direction = domain::Direction::kCredit;
      note.document.amount_minor = r.refund_total_minor;
      note.settle_with_sale_id = r.sale_id;
      PartyLedger::PostAll(s, {std::move(note)});
    }
    AppendAudit(s, &ctx,
                domain::AuditEntry{"sale_return", r.return_id, r.store_code});
    r.record_time = record_time;
    outcome.sale_return = r;
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::VoidOutcome> MySqlSalesRepository::VoidSale(
    const std::string& store_code, const std::string& sale_id,
    const std::string& reason, const RequestContext& ctx) {
  domain::VoidOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::VoidOutcome{};
    const long long store_id = RequireStoreId(s, store_code);
    auto header = FindSaleHeader(s, store_id, sale_id, KeyRead::kForUpdate);
    if (!header) {
      return domain::NotFound(
          "SALE_NOT_FOUND",
          "sale " + sale_id + " not found in store " + store_code);
    }
    if (header->state == "VOIDED") {
      outcome.sale = LoadSale(s, header->pk);
      outcome.replayed = true;
      return Status();
    }
    long long returned = 0;
    s << "SELECT COALESCE(SUM(returned_quantity_milli), 0) FROM sale_lines "
         "WHERE sale_pk = :pk",
        soci::use(header->pk), soci::into(returned);
    BO_RETURN_IF_ERROR(domain::CheckSaleMayBeVoided(sale_id, returned));
    const TimeMicros now = domain::SystemNowMicros();
    long long void_time = now;
    s << "UPDATE sales SET state = 'VOIDED', void_time = "
         "TIMESTAMPADD(MICROSECOND, :t, "
         "'1970-01-01'), void_reason = :r WHERE id = :pk",
        soci::use(void_time), soci::use(reason), soci::use(header->pk);
    struct Line {
      long long store_id, product_id, quantity, line_number;
      std::string business_day;
    };
    auto lines = QueryAll(
        s,
        "SELECT x.store_id, l.product_id, l.quantity_milli, l.line_number, "
        "DATE_FORMAT(x.business_day, '%Y-%m-%d') FROM sale_lines l "
        "JOIN sales x ON x.id = l.sale_pk WHERE l.sale_pk = :pk ORDER BY "
        "l.line_number",
        +[](const soci::row& r) {
          return Line{GetInt64(r, 0), GetInt64(r, 1), GetInt64(r, 2),
                      GetInt64(r, 3), GetString(r, 4)};
        },
        header->pk);
    std::vector<StockLine> stock_lines;
    // A void takes the sale's demand back on the sale's own business day.
    DemandRollup demand;
    for (const auto& line : lines) {
      // The goods go back to the very lots the sale took them from.
      StockLine stock_line;
      stock_line.line_number = static_cast<int>(line.line_number);
      stock_line.product_id = line.product_id;
      stock_line.quantity_milli = line.quantity;
      stock_line.shares = ReturnShares(
          LotsTakenBy(s, header->pk, line.line_number), 0, line.quantity);
      stock_lines.push_back(std::move(stock_line));
      demand.AddVoided(line.store_id, line.product_id, line.business_day,
                       line.quantity);
    }
    StockLedger ledger;
    ledger.Post(
        {domain::MovementType::kVoid, "VOID", store_id, header->pk, sale_id,
         now, now, lines.empty() ? std::string() : lines.front().business_day},
        stock_lines);
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    demand.Flush(s);
    // The charges of the sale are reversed on the void's own day.
    std::vector<PendingPosting> reversals;
    LookupCache cache;
    const std::string void_day =
        domain::DayInZone(now, cache.Store(s, store_code).time_zone);
    for (long long customer_id : CreditCustomersOf(s, header->pk)) {
      PendingPosting reversal =
          CreditPosting(store_id, customer_id, header->currency_code, "VOID",
                        sale_id, header->pk, void_day, ctx);
      reversal.reverses_sale_id = sale_id;
      reversal.document.note = reason;
      reversals.push_back(std::move(reversal));
    }
    PartyLedger::PostAll(s, std::move(reversals));
    AppendAudit(s, &ctx, domain::AuditEntry{"sale_void", sale_id, store_code});
    outcome.sale = LoadSale(s, header->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

}  // namespace backoffice::storage
