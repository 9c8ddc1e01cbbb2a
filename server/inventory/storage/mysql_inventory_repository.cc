#include "inventory/storage/mysql_inventory_repository.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <functional>
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
#include "inventory/domain/stock_rules.h"
#include "inventory/storage/stock_posting.h"

namespace backoffice::storage {

using domain::RequestContext;
using domain::TimeMicros;

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
  m.type = domain::MovementTypeFromName(GetString(r, 4))
               .value_or(domain::MovementType::kUnspecified);
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
  auto level = QueryOne(s, kSelectLevel + " WHERE p.sku = :sku", &ReadLevel,
                        store_code, sku);
  if (!level)
    Fail(
        domain::NotFound("PRODUCT_NOT_FOUND", "product " + sku + " not found"));
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

StatusOr<std::vector<domain::StockLevel>>
MySqlInventoryRepository::ListStockLevels(const std::string& store_code,
                                          const domain::StockLevelFilter& f,
                                          const domain::PageRequest& page) {
  std::vector<domain::StockLevel> levels;
  Status status = db_.WithSession([&](soci::session& s) {
    RequireStoreId(s, store_code);
    int negative = f.negative_only ? 1 : 0;
    int reorder = f.at_or_below_reorder_point ? 1 : 0;
    long long limit = page.page_size + 1;
    levels = QueryAll(s,
                      kSelectLevel +
                          " WHERE (b.product_id IS NOT NULL OR x.product_id IS "
                          "NOT NULL) AND p.sku > :after "
                          "AND (:sku1 = '' OR p.sku = :sku2) AND (:neg = 0 OR "
                          "b.on_hand_milli < 0) AND "
                          "(:reo = 0 OR (x.reorder_point_milli > 0 AND "
                          "COALESCE(b.on_hand_milli, 0) <= "
                          "x.reorder_point_milli)) ORDER BY p.sku LIMIT :limit",
                      &ReadLevel, store_code, page.after_key, f.sku, f.sku,
                      negative, reorder, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return levels;
}

StatusOr<std::vector<domain::StockMovement>>
MySqlInventoryRepository::ListStockMovements(const std::string& store_code,
                                             const domain::MovementFilter& f,
                                             const domain::PageRequest& page) {
  std::vector<domain::StockMovement> movements;
  Status status = db_.WithSession([&](soci::session& s) {
    long long store_id = RequireStoreId(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    std::string type = f.type == domain::MovementType::kUnspecified
                           ? ""
                           : domain::MovementTypeName(f.type);
    long long start = f.start_time.value_or(0);
    long long end = f.end_time.value_or(253402300799000000LL);
    long long limit = page.page_size + 1;
    movements = QueryAll(
        s,
        kSelectMovement +
            " WHERE m.store_id = :s AND m.id < :before AND (:sku1 = '' OR "
            "p.sku = :sku2) AND "
            "(:ty1 = '' OR m.movement_type = :ty2) AND m.business_time >= "
            "TIMESTAMPADD(MICROSECOND, :start, '1970-01-01') AND "
            "m.business_time < "
            "TIMESTAMPADD(MICROSECOND, :end, '1970-01-01') ORDER BY m.id DESC "
            "LIMIT :limit",
        &ReadMovement, store_id, before, f.sku, f.sku, type, type, start, end,
        limit);
    return Status();
  });
  if (!status.ok()) return status;
  return movements;
}

namespace {

const std::string kSelectRequest =
    std::string(
        "SELECT r.id, st.code, r.adjustment_id, p.sku, "
        "r.quantity_delta_milli, r.reason, r.note, st.currency_code, "
        "r.value_minor, r.state, r.requested_by, IFNULL(r.decided_by, ''), "
        "r.decision_reason, ") +
    BO_MICROS("r.create_time") ", IFNULL(" BO_MICROS("r.decide_time") ", 0), IFNULL(r.adjustment_pk, 0) FROM stock_adjustment_requests r JOIN stores st ON st.id = r.store_id JOIN products p ON p.id = r.product_id";

struct RequestRow {
  domain::AdjustmentRequest request;
  long long adjustment_pk = 0;
};

RequestRow ReadRequest(const soci::row& r) {
  RequestRow row;
  domain::AdjustmentRequest& q = row.request;
  q.sequence = GetInt64(r, 0);
  q.store_code = GetString(r, 1);
  q.adjustment_id = GetString(r, 2);
  q.sku = GetString(r, 3);
  q.quantity_delta_milli = GetInt64(r, 4);
  q.reason = domain::AdjustmentReasonFromName(GetString(r, 5));
  q.note = GetString(r, 6);
  q.currency_code = GetString(r, 7);
  q.value_minor = GetInt64(r, 8);
  q.state = domain::AdjustmentRequestStateFromName(GetString(r, 9));
  q.requested_by = GetString(r, 10);
  q.decided_by = GetString(r, 11);
  q.decision_reason = GetString(r, 12);
  q.create_time = GetInt64(r, 13);
  q.decide_time = GetInt64(r, 14);
  row.adjustment_pk = GetInt64(r, 15);
  return row;
}

std::optional<StoredDocument> FindRequest(soci::session& s, long long store_id,
                                          const std::string& id, KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM stock_adjustment_requests "
                  "WHERE store_id = :s AND adjustment_id = :i") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, id);
}

RequestRow LoadRequest(soci::session& s, long long pk) {
  auto row =
      QueryOne(s, kSelectRequest + " WHERE r.id = :pk", &ReadRequest, pk);
  if (!row) {
    Fail(domain::Internal("ADJUSTMENT_REQUEST_VANISHED",
                          "a recorded write-off request could not be read"));
  }
  return *row;
}

long long WriteOffThreshold(soci::session& s, long long store_id) {
  auto threshold = QueryOne(
      s,
      "SELECT write_off_approval_threshold_minor FROM inventory_settings "
      "WHERE store_id = :s",
      +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
      store_id);
  return threshold.value_or(0);
}

// The stored thresholds; without a row, 0 for each.
void ReadSettings(soci::session& s, long long store_id,
                  domain::InventorySettings* settings) {
  auto row = QueryOne(
      s,
      "SELECT write_off_approval_threshold_minor, "
      "count_approval_threshold_minor, count_head_office_threshold_minor "
      "FROM inventory_settings WHERE store_id = :s",
      +[](const soci::row& r) {
        return std::array<long long, 3>{GetInt64(r, 0), GetInt64(r, 1),
                                        GetInt64(r, 2)};
      },
      store_id);
  const auto values = row.value_or(std::array<long long, 3>{0, 0, 0});
  settings->write_off_approval_threshold_minor = values[0];
  settings->count_approval_threshold_minor = values[1];
  settings->count_head_office_threshold_minor = values[2];
}

// Signed: a write-off's value is negative.
long long ValueAtCost(long long delta_milli, long long unit_cost_minor) {
  const long long value = domain::CostOfQuantity(
      delta_milli < 0 ? -delta_milli : delta_milli, unit_cost_minor);
  return delta_milli < 0 ? -value : value;
}

// The outcome of a posted adjustment row `pk`.
domain::AdjustmentOutcome PostedOutcome(soci::session& s, long long pk) {
  domain::AdjustmentOutcome outcome;
  auto movement =
      QueryOne(s,
               kSelectMovement + " WHERE m.movement_type = " +
                   domain::MovementTypeSql(domain::MovementType::kAdjustment) +
                   " AND m.document_pk = :pk",
               &ReadMovement, pk);
  if (!movement) {
    Fail(domain::Internal("MOVEMENT_VANISHED", "adjustment without movement"));
  }
  outcome.movement = *movement;
  outcome.level = RequireLevel(s, movement->store_code, movement->sku);
  s << "SELECT a.value_minor, st.currency_code FROM stock_adjustments a "
       "JOIN stores st ON st.id = a.store_id WHERE a.id = :pk",
      soci::use(pk), soci::into(outcome.value_minor),
      soci::into(outcome.currency_code);
  return outcome;
}

// Writes the adjustment's movement through the posting component and its
// value at the cost it moved at; `pk` is its stock_adjustments row.
void PostMovement(soci::session& s, long long store_id, long long product_id,
                  long long pk, const domain::StockAdjustment& a,
                  TimeMicros now) {
  std::string time_zone;
  int margin = 0;
  s << "SELECT st.time_zone, p.sell_by_margin_days FROM stores st JOIN "
       "products p ON p.id = :p WHERE st.id = :s",
      soci::use(product_id), soci::use(store_id), soci::into(time_zone),
      soci::into(margin);
  StockLine line;
  line.line_number = 1;
  line.product_id = product_id;
  line.quantity_milli = a.quantity_delta_milli;
  line.sell_by_margin_days = margin;
  StockLedger ledger;
  ledger.Post({domain::MovementType::kAdjustment,
               domain::AdjustmentReasonName(a.reason), store_id, pk,
               a.adjustment_id, now, now, domain::DayInZone(now, time_zone)},
              {line});
  ledger.FlushMovements(s);
  ledger.ApplyBalances(s);
  long long unit = ledger.AverageUnitCost(store_id, product_id);
  long long value = ValueAtCost(a.quantity_delta_milli, unit);
  s << "UPDATE stock_adjustments SET unit_cost_minor = :u, value_minor = :v "
       "WHERE id = :pk",
      soci::use(unit), soci::use(value), soci::use(pk);
}

// Two copies of one AdjustStock took different ways (one posted, one
// asked): this one rolls back, and its retry replays the other.
Status ConcurrentCopy(const std::string& adjustment_id) {
  return domain::Aborted("TRANSACTION_CONFLICT",
                         "adjustment " + adjustment_id +
                             " was recorded by a concurrent copy of this "
                             "call; send it again");
}

void InsertAdjustmentRow(soci::session& s, long long store_id,
                         long long product_id, const domain::StockAdjustment& a,
                         const std::string& fingerprint, TimeMicros now) {
  long long delta = a.quantity_delta_milli;
  long long record = now;
  std::string reason = domain::AdjustmentReasonName(a.reason);
  s << "INSERT INTO stock_adjustments (adjustment_id, fingerprint, "
       "store_id, product_id, quantity_delta_milli, reason, note, "
       "record_time) VALUES (:id, :fp, :s, :p, :q, :r, :n, "
       "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01'))",
      soci::use(a.adjustment_id), soci::use(fingerprint), soci::use(store_id),
      soci::use(product_id), soci::use(delta), soci::use(reason),
      soci::use(a.note), soci::use(record);
}

}  // namespace

StatusOr<domain::AdjustmentOutcome> MySqlInventoryRepository::AdjustStock(
    const domain::StockAdjustment& a,
    const std::function<bool(std::int64_t, std::int64_t, bool)>& needs_approval,
    const RequestContext& ctx) {
  const std::string fingerprint = domain::AdjustmentFingerprint(a);
  domain::AdjustmentOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::AdjustmentOutcome{};
    // Adjustment ids are scoped to their store.
    const StoreRow store = RequireStoreRow(s, a.store_code);
    const long long store_id = store.id;
    const ClientDocument document(
        "adjustment", a.adjustment_id, fingerprint,
        "uk_stock_adjustments_store_id",
        [&](KeyRead read) {
          return QueryOne(
              s,
              std::string("SELECT id, fingerprint FROM stock_adjustments "
                          "WHERE store_id = :s AND adjustment_id = :id") +
                  KeyReadSuffix(read),
              +[](const soci::row& r) {
                return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
              },
              store_id, a.adjustment_id);
        },
        [&](long long pk) -> Status {
          outcome = PostedOutcome(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    // A write-off that waited replays as its request until it is posted.
    const ClientDocument request(
        "adjustment", a.adjustment_id, fingerprint,
        "uk_stock_adjustment_requests_id",
        [&](KeyRead read) {
          return FindRequest(s, store_id, a.adjustment_id, read);
        },
        [&](long long pk) -> Status {
          outcome.approval_request = LoadRequest(s, pk).request;
          outcome.currency_code = store.currency_code;
          outcome.value_minor = outcome.approval_request->value_minor;
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = request.Recorded()) return *recorded;
    long long product_id = 0;
    s << "SELECT id FROM products WHERE sku = :sku", soci::use(a.sku),
        soci::into(product_id);
    if (!s.got_data()) {
      return domain::NotFound("PRODUCT_NOT_FOUND",
                              "product " + a.sku + " not found");
    }
    const TimeMicros now = domain::SystemNowMicros();
    if (a.quantity_delta_milli < 0) {
      long long unit = 0;
      s << "SELECT average_unit_cost_minor FROM stock_balances WHERE "
           "store_id = :s AND product_id = :p",
          soci::use(store_id), soci::use(product_id), soci::into(unit);
      const bool cost_known = s.got_data() && unit > 0;
      const long long value =
          ValueAtCost(a.quantity_delta_milli, cost_known ? unit : 0);
      if (needs_approval(value, WriteOffThreshold(s, store_id), cost_known)) {
        long long pk = 0;
        if (auto concurrent = request.Insert([&] {
              long long delta = a.quantity_delta_milli;
              long long worth = value;
              std::string reason = domain::AdjustmentReasonName(a.reason);
              std::string by = domain::FormatTokenId(ctx.principal.token_id);
              long long at = now;
              s << "INSERT INTO stock_adjustment_requests (store_id, "
                   "adjustment_id, fingerprint, product_id, "
                   "quantity_delta_milli, reason, note, value_minor, state, "
                   "requested_by, requested_by_name, create_time) VALUES "
                   "(:s, :i, :f, :p, :q, :r, :n, :v, 'PENDING_APPROVAL', "
                   ":by, :byn, TIMESTAMPADD(MICROSECOND, :t, '1970-01-01'))",
                  soci::use(store_id), soci::use(a.adjustment_id),
                  soci::use(fingerprint), soci::use(product_id),
                  soci::use(delta), soci::use(reason), soci::use(a.note),
                  soci::use(worth), soci::use(by),
                  soci::use(ctx.principal.display_name), soci::use(at);
              pk = LastInsertId(s);
            })) {
          return *concurrent;
        }
        // A copy of this call that posted the adjustment meanwhile: the
        // locking read waits for it, and the retry replays it.
        if (document.Recorded(KeyRead::kCurrent)) {
          return ConcurrentCopy(a.adjustment_id);
        }
        AppendAudit(s, &ctx,
                    domain::AuditEntry{"stock_write_off_request",
                                       a.adjustment_id, a.store_code});
        outcome.approval_request = LoadRequest(s, pk).request;
        outcome.currency_code = store.currency_code;
        outcome.value_minor = value;
        return Status();
      }
    }
    if (auto concurrent = document.Insert([&] {
          InsertAdjustmentRow(s, store_id, product_id, a, fingerprint, now);
        })) {
      return *concurrent;
    }
    const long long pk = LastInsertId(s);
    // A copy of this call that recorded a request meanwhile (the cost or
    // the threshold moved between them): the locking read waits for it.
    if (request.Recorded(KeyRead::kCurrent)) {
      return ConcurrentCopy(a.adjustment_id);
    }
    PostMovement(s, store_id, product_id, pk, a, now);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"stock_adjustment", a.adjustment_id, a.store_code});
    outcome = PostedOutcome(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::AdjustmentDecisionOutcome>
MySqlInventoryRepository::DecideAdjustment(
    const std::string& store_code, const std::string& adjustment_id,
    bool approve, const std::string& reason,
    const std::function<Status(const domain::AdjustmentRequest&)>& check,
    const RequestContext& ctx) {
  domain::AdjustmentDecisionOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindRequest(s, store.id, adjustment_id, KeyRead::kForUpdate);
    if (!found) {
      return domain::NotFound("ADJUSTMENT_REQUEST_NOT_FOUND",
                              "write-off " + adjustment_id +
                                  " waits for nobody in store " + store_code);
    }
    long long pk = found->pk;
    RequestRow row = LoadRequest(s, pk);
    const domain::AdjustmentRequestState wanted =
        approve ? domain::AdjustmentRequestState::kPosted
                : domain::AdjustmentRequestState::kRejected;
    if (row.request.state == wanted) {
      // Answered only to whom the decision itself would be allowed.
      domain::AdjustmentRequest waiting = row.request;
      waiting.state = domain::AdjustmentRequestState::kPendingApproval;
      BO_RETURN_IF_ERROR(check(waiting));
      outcome.request = row.request;
      if (row.adjustment_pk > 0) {
        outcome.posted = PostedOutcome(s, row.adjustment_pk);
      }
      return Status();
    }
    BO_RETURN_IF_ERROR(check(row.request));
    std::string by = domain::FormatTokenId(ctx.principal.token_id);
    const TimeMicros now = domain::SystemNowMicros();
    long long at = now;
    if (approve) {
      domain::StockAdjustment a;
      a.adjustment_id = row.request.adjustment_id;
      a.store_code = store.code;
      a.sku = row.request.sku;
      a.quantity_delta_milli = row.request.quantity_delta_milli;
      a.reason = row.request.reason;
      a.note = row.request.note;
      long long product_id = 0;
      s << "SELECT product_id FROM stock_adjustment_requests WHERE id = :pk",
          soci::use(pk), soci::into(product_id);
      // The maker's adjustment, posted on the checker's word, keeps the
      // request's fingerprint: the maker's call sent again replays it.
      InsertAdjustmentRow(s, store.id, product_id, a, found->fingerprint, now);
      long long adjustment_pk = LastInsertId(s);
      PostMovement(s, store.id, product_id, adjustment_pk, a, now);
      s << "UPDATE stock_adjustment_requests SET state = 'POSTED', "
           "decided_by = :by, decided_by_name = :byn, adjustment_pk = :a, "
           "decide_time = TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE "
           "id = :pk",
          soci::use(by), soci::use(ctx.principal.display_name),
          soci::use(adjustment_pk), soci::use(at), soci::use(pk);
      outcome.posted = PostedOutcome(s, adjustment_pk);
    } else {
      s << "UPDATE stock_adjustment_requests SET state = 'REJECTED', "
           "decided_by = :by, decided_by_name = :byn, decision_reason = :r, "
           "decide_time = TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE "
           "id = :pk",
          soci::use(by), soci::use(ctx.principal.display_name),
          soci::use(reason), soci::use(at), soci::use(pk);
    }
    AppendAudit(s, &ctx,
                domain::AuditEntry{approve ? "stock_write_off_approval"
                                           : "stock_write_off_rejection",
                                   adjustment_id, store.code});
    outcome.request = LoadRequest(s, pk).request;
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<std::vector<domain::AdjustmentRequest>>
MySqlInventoryRepository::ListAdjustmentRequests(
    const std::string& store_code, domain::AdjustmentRequestState state,
    const domain::PageRequest& page) {
  std::vector<domain::AdjustmentRequest> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long any_state =
        state == domain::AdjustmentRequestState::kUnspecified ? 1 : 0;
    std::string wanted = domain::AdjustmentRequestStateName(state);
    long long limit = page.page_size + 1;
    for (auto& row :
         QueryAll(s,
                  kSelectRequest + " WHERE r.store_id = :s AND r.id < :before "
                                   "AND (:any = 1 OR r.state = :st) ORDER BY "
                                   "r.id DESC LIMIT :lim",
                  &ReadRequest, store.id, before, any_state, wanted, limit)) {
      items.push_back(std::move(row.request));
    }
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

StatusOr<domain::InventorySettings>
MySqlInventoryRepository::GetInventorySettings(const std::string& store_code) {
  domain::InventorySettings settings;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    settings.store_code = store.code;
    settings.currency_code = store.currency_code;
    ReadSettings(s, store.id, &settings);
    return Status();
  });
  if (!status.ok()) return status;
  return settings;
}

StatusOr<domain::InventorySettings>
MySqlInventoryRepository::UpdateInventorySettings(
    const domain::InventorySettings& in, const RequestContext& ctx) {
  domain::InventorySettings settings;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, in.store_code);
    if (!in.currency_code.empty() && in.currency_code != store.currency_code) {
      return domain::FailedPrecondition(
          "CURRENCY_MISMATCH",
          "store " + store.code + " keeps its books in " + store.currency_code);
    }
    long long store_id = store.id;
    long long threshold = in.write_off_approval_threshold_minor;
    long long count_threshold = in.count_approval_threshold_minor;
    long long count_head_office = in.count_head_office_threshold_minor;
    s << "INSERT INTO inventory_settings (store_id, "
         "write_off_approval_threshold_minor, "
         "count_approval_threshold_minor, count_head_office_threshold_minor, "
         "update_time) VALUES (:s, :t, :c, :h, UTC_TIMESTAMP(6)) ON "
         "DUPLICATE KEY UPDATE write_off_approval_threshold_minor = "
         "VALUES(write_off_approval_threshold_minor), "
         "count_approval_threshold_minor = "
         "VALUES(count_approval_threshold_minor), "
         "count_head_office_threshold_minor = "
         "VALUES(count_head_office_threshold_minor), update_time = "
         "VALUES(update_time)",
        soci::use(store_id), soci::use(threshold), soci::use(count_threshold),
        soci::use(count_head_office);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"inventory_settings", store.code, store.code});
    settings.store_code = store.code;
    settings.currency_code = store.currency_code;
    ReadSettings(s, store_id, &settings);
    return Status();
  });
  if (!status.ok()) return status;
  return settings;
}

}  // namespace backoffice::storage
