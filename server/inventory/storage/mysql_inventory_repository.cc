#include "inventory/storage/mysql_inventory_repository.h"

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

StatusOr<domain::AdjustmentOutcome> MySqlInventoryRepository::AdjustStock(
    const domain::StockAdjustment& a, const RequestContext& ctx) {
  const std::string fingerprint = domain::AdjustmentFingerprint(a);
  domain::AdjustmentOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = domain::AdjustmentOutcome{};
    // Adjustment ids are scoped to their store.
    const long long store_id = RequireStoreId(s, a.store_code);
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
          auto movement = QueryOne(
              s,
              kSelectMovement + " WHERE m.movement_type = " +
                  domain::MovementTypeSql(domain::MovementType::kAdjustment) +
                  " AND m.document_pk = :pk",
              &ReadMovement, pk);
          if (!movement) {
            Fail(domain::Internal("MOVEMENT_VANISHED",
                                  "adjustment without movement"));
          }
          outcome.movement = *movement;
          outcome.level = RequireLevel(s, movement->store_code, movement->sku);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    long long product_id = 0;
    s << "SELECT id FROM products WHERE sku = :sku", soci::use(a.sku),
        soci::into(product_id);
    if (!s.got_data()) {
      return domain::NotFound("PRODUCT_NOT_FOUND",
                              "product " + a.sku + " not found");
    }
    const TimeMicros now = domain::SystemNowMicros();
    long long delta = a.quantity_delta_milli;
    long long record = now;
    std::string reason = domain::AdjustmentReasonName(a.reason);
    if (auto concurrent = document.Insert([&] {
          s << "INSERT INTO stock_adjustments (adjustment_id, fingerprint, "
               "store_id, product_id, quantity_delta_milli, reason, note, "
               "record_time) VALUES (:id, :fp, :s, :p, :q, :r, :n, "
               "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01'))",
              soci::use(a.adjustment_id), soci::use(fingerprint),
              soci::use(store_id), soci::use(product_id), soci::use(delta),
              soci::use(reason), soci::use(a.note), soci::use(record);
        })) {
      return *concurrent;
    }
    long long pk = LastInsertId(s);
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
    ledger.Post({domain::MovementType::kAdjustment, reason, store_id, pk,
                 a.adjustment_id, now, now, domain::DayInZone(now, time_zone)},
                {line});
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"stock_adjustment", a.adjustment_id, a.store_code});
    auto movement = QueryOne(
        s,
        kSelectMovement + " WHERE m.movement_type = " +
            domain::MovementTypeSql(domain::MovementType::kAdjustment) +
            " AND m.document_pk = :pk",
        &ReadMovement, pk);
    outcome.movement = *movement;
    outcome.level = RequireLevel(s, a.store_code, a.sku);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

}  // namespace backoffice::storage
