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
  // The lots in range with, per product, what the lots FEFO sells before
  // each one hold (earlier expiry, then lower id; all of them are in range
  // too, since they are sellable today and until earlier). The window runs
  // before the page's keyset, so a page sees the lots of earlier pages.
  const std::string lots =
      "SELECT l.id, l.store_id, l.product_id, l.lot_code, l.expiry_date, "
      "l.quantity_milli, " +
      kSellableUntil +
      " AS until, p.sku, p.display_name, p.sell_by_margin_days, "
      "p.preferred_supplier_id, COALESCE(SUM(l.quantity_milli) OVER "
      "(PARTITION BY l.product_id ORDER BY l.expiry_date, l.id ROWS BETWEEN "
      "UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS earlier FROM stock_lots l "
      "JOIN products p ON p.id = l.product_id WHERE l.store_id = :s AND "
      "l.expiry_date IS NOT NULL AND l.quantity_milli > 0 AND " +
      range;
  const std::string sql =
      "SELECT w.id, w.sku, w.display_name, w.lot_code, "
      "DATE_FORMAT(w.expiry_date, '%Y-%m-%d'), w.sell_by_margin_days, "
      "w.quantity_milli, COALESCE(b.average_unit_cost_minor, 0), "
      "CAST(COALESCE((SELECT SUM(d.sold_milli - d.returned_milli - "
      "d.voided_milli) FROM daily_demand d WHERE d.store_id = w.store_id AND "
      "d.product_id = w.product_id AND d.business_day >= DATE_SUB(:t1, "
      "INTERVAL " +
      std::to_string(domain::kExpiryDemandDays) +
      " DAY) AND d.business_day < :t2), 0) AS SIGNED), COALESCE(sus.code, "
      "suc.code, ''), CAST(w.earlier AS SIGNED) FROM (" +
      lots +
      ") w LEFT JOIN stock_balances b ON b.store_id = w.store_id AND "
      "b.product_id = w.product_id LEFT JOIN product_store_settings pss ON "
      "pss.store_id = w.store_id AND pss.product_id = w.product_id LEFT JOIN "
      "suppliers sus ON sus.id = pss.preferred_supplier_id LEFT JOIN "
      "suppliers suc ON suc.id = w.preferred_supplier_id WHERE (w.until > "
      ":ad OR (w.until = :ad2 AND w.id > :al)) ORDER BY w.until, w.id LIMIT "
      ":lim";
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
  prepared, soci::use(store.today), soci::use(store.today), soci::use(store_id),
      soci::use(store.today);
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
  const std::string net = "GREATEST(COALESCE(dd.net, 0), 0)";
  const std::string per_day_1 = "FLOOR((2 * " + net + " + :w2) / (2 * :w3))";
  const std::string per_day_2 = "FLOOR((2 * " + net + " + :w4) / (2 * :w5))";
  // The demand of the stores' products is summed once per (store,
  // product) in a derived table, then joined to the balances.
  const std::string days = StoreDaysTable(stores);
  const std::string sql =
      "SELECT b.store_id, b.product_id, st.code, p.sku, p.display_name, "
      "b.on_hand_milli, b.average_unit_cost_minor, st.currency_code, "
      "CAST(COALESCE(dd.net, 0) AS SIGNED), IFNULL(DATE_FORMAT(dd.last_sale, "
      "'%Y-%m-%d'), ''), DATE_FORMAT(t.today, '%Y-%m-%d') FROM (" +
      days +
      ") t JOIN stock_balances b ON b.store_id = t.store_id JOIN stores st "
      "ON st.id = b.store_id JOIN products p ON p.id = b.product_id LEFT "
      "JOIN (SELECT d.store_id, d.product_id, SUM(IF(d.business_day < "
      "t2.today AND d.business_day >= DATE_SUB(t2.today, INTERVAL :w1 DAY), "
      "d.sold_milli - d.returned_milli - d.voided_milli, 0)) AS net, "
      "MAX(IF(d.sold_milli > 0, d.business_day, NULL)) AS last_sale FROM (" +
      days +
      ") t2 JOIN daily_demand d ON d.store_id = t2.store_id AND "
      "d.business_day >= DATE_SUB(t2.today, INTERVAL :lb DAY) AND "
      "d.business_day <= t2.today GROUP BY d.store_id, d.product_id) dd ON "
      "dd.store_id = b.store_id AND dd.product_id = b.product_id WHERE "
      "b.on_hand_milli > 0 AND (" +
      keyset +
      ") AND (dd.last_sale IS NULL OR dd.last_sale <= DATE_SUB(t.today, "
      "INTERVAL :idle DAY) OR (" +
      per_day_1 + " > 0 AND b.on_hand_milli DIV " + per_day_2 +
      " > :cover)) ORDER BY " + value_key +
      " DESC, b.store_id, b.product_id LIMIT :lim";
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
