// Supplier returns of MySqlStockControlRepository: drafted with the lots
// they name, approved by a second person, shipped through the stock
// posting component with a credit note in the supplier's ledger.
#include <algorithm>
#include <limits>
#include <map>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "credit/storage/credit_rows.h"
#include "credit/storage/party_ledger.h"
#include "inventory/domain/lots.h"
#include "inventory/storage/stock_posting.h"
#include "stockcontrol/domain/stock_control_rules.h"
#include "stockcontrol/storage/mysql_stock_control_repository.h"

namespace backoffice::storage {

using domain::RequestContext;
using domain::ReturnStep;
using domain::SupplierReturn;
using domain::SupplierReturnState;
using domain::TimeMicros;

namespace {

const std::string kSelectReturn =
    std::string(
        "SELECT r.id, st.code, r.return_id, su.code, r.currency_code, "
        "r.state, r.settlement, r.note, r.total_cost_minor, "
        "r.total_tax_minor, IFNULL(r.credit_document_id, 0), r.created_by, "
        "IFNULL(r.decided_by, ''), r.decision_reason, IFNULL(r.shipped_by, "
        "''), ") +
    BO_MICROS("r.create_time") ", IFNULL(" BO_MICROS("r.decide_time") ", 0), IFNULL(" BO_MICROS("r.ship_time") ", 0) FROM supplier_returns r JOIN stores st ON st.id = r.store_id JOIN suppliers su ON su.id = r.supplier_id";

SupplierReturn ReadReturn(const soci::row& r) {
  SupplierReturn out;
  out.sequence = GetInt64(r, 0);
  out.store_code = GetString(r, 1);
  out.return_id = GetString(r, 2);
  out.supplier_code = GetString(r, 3);
  out.currency_code = GetString(r, 4);
  out.state = domain::SupplierReturnStateFromName(GetString(r, 5));
  out.settlement = domain::ReturnSettlementFromName(GetString(r, 6));
  out.note = GetString(r, 7);
  out.total_cost_minor = GetInt64(r, 8);
  out.total_tax_minor = GetInt64(r, 9);
  out.credit_note_document_number = GetInt64(r, 10);
  out.created_by = GetString(r, 11);
  out.decided_by = GetString(r, 12);
  out.decision_reason = GetString(r, 13);
  out.shipped_by = GetString(r, 14);
  out.create_time = GetInt64(r, 15);
  out.decide_time = GetInt64(r, 16);
  out.ship_time = GetInt64(r, 17);
  return out;
}

// A line as stored, with the ids shipping needs.
struct StoredLine {
  long long product_id = 0;
  long long lot_id = 0;
  int sell_by_margin_days = 0;
  domain::SupplierReturnLine line;
};

// The lines of the returns `pks`, by return, in one read.
std::map<long long, std::vector<StoredLine>> LoadLinesOf(
    soci::session& s, const std::vector<long long>& pks) {
  std::map<long long, std::vector<StoredLine>> out;
  std::vector<std::string> ids;
  for (long long pk : pks) ids.push_back(std::to_string(pk));
  struct Row {
    long long return_pk = 0;
    StoredLine line;
  };
  for (auto& row : QueryIn(
           s,
           "SELECT l.return_pk, l.line_number, p.sku, lt.lot_code, "
           "IFNULL(DATE_FORMAT(lt.expiry_date, '%Y-%m-%d'), ''), "
           "l.quantity_milli, l.reason, l.unit_cost_minor, l.line_cost_minor, "
           "l.tax_rate_basis_points, l.line_tax_minor, l.product_id, "
           "l.lot_id, p.sell_by_margin_days FROM supplier_return_lines l JOIN "
           "products p ON p.id = l.product_id JOIN stock_lots lt ON lt.id = "
           "l.lot_id WHERE l.return_pk IN ({in}) ORDER BY l.return_pk, "
           "l.line_number",
           +[](const soci::row& r) {
             Row row;
             row.return_pk = GetInt64(r, 0);
             StoredLine& out = row.line;
             out.line.line_number = static_cast<int>(GetInt64(r, 1));
             out.line.sku = GetString(r, 2);
             out.line.lot_code = GetString(r, 3);
             out.line.expiry_date = GetString(r, 4);
             out.line.quantity_milli = GetInt64(r, 5);
             out.line.reason = domain::ReturnReasonFromName(GetString(r, 6));
             out.line.unit_cost_minor = GetInt64(r, 7);
             out.line.line_cost_minor = GetInt64(r, 8);
             out.line.tax_rate_basis_points = static_cast<int>(GetInt64(r, 9));
             out.line.line_tax_minor = GetInt64(r, 10);
             out.product_id = GetInt64(r, 11);
             out.lot_id = GetInt64(r, 12);
             out.sell_by_margin_days = static_cast<int>(GetInt64(r, 13));
             return row;
           },
           ids)) {
    out[row.return_pk].push_back(std::move(row.line));
  }
  return out;
}

std::vector<StoredLine> LoadLines(soci::session& s, long long pk) {
  return std::move(LoadLinesOf(s, {pk})[pk]);
}

SupplierReturn LoadReturn(soci::session& s, long long pk) {
  auto row = QueryOne(s, kSelectReturn + " WHERE r.id = :pk", &ReadReturn, pk);
  if (!row) {
    Fail(domain::Internal("SUPPLIER_RETURN_VANISHED",
                          "a recorded return could not be read"));
  }
  for (auto& l : LoadLines(s, pk)) row->lines.push_back(std::move(l.line));
  return *row;
}

std::optional<StoredDocument> FindReturn(soci::session& s, long long store_id,
                                         const std::string& id, KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM supplier_returns WHERE "
                  "store_id = :s AND return_id = :i") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, id);
}

Status LineError(int line_number, Status status) {
  return status.WithMetadata("line_number", std::to_string(line_number));
}

// A lot named by (product, code, expiry) at a store.
struct LotRow {
  long long id = 0;
  long long quantity_milli = 0;
};

// Takes the lots out of stock and credits the supplier; the return's row
// is locked and APPROVED. LOT_QUANTITY_SHORT when a lot no longer holds
// its line's quantity: the transaction is rolled back.
Status Ship(soci::session& s, const StoreRow& store, long long pk,
            const SupplierReturn& r, long long supplier_id, TimeMicros now,
            const RequestContext& ctx) {
  std::vector<StoredLine> lines = LoadLines(s, pk);
  // Balance rows, then lots, in (store, product) order: the posting
  // component's lock order, taken before anything is judged.
  std::vector<StoredLine*> by_product;
  for (auto& l : lines) by_product.push_back(&l);
  std::sort(by_product.begin(), by_product.end(),
            [](const StoredLine* a, const StoredLine* b) {
              return std::tie(a->product_id, a->lot_id) <
                     std::tie(b->product_id, b->lot_id);
            });
  std::map<long long, long long> average_cost;
  std::map<long long, long long> lot_quantity;
  long long store_id = store.id;
  for (const StoredLine* l : by_product) {
    long long product = l->product_id;
    if (average_cost.count(product) == 0) {
      long long cost = 0;
      s << "SELECT average_unit_cost_minor FROM stock_balances WHERE "
           "store_id = :s AND product_id = :p FOR UPDATE",
          soci::use(store_id), soci::use(product), soci::into(cost);
      average_cost[product] = s.got_data() ? cost : 0;
    }
  }
  for (const StoredLine* l : by_product) {
    long long lot = l->lot_id;
    long long quantity = 0;
    s << "SELECT quantity_milli FROM stock_lots WHERE id = :l FOR UPDATE",
        soci::use(lot), soci::into(quantity);
    lot_quantity[lot] = quantity;
  }
  const std::string today = domain::DayInZone(now, store.time_zone);
  std::vector<StockLine> stock_lines;
  long long total_cost = 0, total_tax = 0;
  for (auto& l : lines) {
    const long long held = lot_quantity[l.lot_id];
    if (held < l.line.quantity_milli) {
      return LineError(
          l.line.line_number,
          domain::FailedPrecondition(
              "LOT_QUANTITY_SHORT",
              "lot '" + l.line.lot_code + "' of " + l.line.sku + " holds " +
                  std::to_string(held) + " thousandths, the return sends " +
                  std::to_string(l.line.quantity_milli)));
    }
    l.line.unit_cost_minor = average_cost[l.product_id];
    l.line.line_cost_minor =
        domain::CostOfQuantity(l.line.quantity_milli, l.line.unit_cost_minor);
    l.line.line_tax_minor =
        domain::TaxOfCost(l.line.line_cost_minor, l.line.tax_rate_basis_points);
    total_cost += l.line.line_cost_minor;
    total_tax += l.line.line_tax_minor;
    StockLine line;
    line.line_number = l.line.line_number;
    line.product_id = l.product_id;
    line.quantity_milli = -l.line.quantity_milli;
    line.shares.push_back({l.lot_id, -l.line.quantity_milli});
    line.sell_by_margin_days = l.sell_by_margin_days;
    stock_lines.push_back(std::move(line));
  }
  StockLedger ledger;
  ledger.Post({domain::MovementType::kSupplierReturn, "SUPPLIER_RETURN",
               store.id, pk, r.return_id, now, now, today},
              stock_lines);
  ledger.FlushMovements(s);
  ledger.ApplyBalances(s);
  for (const auto& l : lines) {
    long long number = l.line.line_number;
    long long unit = l.line.unit_cost_minor;
    long long cost = l.line.line_cost_minor;
    long long tax = l.line.line_tax_minor;
    s << "UPDATE supplier_return_lines SET unit_cost_minor = :u, "
         "line_cost_minor = :c, line_tax_minor = :t WHERE return_pk = :pk "
         "AND line_number = :n",
        soci::use(unit), soci::use(cost), soci::use(tax), soci::use(pk),
        soci::use(number);
  }
  std::optional<long long> credit_id;
  const long long credit = total_cost + total_tax;
  if (r.settlement == domain::ReturnSettlement::kCreditNote && credit > 0) {
    // What the supplier now owes back is a credit note of its ledger, set
    // against the open payables oldest due first, but never against one a
    // disputed invoice blocks or a waiting payment run will pay: those
    // stay for their own decision, and the note stays an open credit the
    // next payment or run nets.
    const LedgerParty party{store.id, domain::PartyKind::kSupplier, supplier_id,
                            store.currency_code};
    PartyLedger::LockAccount(s, party);
    LedgerDocument note;
    note.type = domain::PartyDocumentType::kCreditNote;
    note.direction = domain::Direction::kCredit;
    note.source_type = "SUPPLIER_RETURN";
    note.source_id = r.return_id;
    note.source_pk = pk;
    note.amount_minor = credit;
    note.document_day = today;
    note.due_day = today;
    note.note = "return " + r.return_id;
    note.recorded_by = RecordedBy(ctx);
    note.recorded_by_name = ctx.principal.display_name;
    const long long id = PartyLedger::Append(s, party, note);
    long long left = credit;
    for (const auto& debit : SettleableDebits(s, party)) {
      if (left == 0) break;
      const long long take = std::min<long long>(left, debit.open_minor);
      PartyLedger::Allocate(s, party, debit.document_number, id, take, today,
                            id);
      left -= take;
    }
    credit_id = id;
  }
  std::string by = RecordedBy(ctx);
  long long shipped = now;
  long long credit_value = credit_id.value_or(0);
  soci::indicator credit_ind = credit_id ? soci::i_ok : soci::i_null;
  s << "UPDATE supplier_returns SET state = 'SHIPPED', total_cost_minor = "
       ":c, total_tax_minor = :t, credit_document_id = :d, shipped_by = :by, "
       "shipped_by_name = :byn, ship_time = TIMESTAMPADD(MICROSECOND, :st, "
       "'1970-01-01') WHERE id = :pk",
      soci::use(total_cost), soci::use(total_tax),
      soci::use(credit_value, credit_ind), soci::use(by),
      soci::use(ctx.principal.display_name), soci::use(shipped), soci::use(pk);
  return Status();
}

}  // namespace

StatusOr<domain::SupplierReturnOutcome>
MySqlStockControlRepository::CreateSupplierReturn(
    const domain::NewSupplierReturn& in, const std::string& fingerprint,
    const RequestContext& ctx) {
  domain::SupplierReturnOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, in.store_code);
    const ClientDocument document(
        "supplier return", in.return_id, fingerprint, "uk_supplier_returns_id",
        [&](KeyRead read) {
          return FindReturn(s, store.id, in.return_id, read);
        },
        [&](long long pk) {
          outcome.supplier_return = LoadReturn(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    auto supplier = QueryOne(
        s, "SELECT id FROM suppliers WHERE code = :c",
        +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
        in.supplier_code);
    if (!supplier) {
      return domain::NotFound("SUPPLIER_NOT_FOUND",
                              "supplier " + in.supplier_code + " not found");
    }
    struct Resolved {
      long long product_id = 0;
      long long lot_id = 0;
      int tax_rate = 0;
    };
    std::vector<Resolved> resolved;
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
      const auto& line = in.lines[i];
      const int number = static_cast<int>(i) + 1;
      auto product = QueryOne(
          s, "SELECT id FROM products WHERE sku = :k",
          +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
          line.sku);
      if (!product) {
        return LineError(
            number, domain::NotFound("PRODUCT_NOT_FOUND",
                                     "product " + line.sku + " not found"));
      }
      const std::string expiry_key =
          line.expiry_date.empty() ? "9999-12-31" : line.expiry_date;
      auto lot = QueryOne(
          s,
          "SELECT id, quantity_milli FROM stock_lots WHERE store_id = :s AND "
          "product_id = :p AND lot_code = :c AND expiry_key = :e",
          +[](const soci::row& r) {
            return LotRow{GetInt64(r, 0), GetInt64(r, 1)};
          },
          store.id, *product, line.lot_code, expiry_key);
      if (!lot) {
        return LineError(
            number, domain::NotFound("LOT_NOT_FOUND",
                                     "store " + store.code + " has no lot '" +
                                         line.lot_code + "' of " + line.sku));
      }
      if (lot->quantity_milli < line.quantity_milli) {
        return LineError(
            number, domain::FailedPrecondition(
                        "LOT_QUANTITY_SHORT",
                        "lot '" + line.lot_code + "' of " + line.sku +
                            " holds " + std::to_string(lot->quantity_milli) +
                            " thousandths, less than the return sends"));
      }
      auto rate = QueryOne(
          s,
          "SELECT tax_rate_basis_points FROM supplier_items WHERE "
          "supplier_id = :su AND product_id = :p",
          +[](const soci::row& r) { return static_cast<int>(GetInt64(r, 0)); },
          *supplier, *product);
      if (!rate) {
        return LineError(number,
                         domain::NotFound("SUPPLIER_ITEM_NOT_FOUND",
                                          "supplier " + in.supplier_code +
                                              " has no item for " + line.sku));
      }
      resolved.push_back({*product, lot->id, *rate});
    }
    // The lots in (product, lot) order, as the posting component takes
    // them, before the lines' foreign keys share-lock them in line order.
    std::vector<std::pair<long long, long long>> lots_in_order;
    for (const auto& x : resolved) {
      lots_in_order.emplace_back(x.product_id, x.lot_id);
    }
    std::sort(lots_in_order.begin(), lots_in_order.end());
    for (auto& [product_id, lot_id] : lots_in_order) {
      long long locked = 0;
      s << "SELECT id FROM stock_lots WHERE id = :l LOCK IN SHARE MODE",
          soci::use(lot_id), soci::into(locked);
    }
    long long pk = 0;
    if (auto concurrent = document.Insert([&] {
          MultiInsert header(
              "INSERT INTO supplier_returns (store_id, return_id, "
              "fingerprint, supplier_id, settlement, state, note, "
              "currency_code, created_by, created_by_name, create_time)",
              10, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))");
          header.AddRow(
              {store.id, in.return_id, fingerprint, *supplier,
               std::string(domain::ReturnSettlementName(in.settlement)),
               std::string("DRAFT"), in.note, store.currency_code,
               RecordedBy(ctx), ctx.principal.display_name});
          header.Execute(s);
          pk = LastInsertId(s);
          MultiInsert lines(
              "INSERT INTO supplier_return_lines (return_pk, line_number, "
              "product_id, lot_id, quantity_milli, reason, "
              "tax_rate_basis_points)",
              7);
          for (std::size_t i = 0; i < in.lines.size(); ++i) {
            lines.AddRow(
                {pk, static_cast<long long>(i + 1), resolved[i].product_id,
                 resolved[i].lot_id,
                 static_cast<long long>(in.lines[i].quantity_milli),
                 std::string(domain::ReturnReasonName(in.lines[i].reason)),
                 static_cast<long long>(resolved[i].tax_rate)});
          }
          lines.Execute(s);
        })) {
      return *concurrent;
    }
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"supplier_return", in.return_id, store.code});
    outcome.supplier_return = LoadReturn(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<SupplierReturn> MySqlStockControlRepository::AdvanceSupplierReturn(
    const std::string& store_code, const std::string& return_id,
    ReturnStep step, const std::string& reason,
    const std::function<Status(const SupplierReturn&)>& check, TimeMicros now,
    const RequestContext& ctx) {
  SupplierReturn result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindReturn(s, store.id, return_id, KeyRead::kForUpdate);
    if (!found) {
      return domain::NotFound(
          "SUPPLIER_RETURN_NOT_FOUND",
          "supplier return " + return_id + " not found in store " + store_code);
    }
    const long long pk = found->pk;
    SupplierReturn r = LoadReturn(s, pk);
    const SupplierReturnState target =
        step == ReturnStep::kApprove  ? SupplierReturnState::kApproved
        : step == ReturnStep::kReject ? SupplierReturnState::kRejected
                                      : SupplierReturnState::kShipped;
    // A step sent again finds the return where it leads, or past it (an
    // approval retried after the return shipped); it is answered only to
    // whom the step itself would be allowed, so that no maker reads a
    // decided return back as an approval of theirs.
    if (r.state == target || (step == ReturnStep::kApprove &&
                              r.state == SupplierReturnState::kShipped)) {
      SupplierReturn before = r;
      before.state = step == ReturnStep::kShip ? SupplierReturnState::kApproved
                                               : SupplierReturnState::kDraft;
      BO_RETURN_IF_ERROR(check(before));
      result = r;
      return Status();
    }
    BO_RETURN_IF_ERROR(check(r));
    std::string by = RecordedBy(ctx);
    long long at = now;
    long long row = pk;
    const char* audit = "supplier_return_shipment";
    if (step == ReturnStep::kShip) {
      long long supplier_id = 0;
      s << "SELECT supplier_id FROM supplier_returns WHERE id = :pk",
          soci::use(row), soci::into(supplier_id);
      BO_RETURN_IF_ERROR(Ship(s, store, pk, r, supplier_id, now, ctx));
    } else {
      std::string state = domain::SupplierReturnStateName(target);
      std::string why = step == ReturnStep::kReject ? reason : "";
      s << "UPDATE supplier_returns SET state = :st, decided_by = :by, "
           "decided_by_name = :byn, decision_reason = :r, decide_time = "
           "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = :pk",
          soci::use(state), soci::use(by),
          soci::use(ctx.principal.display_name), soci::use(why), soci::use(at),
          soci::use(row);
      audit = step == ReturnStep::kApprove ? "supplier_return_approval"
                                           : "supplier_return_rejection";
    }
    AppendAudit(s, &ctx, domain::AuditEntry{audit, return_id, store.code});
    result = LoadReturn(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<SupplierReturn> MySqlStockControlRepository::GetSupplierReturn(
    const std::string& store_code, const std::string& return_id) {
  SupplierReturn result;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindReturn(s, store.id, return_id, KeyRead::kSnapshot);
    if (!found) {
      return domain::NotFound(
          "SUPPLIER_RETURN_NOT_FOUND",
          "supplier return " + return_id + " not found in store " + store_code);
    }
    result = LoadReturn(s, found->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<std::vector<SupplierReturn>>
MySqlStockControlRepository::ListSupplierReturns(
    const std::string& store_code, SupplierReturnState state,
    const domain::PageRequest& page) {
  std::vector<SupplierReturn> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long any_state = state == SupplierReturnState::kUnspecified ? 1 : 0;
    std::string wanted = domain::SupplierReturnStateName(state);
    long long limit = page.page_size + 1;
    items = QueryAll(s,
                     kSelectReturn +
                         " WHERE r.store_id = :s AND r.id < :before AND "
                         "(:any = 1 OR r.state = :st) ORDER BY r.id DESC "
                         "LIMIT :lim",
                     &ReadReturn, store.id, before, any_state, wanted, limit);
    // The page's lines in one read, not one per return.
    std::vector<long long> pks;
    for (const auto& item : items) pks.push_back(item.sequence);
    auto lines = LoadLinesOf(s, pks);
    for (auto& item : items) {
      for (auto& l : lines[item.sequence]) {
        item.lines.push_back(std::move(l.line));
      }
    }
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

}  // namespace backoffice::storage
