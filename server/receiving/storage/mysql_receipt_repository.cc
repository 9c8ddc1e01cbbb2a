#include "receiving/storage/mysql_receipt_repository.h"

#include <map>
#include <optional>
#include <set>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "credit/storage/party_ledger.h"
#include "inventory/storage/stock_posting.h"
#include "receiving/domain/receipt_rules.h"

namespace backoffice::storage {
namespace {

using domain::GoodsReceipt;
using domain::GoodsReceiptLine;
using domain::ReceiptFacts;
using domain::ReceiptState;
using domain::RequestContext;

// The order a receipt fills, locked: receipts of one order are serialised
// on its row, so that together they never exceed it.
struct OrderRow {
  long long pk = 0;
  long long supplier_id = 0;
  std::string state;
  std::string approved_by;
};

std::optional<OrderRow> LockOrder(soci::session& s, long long store_id,
                                  const std::string& order_id) {
  return QueryOne(
      s,
      "SELECT id, supplier_id, state, IFNULL(approved_by, '') FROM "
      "purchase_orders WHERE store_id = :s AND order_id = :o FOR UPDATE",
      +[](const soci::row& r) {
        return OrderRow{GetInt64(r, 0), GetInt64(r, 1), GetString(r, 2),
                        GetString(r, 3)};
      },
      store_id, order_id);
}

std::optional<OrderRow> LockOrderByPk(soci::session& s, long long pk) {
  return QueryOne(
      s,
      "SELECT id, supplier_id, state, IFNULL(approved_by, '') FROM "
      "purchase_orders WHERE id = :pk FOR UPDATE",
      +[](const soci::row& r) {
        return OrderRow{GetInt64(r, 0), GetInt64(r, 1), GetString(r, 2),
                        GetString(r, 3)};
      },
      pk);
}

struct SupplierRow {
  long long id = 0;
  std::string code;
  bool active = false;
  int terms_days = 0;
};

SupplierRow ReadSupplierRow(const soci::row& r) {
  return SupplierRow{GetInt64(r, 0), GetString(r, 1), GetBool(r, 2),
                     static_cast<int>(GetInt64(r, 3))};
}

SupplierRow SupplierById(soci::session& s, long long id) {
  auto row = QueryOne(s,
                      "SELECT id, code, active, payment_terms_days FROM "
                      "suppliers WHERE id = :id",
                      &ReadSupplierRow, id);
  if (!row) Fail(domain::Internal("SUPPLIER_VANISHED", "supplier missing"));
  return *row;
}

// Fills the facts of an order: its state, approver and lines.
void ReadOrderFacts(soci::session& s, const OrderRow& order,
                    ReceiptFacts& facts) {
  facts.has_order = true;
  facts.order_state = order.state;
  facts.order_approved_by = order.approved_by;
  facts.order_lines = QueryAll(
      s,
      "SELECT l.line_number, p.sku, l.quantity_milli, l.received_milli, "
      "l.unit_cost_minor, l.tax_rate_basis_points FROM purchase_order_lines "
      "l JOIN products p ON p.id = l.product_id WHERE l.order_pk = :pk ORDER "
      "BY l.line_number",
      +[](const soci::row& r) {
        domain::ReceivableOrderLine line;
        line.line_number = static_cast<int>(GetInt64(r, 0));
        line.sku = GetString(r, 1);
        line.quantity_milli = GetInt64(r, 2);
        line.received_milli = GetInt64(r, 3);
        line.unit_cost_minor = GetInt64(r, 4);
        line.tax_rate_basis_points = static_cast<std::int32_t>(GetInt64(r, 5));
        return line;
      },
      order.pk);
}

int ToleranceOf(soci::session& s, long long store_id) {
  auto row = QueryOne(
      s,
      "SELECT receipt_tolerance_basis_points FROM store_purchasing_settings "
      "WHERE store_id = :s",
      +[](const soci::row& r) { return GetInt64(r, 0); }, store_id);
  return static_cast<int>(row.value_or(0));
}

// The products a request names, with the supplier's active item in the
// store's currency when there is one.
std::vector<domain::ReceivableProduct> ReadProducts(
    soci::session& s, const std::vector<std::string>& skus,
    long long supplier_id, const std::string& currency) {
  std::set<std::string> unique(skus.begin(), skus.end());
  return QueryIn(
      s,
      "SELECT p.sku, p.active, p.shelf_life_days, p.sell_by_margin_days, "
      "IF(si.active = 1 AND si.cost_currency_code = :cur, si.unit_cost_minor, "
      "NULL), IFNULL(si.tax_rate_basis_points, 0) FROM products p LEFT JOIN "
      "supplier_items si ON si.product_id = p.id AND si.supplier_id = :sup "
      "WHERE p.sku IN ({in})",
      +[](const soci::row& r) {
        domain::ReceivableProduct p;
        p.sku = GetString(r, 0);
        p.active = GetBool(r, 1);
        p.shelf_life_days = static_cast<int>(GetInt64(r, 2));
        p.sell_by_margin_days = static_cast<int>(GetInt64(r, 3));
        p.item_unit_cost_minor = GetOptionalInt64(r, 4);
        p.item_tax_rate_basis_points =
            static_cast<std::int32_t>(GetInt64(r, 5));
        return p;
      },
      std::vector<std::string>(unique.begin(), unique.end()),
      {currency, std::to_string(supplier_id)});
}

struct ReceiptRow {
  long long pk = 0;
  std::optional<long long> order_pk;
  long long supplier_id = 0;
  std::string state;
};

std::optional<ReceiptRow> FindReceiptRow(soci::session& s, long long store_id,
                                         const std::string& receipt_id,
                                         KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, order_pk, supplier_id, state FROM "
                  "goods_receipts WHERE store_id = :s AND receipt_id = :r") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return ReceiptRow{GetInt64(r, 0), GetOptionalInt64(r, 1),
                          GetInt64(r, 2), GetString(r, 3)};
      },
      store_id, receipt_id);
}

const std::string kSelectReceipt =
    "SELECT g.id, st.code, g.receipt_id, su.code, IFNULL(o.order_id, ''), "
    "g.state, g.approval_reason, g.supplier_document, g.note, "
    "g.currency_code, g.total_cost_minor, g.total_tax_minor, "
    "g.cost_variance_minor, IFNULL(DATE_FORMAT(pay.due_day, '%Y-%m-%d'), ''), "
    "g.received_by, g.received_by_name, IFNULL(g.decided_by, ''), "
    "IFNULL(g.decided_by_name, ''), g.decision_reason, "
    "DATE_FORMAT(g.business_day, '%Y-%m-%d'), " BO_MICROS(
        "g.create_time") ", IFNULL(" BO_MICROS("g.post_time") ", 0) "
                         "FROM goods_receipts g JOIN stores st ON st.id = "
                         "g.store_id JOIN suppliers su ON su.id = "
                         "g.supplier_id LEFT JOIN purchase_orders o ON o.id "
                         "= g.order_pk LEFT JOIN supplier_payables pay ON "
                         "pay.receipt_pk = g.id";

std::pair<long long, GoodsReceipt> ReadReceipt(const soci::row& r) {
  GoodsReceipt g;
  g.store_code = GetString(r, 1);
  g.receipt_id = GetString(r, 2);
  g.supplier_code = GetString(r, 3);
  g.order_id = GetString(r, 4);
  g.state = domain::ReceiptStateFromName(GetString(r, 5));
  g.approval_reason = domain::ReceiptApprovalReasonFromName(GetString(r, 6));
  g.supplier_document = GetString(r, 7);
  g.note = GetString(r, 8);
  g.currency_code = GetString(r, 9);
  g.total_cost_minor = GetInt64(r, 10);
  g.total_tax_minor = GetInt64(r, 11);
  g.cost_variance_minor = GetInt64(r, 12);
  g.payable_due_date = GetString(r, 13);
  g.received_by = GetString(r, 14);
  g.received_by_name = GetString(r, 15);
  g.decided_by = GetString(r, 16);
  g.decided_by_name = GetString(r, 17);
  g.decision_reason = GetString(r, 18);
  g.business_day = GetString(r, 19);
  g.create_time = GetInt64(r, 20);
  g.post_time = GetInt64(r, 21);
  return {GetInt64(r, 0), std::move(g)};
}

std::vector<GoodsReceiptLine> LoadLines(soci::session& s, long long pk) {
  return QueryAll(
      s,
      "SELECT l.line_number, p.sku, IFNULL(l.order_line_number, 0), "
      "l.received_milli, l.rejected_milli, l.reject_reason, l.lot_code, "
      "IFNULL(DATE_FORMAT(l.expiry_date, '%Y-%m-%d'), ''), l.unit_cost_minor, "
      "l.ordered_unit_cost_minor, l.tax_rate_basis_points, l.line_cost_minor, "
      "l.line_tax_minor FROM goods_receipt_lines l JOIN products p ON p.id = "
      "l.product_id WHERE l.receipt_pk = :pk ORDER BY l.line_number",
      +[](const soci::row& r) {
        GoodsReceiptLine l;
        l.line_number = static_cast<int>(GetInt64(r, 0));
        l.sku = GetString(r, 1);
        l.order_line_number = static_cast<int>(GetInt64(r, 2));
        l.received_milli = GetInt64(r, 3);
        l.rejected_milli = GetInt64(r, 4);
        l.reject_reason = domain::RejectReasonFromName(GetString(r, 5));
        l.lot_code = GetString(r, 6);
        l.expiry_date = GetString(r, 7);
        l.unit_cost_minor = GetInt64(r, 8);
        l.ordered_unit_cost_minor = GetOptionalInt64(r, 9);
        l.tax_rate_basis_points = static_cast<std::int32_t>(GetInt64(r, 10));
        l.line_cost_minor = GetInt64(r, 11);
        l.line_tax_minor = GetInt64(r, 12);
        return l;
      },
      pk);
}

GoodsReceipt LoadReceipt(soci::session& s, long long pk) {
  auto row =
      QueryOne(s, kSelectReceipt + " WHERE g.id = :pk", &ReadReceipt, pk);
  if (!row) {
    Fail(domain::Internal("RECEIPT_VANISHED",
                          "a recorded receipt could not be read"));
  }
  row->second.lines = LoadLines(s, pk);
  return std::move(row->second);
}

// Posts a receipt: its stock movements by lot at its cost (moving the
// average), the order's received and rejected quantities and state, and
// the payable. The order row, when any, is locked by the caller.
void PostReceipt(soci::session& s, long long receipt_pk, const StoreRow& store,
                 const GoodsReceipt& receipt,
                 const std::optional<long long>& order_pk,
                 const SupplierRow& supplier, domain::TimeMicros now) {
  struct PostLine {
    long long line_number, product_id, received, rejected, unit_cost;
    std::optional<std::int64_t> order_line;
    std::string lot_code, expiry;
    int margin;
  };
  auto lines = QueryAll(
      s,
      "SELECT l.line_number, l.product_id, l.received_milli, "
      "l.rejected_milli, l.unit_cost_minor, l.order_line_number, l.lot_code, "
      "IFNULL(DATE_FORMAT(l.expiry_date, '%Y-%m-%d'), ''), "
      "p.sell_by_margin_days FROM goods_receipt_lines l JOIN products p ON "
      "p.id = l.product_id WHERE l.receipt_pk = :pk ORDER BY l.line_number",
      +[](const soci::row& r) {
        return PostLine{
            GetInt64(r, 0),  GetInt64(r, 1),  GetInt64(r, 2),
            GetInt64(r, 3),  GetInt64(r, 4),  GetOptionalInt64(r, 5),
            GetString(r, 6), GetString(r, 7), static_cast<int>(GetInt64(r, 8))};
      },
      receipt_pk);
  std::vector<StockLine> stock_lines;
  for (const PostLine& l : lines) {
    if (l.received > 0) {
      StockLine line;
      line.line_number = static_cast<int>(l.line_number);
      line.product_id = l.product_id;
      line.quantity_milli = l.received;
      line.lot = LotRef{l.lot_code, l.expiry};
      line.unit_cost_minor = l.unit_cost;
      line.sell_by_margin_days = l.margin;
      stock_lines.push_back(std::move(line));
    }
    if (order_pk && l.order_line) {
      long long received = l.received;
      long long rejected = l.rejected;
      long long order_line = *l.order_line;
      s << "UPDATE purchase_order_lines SET received_milli = received_milli "
           "+ :r, rejected_milli = rejected_milli + :j WHERE order_pk = :o "
           "AND line_number = :n",
          soci::use(received), soci::use(rejected), soci::use(*order_pk),
          soci::use(order_line);
    }
  }
  StockLedger ledger;
  ledger.Post({domain::MovementType::kReceipt, "RECEIPT", store.id, receipt_pk,
               receipt.receipt_id, now, now, receipt.business_day},
              stock_lines);
  ledger.FlushMovements(s);
  ledger.ApplyBalances(s);

  if (order_pk) {
    auto after = QueryAll(
        s,
        "SELECT line_number, quantity_milli, received_milli FROM "
        "purchase_order_lines WHERE order_pk = :o",
        +[](const soci::row& r) {
          domain::ReceivableOrderLine line;
          line.line_number = static_cast<int>(GetInt64(r, 0));
          line.quantity_milli = GetInt64(r, 1);
          line.received_milli = GetInt64(r, 2);
          return line;
        },
        *order_pk);
    std::string state = domain::OrderStateAfterReceipt(after);
    // A receipt changes the order: its etag moves on.
    s << "UPDATE purchase_orders SET state = :st, version = version + 1, "
         "update_time = UTC_TIMESTAMP(6) WHERE id = :o",
        soci::use(state), soci::use(*order_pk);
  }
  long long supplier_id = supplier.id;
  long long amount = receipt.total_cost_minor + receipt.total_tax_minor;
  long long tax = receipt.total_tax_minor;
  std::string due =
      domain::PayableDueDay(receipt.business_day, supplier.terms_days);
  std::optional<long long> order = order_pk;
  soci::indicator order_ind = order ? soci::i_ok : soci::i_null;
  long long order_value = order.value_or(0);
  long long store_id = store.id;
  std::string currency = receipt.currency_code;
  std::string day = receipt.business_day;
  s << "INSERT INTO supplier_payables (store_id, supplier_id, receipt_pk, "
       "order_pk, currency_code, amount_minor, tax_minor, document_day, "
       "due_day, create_time) VALUES (:s, :sup, :r, :o, :cur, :a, :t, :d, "
       ":due, UTC_TIMESTAMP(6))",
      soci::use(store_id), soci::use(supplier_id), soci::use(receipt_pk),
      soci::use(order_value, order_ind), soci::use(currency), soci::use(amount),
      soci::use(tax), soci::use(day), soci::use(due);
  if (amount > 0) {
    // What the store owes is a charge of the supplier's ledger, where its
    // payments and credit notes settle it.
    PendingPosting charge;
    charge.party = LedgerParty{store.id, domain::PartyKind::kSupplier,
                               supplier.id, receipt.currency_code};
    charge.document.type = domain::PartyDocumentType::kCharge;
    charge.document.direction = domain::Direction::kDebit;
    charge.document.source_type = "RECEIPT";
    charge.document.source_id = receipt.receipt_id;
    charge.document.source_pk = receipt_pk;
    charge.document.amount_minor = amount;
    charge.document.document_day = day;
    charge.document.due_day = due;
    charge.document.recorded_by = receipt.received_by;
    charge.document.recorded_by_name = receipt.received_by_name;
    PartyLedger::PostAll(s, {std::move(charge)});
  }
  long long post_time = now;
  s << "UPDATE goods_receipts SET state = 'POSTED', post_time = "
       "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = :pk",
      soci::use(post_time), soci::use(receipt_pk);
}

void InsertLines(soci::session& s, long long receipt_pk,
                 const GoodsReceipt& receipt,
                 const std::map<std::string, long long>& product_ids) {
  MultiInsert lines(
      "INSERT INTO goods_receipt_lines (receipt_pk, line_number, product_id, "
      "order_line_number, received_milli, rejected_milli, reject_reason, "
      "lot_code, expiry_date, unit_cost_minor, ordered_unit_cost_minor, "
      "tax_rate_basis_points, line_cost_minor, line_tax_minor)",
      14);
  for (const auto& l : receipt.lines) {
    std::optional<long long> order_line;
    if (l.order_line_number > 0) order_line = l.order_line_number;
    std::optional<long long> ordered_cost;
    if (l.ordered_unit_cost_minor) ordered_cost = *l.ordered_unit_cost_minor;
    MultiInsert::Value expiry = l.expiry_date.empty()
                                    ? MultiInsert::Value(std::nullopt)
                                    : MultiInsert::Value(l.expiry_date);
    lines.AddRow({receipt_pk, static_cast<long long>(l.line_number),
                  product_ids.at(l.sku), order_line,
                  static_cast<long long>(l.received_milli),
                  static_cast<long long>(l.rejected_milli),
                  std::string(domain::RejectReasonName(l.reject_reason)),
                  l.lot_code, expiry, static_cast<long long>(l.unit_cost_minor),
                  ordered_cost, static_cast<long long>(l.tax_rate_basis_points),
                  static_cast<long long>(l.line_cost_minor),
                  static_cast<long long>(l.line_tax_minor)});
  }
  lines.Execute(s);
}

std::map<std::string, long long> ProductIds(
    soci::session& s, const std::vector<GoodsReceiptLine>& lines) {
  std::set<std::string> skus;
  for (const auto& l : lines) skus.insert(l.sku);
  std::map<std::string, long long> ids;
  using Row = std::pair<std::string, long long>;
  for (const auto& [sku, id] : QueryIn(
           s, "SELECT sku, id FROM products WHERE sku IN ({in})",
           +[](const soci::row& r) {
             return Row{GetString(r, 0), GetInt64(r, 1)};
           },
           std::vector<std::string>(skus.begin(), skus.end()))) {
    ids[sku] = id;
  }
  return ids;
}

}  // namespace

StatusOr<domain::GoodsReceiptOutcome>
MySqlGoodsReceiptRepository::CreateReceipt(const domain::NewGoodsReceipt& input,
                                           const std::string& fingerprint,
                                           const domain::ReceiptPlanner& plan,
                                           const RequestContext& ctx) {
  domain::GoodsReceiptOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::GoodsReceiptOutcome{};
    const StoreRow store = RequireStoreRow(s, input.store_code);
    const ClientDocument document(
        "goods receipt", input.receipt_id, fingerprint,
        "uk_goods_receipts_store_receipt",
        [&](KeyRead read) -> std::optional<StoredDocument> {
          return QueryOne(
              s,
              std::string("SELECT id, fingerprint FROM goods_receipts WHERE "
                          "store_id = :s AND receipt_id = :r") +
                  KeyReadSuffix(read),
              +[](const soci::row& r) {
                return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
              },
              store.id, input.receipt_id);
        },
        [&](long long pk) {
          outcome.receipt = LoadReceipt(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;

    ReceiptFacts facts;
    facts.currency_code = store.currency_code;
    const domain::TimeMicros now = domain::SystemNowMicros();
    facts.business_day = domain::DayInZone(now, store.time_zone);
    std::optional<OrderRow> order;
    SupplierRow supplier;
    if (!input.order_id.empty()) {
      order = LockOrder(s, store.id, input.order_id);
      if (!order) {
        return domain::NotFound(
            "PURCHASE_ORDER_NOT_FOUND",
            "order " + input.order_id + " not found in store " + store.code);
      }
      // A concurrent copy of this receipt may have committed while we
      // waited for the order: a replay, not a second delivery.
      if (auto recorded = document.Recorded(KeyRead::kCurrent)) {
        return *recorded;
      }
      supplier = SupplierById(s, order->supplier_id);
      ReadOrderFacts(s, *order, facts);
      facts.receipt_tolerance_basis_points = ToleranceOf(s, store.id);
    } else {
      auto row = QueryOne(s,
                          "SELECT id, code, active, payment_terms_days FROM "
                          "suppliers WHERE code = :c",
                          &ReadSupplierRow, input.supplier_code);
      if (!row) {
        return domain::NotFound(
            "SUPPLIER_NOT_FOUND",
            "supplier " + input.supplier_code + " not found");
      }
      supplier = *row;
    }
    facts.supplier_code = supplier.code;
    facts.supplier_active = supplier.active;
    std::vector<std::string> skus;
    for (const auto& l : input.lines) skus.push_back(l.sku);
    facts.products = ReadProducts(s, skus, supplier.id, store.currency_code);

    auto planned = plan(facts);
    if (!planned.ok()) return planned.status();
    GoodsReceipt& receipt = *planned;
    const std::map<std::string, long long> product_ids =
        ProductIds(s, receipt.lines);

    long long supplier_id = supplier.id;
    soci::indicator order_ind = order ? soci::i_ok : soci::i_null;
    long long order_pk = order ? order->pk : 0;
    std::string state = domain::ReceiptStateName(
        receipt.state == ReceiptState::kPosted
            ? ReceiptState::kPendingApproval  // Posting sets POSTED.
            : receipt.state);
    std::string approval =
        domain::ReceiptApprovalReasonName(receipt.approval_reason);
    long long cost = receipt.total_cost_minor;
    long long tax = receipt.total_tax_minor;
    long long variance = receipt.cost_variance_minor;
    long long create_time = now;
    if (auto concurrent = document.Insert([&] {
          s << "INSERT INTO goods_receipts (store_id, receipt_id, "
               "fingerprint, supplier_id, order_pk, state, approval_reason, "
               "supplier_document, note, currency_code, received_by, "
               "received_by_name, business_day, total_cost_minor, "
               "total_tax_minor, cost_variance_minor, create_time) VALUES "
               "(:s, :r, :fp, :sup, :o, :st, :ar, :doc, :note, :cur, :by, "
               ":byn, :day, :cost, :tax, :var, TIMESTAMPADD(MICROSECOND, :t, "
               "'1970-01-01'))",
              soci::use(store.id), soci::use(input.receipt_id),
              soci::use(fingerprint), soci::use(supplier_id),
              soci::use(order_pk, order_ind), soci::use(state),
              soci::use(approval), soci::use(receipt.supplier_document),
              soci::use(receipt.note), soci::use(receipt.currency_code),
              soci::use(receipt.received_by),
              soci::use(receipt.received_by_name),
              soci::use(receipt.business_day), soci::use(cost), soci::use(tax),
              soci::use(variance), soci::use(create_time);
        })) {
      return *concurrent;
    }
    const long long pk = LastInsertId(s);
    InsertLines(s, pk, receipt, product_ids);
    if (receipt.state == ReceiptState::kPosted) {
      std::optional<long long> posted_order;
      if (order) posted_order = order->pk;
      PostReceipt(s, pk, store, receipt, posted_order, supplier, now);
    }
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"goods_receipt", input.receipt_id, store.code});
    outcome.receipt = LoadReceipt(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<GoodsReceipt> MySqlGoodsReceiptRepository::GetReceipt(
    const std::string& store_code, const std::string& receipt_id) {
  std::optional<GoodsReceipt> receipt;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto row = FindReceiptRow(s, store.id, receipt_id, KeyRead::kSnapshot);
    if (!row) {
      return domain::NotFound(
          "GOODS_RECEIPT_NOT_FOUND",
          "receipt " + receipt_id + " not found in store " + store_code);
    }
    receipt = LoadReceipt(s, row->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return *receipt;
}

StatusOr<std::vector<GoodsReceipt>> MySqlGoodsReceiptRepository::ListReceipts(
    const std::string& store_code, const domain::GoodsReceiptFilter& filter,
    const domain::PageRequest& page) {
  std::vector<GoodsReceipt> receipts;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    std::string state = filter.state == ReceiptState::kUnspecified
                            ? ""
                            : domain::ReceiptStateName(filter.state);
    long long limit = page.page_size + 1;
    auto rows = QueryAll(
        s,
        kSelectReceipt +
            " WHERE g.store_id = :s AND g.receipt_id > :after AND (:st1 = '' "
            "OR g.state = :st2) AND (:o1 = '' OR o.order_id = :o2) ORDER BY "
            "g.receipt_id LIMIT :n",
        &ReadReceipt, store.id, page.after_key, state, state, filter.order_id,
        filter.order_id, limit);
    for (auto& [pk, receipt] : rows) {
      receipt.lines = LoadLines(s, pk);
      receipts.push_back(std::move(receipt));
    }
    return Status();
  });
  if (!status.ok()) return status;
  return receipts;
}

StatusOr<GoodsReceipt> MySqlGoodsReceiptRepository::DecideReceipt(
    const std::string& store_code, const std::string& receipt_id,
    domain::ReceiptDecision decision, const std::string& reason,
    const domain::ReceiptDecisionCheck& check, const RequestContext& ctx) {
  std::optional<GoodsReceipt> out;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    out.reset();
    const StoreRow store = RequireStoreRow(s, store_code);
    auto plain = FindReceiptRow(s, store.id, receipt_id, KeyRead::kSnapshot);
    if (!plain) {
      return domain::NotFound(
          "GOODS_RECEIPT_NOT_FOUND",
          "receipt " + receipt_id + " not found in store " + store_code);
    }
    // The order first, then the receipt: the lock order of CreateReceipt.
    ReceiptFacts facts;
    facts.currency_code = store.currency_code;
    std::optional<OrderRow> order;
    if (plain->order_pk) {
      order = LockOrderByPk(s, *plain->order_pk);
      if (!order) Fail(domain::Internal("ORDER_VANISHED", "order missing"));
      ReadOrderFacts(s, *order, facts);
    }
    auto row = FindReceiptRow(s, store.id, receipt_id, KeyRead::kForUpdate);
    GoodsReceipt receipt = LoadReceipt(s, row->pk);
    const ReceiptState target = decision == domain::ReceiptDecision::kApprove
                                    ? ReceiptState::kPosted
                                    : ReceiptState::kRejected;
    if (receipt.state == target) {
      out = receipt;
      return Status();
    }
    if (receipt.state != ReceiptState::kPendingApproval) {
      return domain::FailedPrecondition(
          "RECEIPT_NOT_PENDING",
          "receipt " + receipt_id + " is " +
              domain::ReceiptStateName(receipt.state) +
              "; only a pending receipt is approved or rejected");
    }
    const SupplierRow supplier = SupplierById(s, row->supplier_id);
    facts.supplier_code = supplier.code;
    facts.supplier_active = supplier.active;
    // A receipt may wait for days: its lots are judged on the day it posts.
    facts.business_day =
        domain::DayInZone(domain::SystemNowMicros(), store.time_zone);
    std::vector<std::string> skus;
    for (const auto& l : receipt.lines) skus.push_back(l.sku);
    facts.products = ReadProducts(s, skus, supplier.id, store.currency_code);
    BO_RETURN_IF_ERROR(check(receipt, facts));
    const domain::TimeMicros now = domain::SystemNowMicros();
    long long decide_time = now;
    std::string by = domain::FormatTokenId(ctx.principal.token_id);
    std::string by_name = ctx.principal.display_name;
    std::string why = reason;
    // Posting sets POSTED with the rest of its writes.
    std::string state = target == ReceiptState::kRejected
                            ? domain::ReceiptStateName(target)
                            : domain::ReceiptStateName(receipt.state);
    s << "UPDATE goods_receipts SET decided_by = :by, decided_by_name = "
         ":byn, decide_time = TIMESTAMPADD(MICROSECOND, :t, '1970-01-01'), "
         "decision_reason = :why, state = :st WHERE id = :pk",
        soci::use(by), soci::use(by_name), soci::use(decide_time),
        soci::use(why), soci::use(state), soci::use(row->pk);
    if (target == ReceiptState::kPosted) {
      std::optional<long long> order_pk;
      if (order) order_pk = order->pk;
      PostReceipt(s, row->pk, store, receipt, order_pk, supplier, now);
    }
    AppendAudit(s, &ctx,
                domain::AuditEntry{"goods_receipt", receipt_id, store.code});
    out = LoadReceipt(s, row->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return *out;
}

}  // namespace backoffice::storage
