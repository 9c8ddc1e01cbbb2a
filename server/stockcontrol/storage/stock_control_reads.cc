#include "stockcontrol/storage/stock_control_reads.h"

#include <algorithm>

#include "core/domain/clock.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "stockcontrol/domain/stock_control_rules.h"

namespace backoffice::storage {
namespace {

// SellableUntil (inventory/domain/lots.h) in SQL.
const std::string kSellableUntil =
    "DATE_SUB(l.expiry_date, INTERVAL p.sell_by_margin_days DAY)";

// "SELECT 3 AS store_id, DATE('2026-12-04') AS today UNION ALL ...": each
// store of the read with its own business day. Ids are numbers and days
// are formatted here, never client text.
std::string StoreDaysTable(const std::vector<StoreDay>& stores) {
  std::string sql;
  for (const auto& store : stores) {
    if (!sql.empty()) sql += " UNION ALL ";
    sql += "SELECT " + std::to_string(store.store_id) + " AS store_id, DATE('" +
           store.today + "') AS today";
  }
  return sql;
}

}  // namespace

std::vector<StoreDay> StoresInScope(soci::session& s,
                                    const std::string& store_code,
                                    long long after_store_id,
                                    domain::TimeMicros now) {
  std::vector<StoreDay> stores;
  auto add = [&](long long id, std::string code, std::string currency,
                 const std::string& zone) {
    stores.push_back({id, std::move(code), std::move(currency),
                      domain::DayInZone(now, zone)});
  };
  if (!store_code.empty()) {
    const StoreRow store = RequireStoreRow(s, store_code);
    if (store.id >= after_store_id) {
      add(store.id, store.code, store.currency_code, store.time_zone);
    }
    return stores;
  }
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, code, currency_code, time_zone FROM stores "
                    "WHERE id >= :a ORDER BY id",
       soci::use(after_store_id));
  for (const auto& r : rows) {
    add(GetInt64(r, 0), GetString(r, 1), GetString(r, 2), GetString(r, 3));
  }
  return stores;
}

std::vector<domain::LotFacts> ReadExpiringLots(
    soci::session& s, const StoreDay& store, int within_days, bool expired,
    const std::string& after_day, long long after_lot, long long limit) {
  const std::string range = expired ? kSellableUntil + " < :t3"
                                    : kSellableUntil + " >= :t3 AND " +
                                          kSellableUntil +
                                          " <= DATE_ADD(:t4, INTERVAL :w DAY)";
  const std::string sql =
      "SELECT l.id, p.sku, p.display_name, l.lot_code, "
      "DATE_FORMAT(l.expiry_date, '%Y-%m-%d'), p.sell_by_margin_days, "
      "l.quantity_milli, COALESCE(b.average_unit_cost_minor, 0), "
      "CAST(COALESCE((SELECT SUM(d.sold_milli - d.returned_milli - "
      "d.voided_milli) FROM daily_demand d WHERE d.store_id = l.store_id AND "
      "d.product_id = l.product_id AND d.business_day >= DATE_SUB(:t1, "
      "INTERVAL " +
      std::to_string(domain::kExpiryDemandDays) +
      " DAY) AND d.business_day < :t2), 0) AS SIGNED), COALESCE(sus.code, "
      "suc.code, ''), CAST(COALESCE((SELECT SUM(e.quantity_milli) FROM "
      "stock_lots e WHERE e.store_id = l.store_id AND e.product_id = "
      "l.product_id AND e.quantity_milli > 0 AND e.expiry_date IS NOT NULL "
      "AND DATE_SUB(e.expiry_date, INTERVAL p.sell_by_margin_days DAY) >= "
      ":t5 AND (e.expiry_date < l.expiry_date OR (e.expiry_date = "
      "l.expiry_date AND e.id < l.id))), 0) AS SIGNED) FROM stock_lots l "
      "JOIN products p ON p.id = l.product_id LEFT JOIN stock_balances b ON "
      "b.store_id = l.store_id "
      "AND b.product_id = l.product_id LEFT JOIN product_store_settings pss "
      "ON pss.store_id = l.store_id AND pss.product_id = l.product_id LEFT "
      "JOIN suppliers sus ON sus.id = pss.preferred_supplier_id LEFT JOIN "
      "suppliers suc ON suc.id = p.preferred_supplier_id WHERE l.store_id = "
      ":s AND l.expiry_date IS NOT NULL AND l.quantity_milli > 0 AND " +
      range + " AND (" + kSellableUntil + " > :ad OR (" + kSellableUntil +
      " = :ad2 AND l.id > :al)) ORDER BY " + kSellableUntil +
      ", l.id LIMIT :lim";
  const std::string first_day = after_day.empty() ? "1000-01-01" : after_day;
  auto read = [&](const soci::row& r) {
    domain::LotFacts f;
    f.store_id = store.store_id;
    f.lot_id = GetInt64(r, 0);
    f.store_code = store.code;
    f.sku = GetString(r, 1);
    f.display_name = GetString(r, 2);
    f.lot_code = GetString(r, 3);
    f.expiry_date = GetString(r, 4);
    f.sell_by_margin_days = static_cast<int>(GetInt64(r, 5));
    f.quantity_milli = GetInt64(r, 6);
    f.unit_cost_minor = GetInt64(r, 7);
    f.currency_code = store.currency_code;
    f.window_demand_milli = GetInt64(r, 8);
    f.supplier_code = GetString(r, 9);
    f.earlier_lots_milli = GetInt64(r, 10);
    f.as_of_day = store.today;
    return f;
  };
  long long store_id = store.store_id;
  long long within = within_days;
  std::vector<domain::LotFacts> out;
  // Bound in the order the placeholders appear.
  soci::details::prepare_temp_type prepared = (s.prepare << sql);
  prepared, soci::use(store.today), soci::use(store.today),
      soci::use(store.today), soci::use(store_id), soci::use(store.today);
  if (!expired) prepared, soci::use(store.today), soci::use(within);
  prepared, soci::use(first_day), soci::use(first_day), soci::use(after_lot),
      soci::use(limit);
  soci::rowset<soci::row> rows(prepared);
  for (const auto& r : rows) out.push_back(read(r));
  return out;
}

std::vector<domain::StockFacts> ReadSlowMovers(
    soci::session& s, const std::vector<StoreDay>& stores,
    const domain::SlowMoversQuery& query, const std::string& after_value,
    long long after_store, long long after_product, long long limit) {
  if (stores.empty()) return {};
  const std::string value_key =
      "(CAST(b.on_hand_milli AS DECIMAL(38, 0)) * b.average_unit_cost_minor)";
  const std::string keyset =
      after_value.empty()
          ? std::string("1 = 1")
          : value_key + " < CAST(:v1 AS DECIMAL(38, 0)) OR (" + value_key +
                " = CAST(:v2 AS DECIMAL(38, 0)) AND (b.store_id > :as1 OR "
                "(b.store_id = :as2 AND b.product_id > :ap)))";
  // AverageDailyMilli of the window's net demand (halves up; none below 0).
  const std::string per_day_1 =
      "FLOOR((2 * GREATEST(x.net, 0) + :w2) / (2 * :w3))";
  const std::string per_day_2 =
      "FLOOR((2 * GREATEST(x.net, 0) + :w4) / (2 * :w5))";
  const std::string sql =
      "SELECT x.store_id, x.product_id, x.store_code, x.sku, x.display_name, "
      "x.on_hand_milli, x.average_unit_cost_minor, x.currency_code, x.net, "
      "IFNULL(DATE_FORMAT(x.last_sale, '%Y-%m-%d'), ''), "
      "DATE_FORMAT(x.today, '%Y-%m-%d') FROM (SELECT b.store_id, "
      "b.product_id, st.code AS store_code, p.sku, p.display_name, "
      "b.on_hand_milli, b.average_unit_cost_minor, st.currency_code, "
      "CAST(COALESCE(SUM(IF(d.business_day < t.today AND d.business_day >= "
      "DATE_SUB(t.today, INTERVAL :w1 DAY), d.sold_milli - d.returned_milli "
      "- d.voided_milli, 0)), 0) AS SIGNED) AS net, MAX(IF(d.sold_milli > 0, "
      "d.business_day, NULL)) AS last_sale, t.today AS today, " +
      value_key + " AS value_key FROM (" + StoreDaysTable(stores) +
      ") t JOIN stock_balances b ON b.store_id = t.store_id JOIN stores st "
      "ON st.id = b.store_id JOIN products p ON p.id = b.product_id LEFT JOIN "
      "daily_demand d ON d.store_id = b.store_id AND d.product_id = "
      "b.product_id AND d.business_day >= DATE_SUB(t.today, INTERVAL :lb "
      "DAY) AND d.business_day <= t.today WHERE b.on_hand_milli > 0 AND (" +
      keyset +
      ") GROUP BY b.store_id, b.product_id, st.code, p.sku, p.display_name, "
      "b.on_hand_milli, b.average_unit_cost_minor, st.currency_code, "
      "t.today) x WHERE x.last_sale IS NULL OR x.last_sale <= "
      "DATE_SUB(x.today, INTERVAL :idle DAY) OR (" +
      per_day_1 + " > 0 AND x.on_hand_milli DIV " + per_day_2 +
      " > :cover) ORDER BY x.value_key DESC, x.store_id, x.product_id LIMIT "
      ":lim";
  long long window = query.window_days;
  long long lookback = std::max(query.window_days, query.idle_days);
  long long idle = query.idle_days;
  long long cover = query.cover_days;
  // Bound in the order the placeholders appear.
  soci::details::prepare_temp_type prepared = (s.prepare << sql);
  prepared, soci::use(window), soci::use(lookback);
  if (!after_value.empty()) {
    prepared, soci::use(after_value), soci::use(after_value),
        soci::use(after_store), soci::use(after_store),
        soci::use(after_product);
  }
  prepared, soci::use(idle), soci::use(window), soci::use(window),
      soci::use(window), soci::use(window), soci::use(cover), soci::use(limit);
  std::vector<domain::StockFacts> out;
  soci::rowset<soci::row> rows(prepared);
  for (const auto& r : rows) {
    domain::StockFacts f;
    f.store_id = GetInt64(r, 0);
    f.product_id = GetInt64(r, 1);
    f.store_code = GetString(r, 2);
    f.sku = GetString(r, 3);
    f.display_name = GetString(r, 4);
    f.on_hand_milli = GetInt64(r, 5);
    f.unit_cost_minor = GetInt64(r, 6);
    f.currency_code = GetString(r, 7);
    f.window_demand_milli = GetInt64(r, 8);
    f.last_sale_day = GetString(r, 9);
    f.as_of_day = GetString(r, 10);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace backoffice::storage
