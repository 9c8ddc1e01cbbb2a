#include "purchasing/storage/mysql_purchase_order_repository.h"

#include <map>
#include <optional>
#include <utility>

#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/session_value.h"
#include "core/storage/sql_util.h"
#include "purchasing/domain/purchase_order_rules.h"
#include "purchasing/storage/replenishment_reads.h"

namespace backoffice::storage {
namespace {

using domain::PurchaseOrder;
using domain::PurchaseOrderLine;
using domain::PurchaseOrderState;
using domain::PurchasingSettings;
using domain::ReplenishmentItem;
using domain::RequestContext;

PurchasingSettings ReadSettings(soci::session& s, const StoreRow& store,
                                bool for_update) {
  PurchasingSettings settings;
  settings.store_code = store.code;
  settings.currency_code = store.currency_code;
  struct Row {
    std::optional<std::int64_t> limit;
    long long review, window, update, tolerance;
  };
  auto row = QueryOne(
      s,
      std::string(
          "SELECT approval_limit_minor, review_period_days, "
          "demand_window_days, " BO_MICROS(
              "update_time") ", receipt_tolerance_basis_points FROM "
                             "store_purchasing_settings WHERE store_id = :s") +
          (for_update ? " FOR UPDATE" : ""),
      +[](const soci::row& r) {
        return Row{GetOptionalInt64(r, 0), GetInt64(r, 1), GetInt64(r, 2),
                   GetInt64(r, 3), GetInt64(r, 4)};
      },
      store.id);
  if (row) {
    settings.approval_limit_minor = row->limit;
    settings.review_period_days = static_cast<int>(row->review);
    settings.demand_window_days = static_cast<int>(row->window);
    settings.update_time = row->update;
    settings.receipt_tolerance_basis_points = static_cast<int>(row->tolerance);
  }
  return settings;
}

// Creates the store's settings row when missing and locks it: the first
// statement takes the row's exclusive lock either way.
PurchasingSettings LockSettings(soci::session& s, const StoreRow& store) {
  s << "INSERT INTO store_purchasing_settings (store_id, update_time) VALUES "
       "(:s, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE store_id = store_id",
      soci::use(store.id);
  return ReadSettings(s, store, true);
}

const std::string kSelectOrder =
    "SELECT o.id, o.supplier_id, st.code, o.order_id, su.code, o.state, "
    "o.currency_code, o.version, o.created_by, o.created_by_name, "
    "o.last_changed_by, COALESCE(o.submitted_by, ''), "
    "COALESCE(o.approved_by, ''), COALESCE(o.approved_by_name, ''), "
    "COALESCE(" BO_MICROS("o.approve_time") ", 0), "
    "COALESCE(" BO_MICROS("o.send_time") ", 0), o.state_reason, "
    "o.total_cost_minor, o.total_tax_minor, "
    "COALESCE(DATE_FORMAT(o.expected_date, '%Y-%m-%d'), ''), "
    BO_MICROS("o.create_time") ", " BO_MICROS("o.update_time")
    " FROM purchase_orders o JOIN stores st ON st.id = o.store_id "
    "JOIN suppliers su ON su.id = o.supplier_id";

struct OrderRow {
  long long pk = 0;
  long long supplier_id = 0;
  PurchaseOrder order;
};

OrderRow ReadOrder(const soci::row& r) {
  OrderRow row;
  row.pk = GetInt64(r, 0);
  row.supplier_id = GetInt64(r, 1);
  PurchaseOrder& o = row.order;
  o.store_code = GetString(r, 2);
  o.order_id = GetString(r, 3);
  o.supplier_code = GetString(r, 4);
  o.state = domain::PurchaseOrderStateFromName(GetString(r, 5));
  o.currency_code = GetString(r, 6);
  o.version = GetInt64(r, 7);
  o.created_by = GetString(r, 8);
  o.created_by_name = GetString(r, 9);
  o.last_changed_by = GetString(r, 10);
  o.submitted_by = GetString(r, 11);
  o.approved_by = GetString(r, 12);
  o.approved_by_name = GetString(r, 13);
  o.approve_time = GetInt64(r, 14);
  o.send_time = GetInt64(r, 15);
  o.state_reason = GetString(r, 16);
  o.total_cost_minor = GetInt64(r, 17);
  o.total_tax_minor = GetInt64(r, 18);
  o.expected_date = GetString(r, 19);
  o.create_time = GetInt64(r, 20);
  o.update_time = GetInt64(r, 21);
  return row;
}

PurchaseOrderLine ReadLine(const soci::row& r) {
  PurchaseOrderLine l;
  l.line_number = static_cast<int>(GetInt64(r, 0));
  l.sku = GetString(r, 1);
  l.quantity_milli = GetInt64(r, 2);
  l.pack_size_milli = GetInt64(r, 3);
  l.unit_cost_minor = GetInt64(r, 4);
  l.tax_rate_basis_points = static_cast<std::int32_t>(GetInt64(r, 5));
  l.line_cost_minor = GetInt64(r, 6);
  l.line_tax_minor = GetInt64(r, 7);
  l.received_milli = GetInt64(r, 8);
  l.rejected_milli = GetInt64(r, 9);
  return l;
}

const std::string kSelectLines =
    "SELECT l.line_number, p.sku, l.quantity_milli, l.pack_size_milli, "
    "l.unit_cost_minor, l.tax_rate_basis_points, l.line_cost_minor, "
    "l.line_tax_minor, l.received_milli, l.rejected_milli FROM "
    "purchase_order_lines l JOIN products p ON p.id = l.product_id";

void LoadLines(soci::session& s, OrderRow& row) {
  row.order.lines = QueryAll(
      s, kSelectLines + " WHERE l.order_pk = :pk ORDER BY l.line_number",
      &ReadLine, row.pk);
}

std::optional<OrderRow> FindOrder(soci::session& s, long long store_id,
                                  const std::string& order_id,
                                  const char* suffix = "") {
  auto row = QueryOne(
      s, kSelectOrder + " WHERE o.store_id = :s AND o.order_id = :o" + suffix,
      &ReadOrder, store_id, order_id);
  if (row) LoadLines(s, *row);
  return row;
}

OrderRow LoadOrderByPk(soci::session& s, long long pk) {
  auto row = QueryOne(s, kSelectOrder + " WHERE o.id = :pk", &ReadOrder, pk);
  if (!row) {
    Fail(domain::Internal("ORDER_VANISHED", "purchase order row vanished"));
  }
  LoadLines(s, *row);
  return *row;
}

// Locks the order's own row, and only it: kSelectOrder joins stores and
// suppliers, and `FOR UPDATE` on the join would lock their rows too,
// making every sale of the store (whose inserts share-lock the store row
// through their foreign keys) wait for the order's transaction. The lock
// is taken on the order alone, then the row is read plainly.
std::optional<long long> LockOpenDraft(soci::session& s, long long store_id,
                                       long long supplier_id) {
  long long pk = 0;
  s << "SELECT id FROM purchase_orders WHERE store_id = :s AND "
       "open_draft_supplier_id = :sup FOR UPDATE",
      soci::use(store_id), soci::use(supplier_id), soci::into(pk);
  if (!s.got_data()) return std::nullopt;
  return pk;
}

OrderRow RequireOrderForUpdate(soci::session& s, long long store_id,
                               const std::string& store_code,
                               const std::string& order_id) {
  long long pk = 0;
  s << "SELECT id FROM purchase_orders WHERE store_id = :s AND order_id = :o "
       "FOR UPDATE",
      soci::use(store_id), soci::use(order_id), soci::into(pk);
  auto row = s.got_data() ? FindOrder(s, store_id, order_id) : std::nullopt;
  if (!row) {
    Fail(domain::NotFound(
        "PURCHASE_ORDER_NOT_FOUND",
        "purchase order " + order_id + " not found in " + store_code));
  }
  return *row;
}

struct ItemRow {
  std::string sku;
  long long product_id = 0;
  ReplenishmentItem item;
};

ItemRow ReadItemRow(const soci::row& r) {
  ItemRow row;
  row.sku = GetString(r, 0);
  row.product_id = GetInt64(r, 1);
  row.item.supplier_code = GetString(r, 2);
  row.item.pack_size_milli = GetInt64(r, 3);
  row.item.min_order_quantity_milli = GetInt64(r, 4);
  row.item.unit_cost_minor = GetInt64(r, 5);
  row.item.cost_currency_code = GetString(r, 6);
  row.item.tax_rate_basis_points = static_cast<std::int32_t>(GetInt64(r, 7));
  row.item.lead_time_days = static_cast<std::int32_t>(GetInt64(r, 8));
  return row;
}

// The supplier's active items of `skus` (shared locks: the items do not
// change under the order being written) in `currency`, and the product ids
// of every SKU in the order.
struct Items {
  std::map<std::string, ReplenishmentItem> by_sku;
  std::map<std::string, long long> product_ids;
};

Items ItemsFor(soci::session& s, long long supplier_id,
               const std::string& currency,
               const std::vector<std::string>& skus) {
  Items items;
  for (const auto& row : QueryIn(
           s,
           "SELECT p.sku, p.id, su.code, i.pack_size_milli, "
           "i.min_order_quantity_milli, i.unit_cost_minor, "
           "i.cost_currency_code, i.tax_rate_basis_points, i.lead_time_days "
           "FROM supplier_items i JOIN products p ON p.id = i.product_id JOIN "
           "suppliers su ON su.id = i.supplier_id WHERE i.supplier_id = :sup "
           "AND i.active = 1 AND p.active = 1 AND i.cost_currency_code = :cur "
           "AND p.sku IN ({in}) LOCK IN SHARE MODE",
           &ReadItemRow, skus, {std::to_string(supplier_id), currency})) {
    items.by_sku[row.sku] = row.item;
    items.product_ids[row.sku] = row.product_id;
  }
  return items;
}

void AddProductIds(soci::session& s, const PurchaseOrder& order,
                   std::map<std::string, long long>& ids) {
  std::vector<std::string> missing;
  for (const auto& l : order.lines) {
    if (!ids.count(l.sku)) missing.push_back(l.sku);
  }
  struct IdRow {
    std::string sku;
    long long id;
  };
  for (const auto& row : QueryIn(
           s, "SELECT sku, id FROM products WHERE sku IN ({in})",
           +[](const soci::row& r) {
             return IdRow{GetString(r, 0), GetInt64(r, 1)};
           },
           missing)) {
    ids[row.sku] = row.id;
  }
}

// Rewrites a draft's lines (only drafts change lines, and nothing has been
// received on a draft).
void WriteLines(soci::session& s, long long pk, const PurchaseOrder& order,
                std::map<std::string, long long> product_ids) {
  AddProductIds(s, order, product_ids);
  s << "DELETE FROM purchase_order_lines WHERE order_pk = :pk", soci::use(pk);
  MultiInsert insert(
      "INSERT INTO purchase_order_lines (order_pk, line_number, product_id, "
      "quantity_milli, pack_size_milli, unit_cost_minor, "
      "tax_rate_basis_points, line_cost_minor, line_tax_minor, "
      "received_milli, rejected_milli)",
      11);
  for (const auto& l : order.lines) {
    insert.AddRow(
        {pk, static_cast<long long>(l.line_number), product_ids.at(l.sku),
         l.quantity_milli, l.pack_size_milli, l.unit_cost_minor,
         static_cast<long long>(l.tax_rate_basis_points), l.line_cost_minor,
         l.line_tax_minor, l.received_milli, l.rejected_milli});
  }
  insert.Execute(s);
}

Status OpenDraftExists(const PurchaseOrder& order) {
  return domain::FailedPrecondition(
      "OPEN_DRAFT_EXISTS", "store " + order.store_code +
                               " already has an open draft for supplier " +
                               order.supplier_code + "; add to it instead");
}

void WriteHeader(soci::session& s, long long pk, const PurchaseOrder& o) {
  const std::string state = domain::PurchaseOrderStateName(o.state);
  long long version = o.version;
  long long approve = o.approve_time;
  long long send = o.send_time;
  long long cost = o.total_cost_minor;
  long long tax = o.total_tax_minor;
  try {
    s << "UPDATE purchase_orders SET state = :st, version = :v, "
         "last_changed_by = :lc, submitted_by = NULLIF(:sb, ''), approved_by "
         "= NULLIF(:ab, ''), approved_by_name = NULLIF(:abn, ''), "
         "approve_time = IF(:a1 = 0, NULL, TIMESTAMPADD(MICROSECOND, :a2, "
         "'1970-01-01')), send_time = IF(:s1 = 0, NULL, "
         "TIMESTAMPADD(MICROSECOND, :s2, '1970-01-01')), state_reason = :r, "
         "total_cost_minor = :tc, total_tax_minor = :tt, expected_date = "
         "NULLIF(:ed, ''), update_time = UTC_TIMESTAMP(6) WHERE id = :pk",
        soci::use(state), soci::use(version), soci::use(o.last_changed_by),
        soci::use(o.submitted_by), soci::use(o.approved_by),
        soci::use(o.approved_by_name), soci::use(approve), soci::use(approve),
        soci::use(send), soci::use(send), soci::use(o.state_reason),
        soci::use(cost), soci::use(tax), soci::use(o.expected_date),
        soci::use(pk);
  } catch (const soci::soci_error& e) {
    if (IsDuplicateOf(e, "uk_purchase_orders_open_draft")) {
      Fail(OpenDraftExists(o));
    }
    throw;
  }
}

// Inserts a new draft's header; returns its pk.
long long InsertHeader(soci::session& s, long long store_id,
                       long long supplier_id, const std::string& fingerprint,
                       const PurchaseOrder& o) {
  long long cost = o.total_cost_minor;
  long long tax = o.total_tax_minor;
  try {
    s << "INSERT INTO purchase_orders (store_id, order_id, fingerprint, "
         "supplier_id, state, currency_code, version, created_by, "
         "created_by_name, last_changed_by, total_cost_minor, "
         "total_tax_minor, create_time, update_time) VALUES (:s, :o, :f, "
         ":sup, 'DRAFT', :cur, 1, :cb, :cbn, :lc, :tc, :tt, "
         "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
        soci::use(store_id), soci::use(o.order_id), soci::use(fingerprint),
        soci::use(supplier_id), soci::use(o.currency_code),
        soci::use(o.created_by), soci::use(o.created_by_name),
        soci::use(o.last_changed_by), soci::use(cost), soci::use(tax);
  } catch (const soci::soci_error& e) {
    if (IsDuplicateOf(e, "uk_purchase_orders_open_draft")) {
      Fail(domain::AlreadyExists("OPEN_DRAFT_EXISTS",
                                 OpenDraftExists(o).message()));
    }
    throw;
  }
  return LastInsertId(s);
}

struct SupplierRow {
  long long id = 0;
  bool active = false;
};

SupplierRow RequireSupplier(soci::session& s, const std::string& code) {
  auto row = QueryOne(
      s, "SELECT id, active FROM suppliers WHERE code = :c LOCK IN SHARE MODE",
      +[](const soci::row& r) {
        return SupplierRow{GetInt64(r, 0), GetBool(r, 1)};
      },
      code);
  if (!row) {
    Fail(domain::NotFound("SUPPLIER_NOT_FOUND",
                          "supplier " + code + " not found"));
  }
  return *row;
}

PurchaseOrder NewDraft(const StoreRow& store, const std::string& order_id,
                       const std::string& supplier_code,
                       const RequestContext& ctx) {
  PurchaseOrder o;
  o.store_code = store.code;
  o.order_id = order_id;
  o.supplier_code = supplier_code;
  o.state = PurchaseOrderState::kDraft;
  o.currency_code = store.currency_code;
  o.version = 1;
  o.created_by = domain::ActorId(ctx.principal);
  o.created_by_name = ctx.principal.display_name;
  o.last_changed_by = o.created_by;
  return o;
}

domain::AuditEntry AuditOf(const PurchaseOrder& o) {
  return domain::AuditEntry{"purchase_order", o.order_id, o.store_code};
}

}  // namespace

StatusOr<PurchasingSettings> MySqlPurchaseOrderRepository::GetSettings(
    const std::string& store_code) {
  return ReadValue<PurchasingSettings>(db_, [&](soci::session& s) {
    return ReadSettings(s, RequireStoreRow(s, store_code), false);
  });
}

StatusOr<PurchasingSettings> MySqlPurchaseOrderRepository::UpdateSettings(
    const std::string& store_code, const domain::SettingsMutation& mutate,
    const RequestContext& ctx) {
  PurchasingSettings out;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    PurchasingSettings settings = LockSettings(s, store);
    BO_RETURN_IF_ERROR(mutate(settings));
    std::optional<long long> limit;
    if (settings.approval_limit_minor) limit = *settings.approval_limit_minor;
    soci::indicator ind = limit ? soci::i_ok : soci::i_null;
    long long limit_value = limit.value_or(0);
    s << "UPDATE store_purchasing_settings SET approval_limit_minor = :l, "
         "review_period_days = :r, demand_window_days = :w, "
         "receipt_tolerance_basis_points = :t, update_time = "
         "UTC_TIMESTAMP(6) WHERE store_id = :s",
        soci::use(limit_value, ind), soci::use(settings.review_period_days),
        soci::use(settings.demand_window_days),
        soci::use(settings.receipt_tolerance_basis_points), soci::use(store.id);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"purchasing_settings", store.code, store.code});
    out = ReadSettings(s, store, false);
    return Status();
  });
  if (!status.ok()) return status;
  return out;
}

StatusOr<std::vector<std::string>> MySqlPurchaseOrderRepository::ListStoreCodes(
    const std::string& after_code, int limit) {
  return ReadValue<std::vector<std::string>>(db_, [&](soci::session& s) {
    long long n = limit;
    return QueryAll(
        s, "SELECT code FROM stores WHERE code > :a ORDER BY code LIMIT :n",
        +[](const soci::row& r) { return GetString(r, 0); }, after_code, n);
  });
}

StatusOr<domain::ReplenishmentData>
MySqlPurchaseOrderRepository::LoadReplenishment(
    const std::string& store_code, const domain::WindowOf& window,
    domain::DemandWindow* window_out) {
  domain::ReplenishmentData data;
  Status status = db_.WithSession([&](soci::session& s) {
    // One snapshot for the four reads, so stock, orders and demand agree.
    // Sessions run READ COMMITTED, where a consistent snapshot is ignored:
    // this one transaction asks for REPEATABLE READ (the next one is back
    // to the session's level).
    s << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
    s << "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";
    struct End {
      soci::session& s;
      ~End() {
        try {
          s << "COMMIT";
        } catch (...) {
        }
      }
    } end{s};
    const StoreRow store = RequireStoreRow(s, store_code);
    data = LoadReplenishmentData(s, store.id, store.time_zone,
                                 ReadSettings(s, store, false), window,
                                 window_out);
    return Status();
  });
  if (!status.ok()) return status;
  return data;
}

StatusOr<domain::DraftRunOutcome>
MySqlPurchaseOrderRepository::DraftFromSuggestions(
    const std::string& store_code, const std::string& run_id,
    const std::string& fingerprint, const domain::WindowOf& window,
    const domain::SuggestionsOf& suggest, const RequestContext& ctx) {
  domain::DraftRunOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::DraftRunOutcome{};
    const StoreRow store = RequireStoreRow(s, store_code);
    // Serialises the runs of the store: each one reads what the previous
    // one wrote (READ COMMITTED reads the latest committed rows).
    const PurchasingSettings settings = LockSettings(s, store);
    auto orders_of_run = [&]() {
      std::vector<PurchaseOrder> orders;
      for (long long pk : QueryAll(
               s,
               "SELECT order_pk FROM suggestion_run_orders WHERE store_id = "
               ":s AND run_id = :r ORDER BY order_pk",
               +[](const soci::row& r) { return GetInt64(r, 0); }, store.id,
               run_id)) {
        orders.push_back(LoadOrderByPk(s, pk).order);
      }
      return orders;
    };
    std::string recorded;
    s << "SELECT fingerprint FROM suggestion_runs WHERE store_id = :s AND "
         "run_id = :r",
        soci::use(store.id), soci::use(run_id), soci::into(recorded);
    if (s.got_data()) {
      if (recorded != fingerprint) {
        return IdempotencyKeyReused("suggestion run", run_id);
      }
      outcome.orders = orders_of_run();
      outcome.replayed = true;
      return Status();
    }
    const std::string actor = domain::ActorId(ctx.principal);
    s << "INSERT INTO suggestion_runs (store_id, run_id, fingerprint, "
         "created_by, create_time) VALUES (:s, :r, :f, :a, UTC_TIMESTAMP(6))",
        soci::use(store.id), soci::use(run_id), soci::use(fingerprint),
        soci::use(actor);
    domain::DemandWindow demand_window;
    const auto data = LoadReplenishmentData(s, store.id, store.time_zone,
                                            settings, window, &demand_window);
    for (const auto& group : suggest(data, demand_window)) {
      std::vector<domain::OrderLineInput> inputs;
      std::vector<std::string> skus;
      for (const auto& line : group.lines) {
        if (line.suggested_milli <= 0) continue;
        inputs.push_back({line.sku, line.suggested_milli, std::nullopt, ""});
        skus.push_back(line.sku);
      }
      if (inputs.empty()) continue;
      const SupplierRow supplier = RequireSupplier(s, group.supplier_code);
      Items items = ItemsFor(s, supplier.id, store.currency_code, skus);
      std::optional<OrderRow> open;
      if (auto open_pk = LockOpenDraft(s, store.id, supplier.id)) {
        open = QueryOne(s, kSelectOrder + " WHERE o.id = :pk", &ReadOrder,
                        *open_pk);
      }
      long long pk = 0;
      PurchaseOrder order;
      if (open) {
        LoadLines(s, *open);
        pk = open->pk;
        order = open->order;
        // The caller sent only a run id: a draft that cannot take the
        // suggestion (edited by hand, or the supplier's packs changed since)
        // is a state a person must resolve, not a bad argument.
        if (Status added = domain::AddLinesToOrder(order, inputs, items.by_sku);
            !added.ok()) {
          return domain::FailedPrecondition(
                     "OPEN_DRAFT_NEEDS_REVIEW",
                     "the open draft " + order.order_id +
                         " cannot take the suggestions: " + added.message())
              .WithMetadata("order_id", order.order_id)
              .WithMetadata("cause", added.reason());
        }
        order.version += 1;
        order.last_changed_by = actor;
        WriteHeader(s, pk, order);
      } else {
        order = NewDraft(store, run_id + "-" + group.supplier_code,
                         group.supplier_code, ctx);
        BO_RETURN_IF_ERROR(
            domain::AddLinesToOrder(order, inputs, items.by_sku));
        const std::string fingerprint =
            domain::FingerprintBuilder("suggestion_draft/v1")
                .Add(store.code)
                .Add(run_id)
                .Add(group.supplier_code)
                .Finish();
        try {
          pk = InsertHeader(s, store.id, supplier.id, fingerprint, order);
        } catch (const soci::soci_error& e) {
          if (IsDuplicateOf(e, "uk_purchase_orders_store_order")) {
            Fail(domain::AlreadyExists("ORDER_ID_TAKEN",
                                       "order id " + order.order_id +
                                           " is taken by another order; use "
                                           "another run id"));
          }
          throw;
        }
      }
      WriteLines(s, pk, order, items.product_ids);
      long long added = static_cast<long long>(inputs.size());
      s << "INSERT INTO suggestion_run_orders (store_id, run_id, order_pk, "
           "lines_added) VALUES (:s, :r, :o, :n)",
          soci::use(store.id), soci::use(run_id), soci::use(pk),
          soci::use(added);
      AppendAudit(s, &ctx, AuditOf(order));
    }
    AppendAudit(s, &ctx,
                domain::AuditEntry{"suggestion_run", run_id, store.code});
    outcome.orders = orders_of_run();
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::PurchaseOrderOutcome>
MySqlPurchaseOrderRepository::CreateOrder(
    const domain::NewPurchaseOrder& request, const std::string& fingerprint,
    const domain::LinesMutation& add_lines, const RequestContext& ctx) {
  domain::PurchaseOrderOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::PurchaseOrderOutcome{};
    const StoreRow store = RequireStoreRow(s, request.store_code);
    const ClientDocument document(
        "purchase order", request.order_id, fingerprint,
        "uk_purchase_orders_store_order",
        [&](KeyRead read) {
          return QueryOne(
              s,
              std::string("SELECT id, fingerprint FROM purchase_orders WHERE "
                          "store_id = :s AND order_id = :o") +
                  KeyReadSuffix(read),
              +[](const soci::row& r) {
                return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
              },
              store.id, request.order_id);
        },
        [&](long long pk) -> Status {
          outcome.order = LoadOrderByPk(s, pk).order;
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    const SupplierRow supplier = RequireSupplier(s, request.supplier_code);
    if (!supplier.active) {
      return domain::FailedPrecondition(
          "SUPPLIER_INACTIVE",
          "supplier " + request.supplier_code + " is not active");
    }
    std::vector<std::string> skus;
    for (const auto& l : request.lines) skus.push_back(l.sku);
    Items items = ItemsFor(s, supplier.id, store.currency_code, skus);
    PurchaseOrder order =
        NewDraft(store, request.order_id, request.supplier_code, ctx);
    BO_RETURN_IF_ERROR(add_lines(order, items.by_sku));
    long long pk = 0;
    if (auto concurrent = document.Insert([&] {
          pk = InsertHeader(s, store.id, supplier.id, fingerprint, order);
        })) {
      return *concurrent;
    }
    WriteLines(s, pk, order, items.product_ids);
    AppendAudit(s, &ctx, AuditOf(order));
    outcome.order = LoadOrderByPk(s, pk).order;
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<PurchaseOrder> MySqlPurchaseOrderRepository::GetOrder(
    const std::string& store_code, const std::string& order_id) {
  return ReadValue<PurchaseOrder>(db_, [&](soci::session& s) {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto row = FindOrder(s, store.id, order_id);
    if (!row) {
      Fail(domain::NotFound(
          "PURCHASE_ORDER_NOT_FOUND",
          "purchase order " + order_id + " not found in " + store_code));
    }
    return row->order;
  });
}

StatusOr<std::vector<PurchaseOrder>> MySqlPurchaseOrderRepository::ListOrders(
    const std::string& store_code, const domain::PurchaseOrderFilter& filter,
    const domain::PageRequest& page) {
  return ReadValue<std::vector<PurchaseOrder>>(db_, [&](soci::session& s) {
    const StoreRow store = RequireStoreRow(s, store_code);
    const std::string state =
        filter.state == PurchaseOrderState::kUnspecified
            ? ""
            : domain::PurchaseOrderStateName(filter.state);
    long long limit = page.page_size + 1;
    auto rows = QueryAll(
        s,
        kSelectOrder +
            " WHERE o.store_id = :s AND o.order_id > :after AND (:st1 = '' "
            "OR o.state = :st2) AND (:su1 = '' OR su.code = :su2) ORDER BY "
            "o.order_id LIMIT :n",
        &ReadOrder, store.id, page.after_key, state, state,
        filter.supplier_code, filter.supplier_code, limit);
    std::vector<PurchaseOrder> orders;
    for (auto& row : rows) {
      LoadLines(s, row);
      orders.push_back(std::move(row.order));
    }
    return orders;
  });
}

StatusOr<PurchaseOrder> MySqlPurchaseOrderRepository::ChangeLines(
    const std::string& store_code, const std::string& order_id,
    const std::vector<std::string>& skus, const domain::LinesMutation& mutate,
    const RequestContext& ctx) {
  PurchaseOrder out;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    OrderRow row = RequireOrderForUpdate(s, store.id, store_code, order_id);
    Items items = ItemsFor(s, row.supplier_id, row.order.currency_code, skus);
    BO_RETURN_IF_ERROR(mutate(row.order, items.by_sku));
    WriteHeader(s, row.pk, row.order);
    WriteLines(s, row.pk, row.order, items.product_ids);
    AppendAudit(s, &ctx, AuditOf(row.order));
    out = LoadOrderByPk(s, row.pk).order;
    return Status();
  });
  if (!status.ok()) return status;
  return out;
}

StatusOr<PurchaseOrder> MySqlPurchaseOrderRepository::Transition(
    const std::string& store_code, const std::string& order_id,
    const domain::TransitionMutation& mutate, const RequestContext& ctx) {
  PurchaseOrder out;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    OrderRow row = RequireOrderForUpdate(s, store.id, store_code, order_id);
    domain::TransitionFacts facts;
    facts.approval_limit_minor =
        ReadSettings(s, store, false).approval_limit_minor;
    facts.store_time_zone = store.time_zone;
    int supplier_active = 0;
    s << "SELECT active FROM suppliers WHERE id = :id LOCK IN SHARE MODE",
        soci::use(row.supplier_id), soci::into(supplier_active);
    facts.supplier_active = supplier_active != 0;
    s << "SELECT COALESCE(MAX(i.lead_time_days), 0) FROM "
         "purchase_order_lines l JOIN supplier_items i ON i.product_id = "
         "l.product_id AND i.supplier_id = :sup WHERE l.order_pk = :pk",
        soci::use(row.supplier_id), soci::use(row.pk),
        soci::into(facts.max_lead_time_days);
    auto changed = mutate(row.order, facts);
    if (!changed.ok()) return changed.status();
    if (*changed) {
      WriteHeader(s, row.pk, row.order);
      AppendAudit(s, &ctx, AuditOf(row.order));
      out = LoadOrderByPk(s, row.pk).order;
    } else {
      out = row.order;
    }
    return Status();
  });
  if (!status.ok()) return status;
  return out;
}

}  // namespace backoffice::storage
