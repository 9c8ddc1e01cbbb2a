#include "purchasing/storage/replenishment_reads.h"

#include <map>
#include <string>

#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {

using domain::PurchasingSettings;
using domain::ReplenishmentItem;

domain::ReplenishmentData LoadReplenishmentData(
    soci::session& s, long long store_id, const std::string& store_time_zone,
    const domain::PurchasingSettings& settings,
    const domain::WindowOf& window_of, domain::DemandWindow* window_out) {
  domain::ReplenishmentData data;
  data.settings = settings;
  data.store_time_zone = store_time_zone;
  auto window = window_of(settings, store_time_zone);
  if (!window.ok()) Fail(window.status());
  *window_out = *window;
  struct ProductRow {
    long long id;
    domain::ReplenishmentProduct product;
  };
  auto products = QueryAll(
      s,
      "SELECT p.id, p.sku, p.display_name, p.shelf_life_days, "
      "p.sell_by_margin_days, COALESCE(ps.code, ''), COALESCE(ss.code, ''), "
      "COALESCE(pss.reorder_point_milli, 0), "
      "COALESCE(pss.max_quantity_milli, 0), COALESCE(b.on_hand_milli, 0) "
      "FROM products p LEFT JOIN product_store_settings pss ON pss.store_id "
      "= :s1 AND pss.product_id = p.id LEFT JOIN suppliers ps ON ps.id = "
      "p.preferred_supplier_id LEFT JOIN suppliers ss ON ss.id = "
      "pss.preferred_supplier_id LEFT JOIN stock_balances b ON b.store_id = "
      ":s2 AND b.product_id = p.id WHERE p.active = 1 AND EXISTS (SELECT 1 "
      "FROM supplier_items i WHERE i.product_id = p.id AND i.active = 1) "
      "ORDER BY p.sku",
      +[](const soci::row& r) {
        ProductRow row;
        row.id = GetInt64(r, 0);
        auto& p = row.product;
        p.sku = GetString(r, 1);
        p.display_name = GetString(r, 2);
        p.shelf_life_days = static_cast<int>(GetInt64(r, 3));
        p.sell_by_margin_days = static_cast<int>(GetInt64(r, 4));
        p.product_preferred_supplier = GetString(r, 5);
        p.store_preferred_supplier = GetString(r, 6);
        p.reorder_point_milli = GetInt64(r, 7);
        p.max_quantity_milli = GetInt64(r, 8);
        p.on_hand_milli = GetInt64(r, 9);
        return row;
      },
      store_id, store_id);
  std::map<long long, std::size_t> index;
  data.products.reserve(products.size());
  for (auto& row : products) {
    index[row.id] = data.products.size();
    data.products.push_back(std::move(row.product));
  }
  struct ItemOfProduct {
    long long product_id;
    ReplenishmentItem item;
  };
  for (auto& row : QueryAll(
           s,
           "SELECT i.product_id, su.code, i.pack_size_milli, "
           "i.min_order_quantity_milli, i.unit_cost_minor, "
           "i.cost_currency_code, i.tax_rate_basis_points, i.lead_time_days "
           "FROM supplier_items i JOIN suppliers su ON su.id = i.supplier_id "
           "WHERE i.active = 1 AND su.active = 1 ORDER BY i.product_id, "
           "su.code",
           +[](const soci::row& r) {
             ItemOfProduct row;
             row.product_id = GetInt64(r, 0);
             row.item.supplier_code = GetString(r, 1);
             row.item.pack_size_milli = GetInt64(r, 2);
             row.item.min_order_quantity_milli = GetInt64(r, 3);
             row.item.unit_cost_minor = GetInt64(r, 4);
             row.item.cost_currency_code = GetString(r, 5);
             row.item.tax_rate_basis_points =
                 static_cast<std::int32_t>(GetInt64(r, 6));
             row.item.lead_time_days =
                 static_cast<std::int32_t>(GetInt64(r, 7));
             return row;
           })) {
    auto found = index.find(row.product_id);
    if (found != index.end()) {
      data.products[found->second].items.push_back(std::move(row.item));
    }
  }
  struct OnOrder {
    long long product_id, draft, approved;
  };
  for (const auto& row : QueryAll(
           s,
           std::string(
               "SELECT l.product_id, SUM(IF(o.state IN ('DRAFT', "
               "'SUBMITTED'), GREATEST(l.quantity_milli - l.received_milli - "
               "l.rejected_milli, 0), 0)), SUM(IF(o.state IN ('APPROVED', "
               "'SENT', 'PARTIALLY_RECEIVED'), GREATEST(l.quantity_milli - "
               "l.received_milli - l.rejected_milli, 0), 0)) FROM "
               "purchase_orders o JOIN purchase_order_lines l ON l.order_pk = "
               "o.id WHERE o.store_id = :s AND o.state IN ") +
               kOpenOrderStates + " GROUP BY l.product_id",
           +[](const soci::row& r) {
             return OnOrder{GetInt64(r, 0), GetInt64(r, 1), GetInt64(r, 2)};
           },
           store_id)) {
    auto found = index.find(row.product_id);
    if (found != index.end()) {
      data.products[found->second].on_order_draft_milli = row.draft;
      data.products[found->second].on_order_approved_milli = row.approved;
    }
  }
  // Goods other stores sent here that are still on their way: they arrive
  // without an order. A difference left open after the receipt is not
  // counted: what did not arrive is not expected any more.
  struct InTransit {
    long long product_id, quantity;
  };
  for (const auto& row : QueryAll(
           s,
           "SELECT l.product_id, SUM(l.quantity_milli - l.received_milli - "
           "l.resolved_milli) FROM stock_transfers t JOIN "
           "stock_transfer_lines l ON l.transfer_pk = t.id WHERE "
           "t.to_store_id = :s AND t.state = 'IN_TRANSIT' GROUP BY "
           "l.product_id",
           +[](const soci::row& r) {
             return InTransit{GetInt64(r, 0), GetInt64(r, 1)};
           },
           store_id)) {
    auto found = index.find(row.product_id);
    if (found != index.end()) {
      data.products[found->second].in_transit_milli = row.quantity;
    }
  }
  data.demand_days = QueryAll(
      s,
      "SELECT p.sku, DATE_FORMAT(d.business_day, '%Y-%m-%d'), d.sold_milli, "
      "d.returned_milli, d.voided_milli FROM daily_demand d JOIN products p "
      "ON p.id = d.product_id WHERE d.store_id = :s AND d.business_day "
      "BETWEEN :a AND :b",
      +[](const soci::row& r) {
        domain::DemandDay d;
        d.sku = GetString(r, 0);
        d.business_day = GetString(r, 1);
        d.sold_milli = GetInt64(r, 2);
        d.returned_milli = GetInt64(r, 3);
        d.voided_milli = GetInt64(r, 4);
        return d;
      },
      store_id, window->start_day, window->end_day);
  return data;
}

}  // namespace backoffice::storage
