#include "purchasing/domain/replenishment.h"

#include <algorithm>
#include <map>

#include "purchasing/domain/demand.h"
#include "purchasing/domain/purchase_order_rules.h"

namespace backoffice::domain {
namespace {

__extension__ typedef __int128 Int128;

// W x days / D rounded up (W >= 0, D > 0, days >= 0).
std::int64_t CoverUp(std::int64_t window_demand, int days, int window_days) {
  const Int128 n = static_cast<Int128>(window_demand) * days;
  return static_cast<std::int64_t>((n + window_days - 1) / window_days);
}

std::int64_t CoverDown(std::int64_t window_demand, int days, int window_days) {
  if (days <= 0) return 0;
  const Int128 n = static_cast<Int128>(window_demand) * days;
  return static_cast<std::int64_t>(n / window_days);
}

}  // namespace

const char* SupplierRuleName(SupplierRule rule) {
  switch (rule) {
    case SupplierRule::kStorePreferred:
      return "STORE_PREFERRED";
    case SupplierRule::kProductPreferred:
      return "PRODUCT_PREFERRED";
    case SupplierRule::kOnlySupplier:
      return "ONLY_SUPPLIER";
    case SupplierRule::kCheapestSupplier:
      return "CHEAPEST_SUPPLIER";
  }
  return "UNKNOWN";
}

std::optional<ChosenSupplier> ChooseSupplier(const ReplenishmentProduct& p,
                                             const std::string& currency) {
  std::vector<const ReplenishmentItem*> usable;
  for (const auto& item : p.items) {
    if (item.cost_currency_code == currency && item.pack_size_milli > 0) {
      usable.push_back(&item);
    }
  }
  if (usable.empty()) return std::nullopt;
  for (const auto* item : usable) {
    if (!p.store_preferred_supplier.empty() &&
        item->supplier_code == p.store_preferred_supplier) {
      return ChosenSupplier{item, SupplierRule::kStorePreferred};
    }
  }
  for (const auto* item : usable) {
    if (!p.product_preferred_supplier.empty() &&
        item->supplier_code == p.product_preferred_supplier) {
      return ChosenSupplier{item, SupplierRule::kProductPreferred};
    }
  }
  if (usable.size() == 1) {
    return ChosenSupplier{usable.front(), SupplierRule::kOnlySupplier};
  }
  const ReplenishmentItem* best = usable.front();
  for (const auto* item : usable) {
    if (item->unit_cost_minor < best->unit_cost_minor ||
        (item->unit_cost_minor == best->unit_cost_minor &&
         item->supplier_code < best->supplier_code)) {
      best = item;
    }
  }
  return ChosenSupplier{best, SupplierRule::kCheapestSupplier};
}

SuggestionLine SuggestLine(const ReplenishmentProduct& product,
                           const ChosenSupplier& supplier,
                           const ProductDemand& demand, int review_period_days,
                           bool* triggered) {
  const ReplenishmentItem& item = *supplier.item;
  SuggestionLine line;
  line.sku = product.sku;
  line.display_name = product.display_name;
  line.supplier_code = item.supplier_code;
  line.supplier_rule = supplier.rule;
  line.on_hand_milli = product.on_hand_milli;
  line.on_order_approved_milli = product.on_order_approved_milli;
  line.on_order_draft_milli = product.on_order_draft_milli;
  line.in_transit_milli = product.in_transit_milli;
  line.projected_milli =
      product.on_hand_milli + product.on_order_approved_milli +
      product.on_order_draft_milli + product.in_transit_milli;
  const int days = demand.days_in_window > 0 ? demand.days_in_window : 1;
  const std::int64_t w =
      demand.net_quantity_milli > 0 ? demand.net_quantity_milli : 0;
  line.window_demand_milli = w;
  line.window_days = days;
  line.demand_per_day_milli = AverageDailyMilli(w, days);
  line.lead_time_days = item.lead_time_days;
  line.review_period_days = review_period_days;
  const int lead = item.lead_time_days;
  const int review = review_period_days;
  line.trigger_is_reorder_point = product.reorder_point_milli > 0;
  line.trigger_milli = line.trigger_is_reorder_point
                           ? product.reorder_point_milli
                           : CoverUp(w, lead + review, days);
  line.target_is_max_quantity = product.max_quantity_milli > 0;
  // Without a maximum: cover for lead time + 2 review periods, and at
  // least a review period above the trigger, so that an order lifts the
  // stock clear of a reorder point set above the demand's cover.
  line.target_milli =
      line.target_is_max_quantity
          ? product.max_quantity_milli
          : std::max(CoverUp(w, lead + 2 * review, days),
                     line.trigger_milli + CoverUp(w, review, days));
  line.pack_size_milli = item.pack_size_milli;
  line.min_order_quantity_milli = item.min_order_quantity_milli;
  line.unit_cost_minor = item.unit_cost_minor;
  line.tax_rate_basis_points = item.tax_rate_basis_points;
  *triggered = line.projected_milli <= line.trigger_milli;

  const std::string u = " ";
  std::string text =
      "on hand " + FormatMilli(line.on_hand_milli) + " + on order " +
      FormatMilli(line.on_order_approved_milli + line.on_order_draft_milli) +
      " (approved " + FormatMilli(line.on_order_approved_milli) +
      ", draft/submitted " + FormatMilli(line.on_order_draft_milli) + ")" +
      (line.in_transit_milli != 0
           ? " + in transit " + FormatMilli(line.in_transit_milli)
           : std::string()) +
      " = projected " + FormatMilli(line.projected_milli) + "; demand " +
      FormatMilli(w) + " over " + std::to_string(days) + " days (" +
      FormatMilli(line.demand_per_day_milli) + "/day); trigger " +
      FormatMilli(line.trigger_milli) +
      (line.trigger_is_reorder_point
           ? " (reorder point)"
           : " (cover for " + std::to_string(lead) + "+" +
                 std::to_string(review) + " days)");
  if (!*triggered) {
    line.explanation = text + "; projected is above the trigger: nothing";
    return line;
  }
  line.need_milli = line.target_milli - line.projected_milli;
  if (line.need_milli < 0) line.need_milli = 0;
  text += "; target " + FormatMilli(line.target_milli) +
          (line.target_is_max_quantity
               ? " (max)"
               : " (cover for " + std::to_string(lead) + "+2x" +
                     std::to_string(review) + " days, at least the trigger + " +
                     std::to_string(review) + " days)") +
          "; need " + FormatMilli(line.need_milli);
  const std::int64_t pack = item.pack_size_milli;
  const std::int64_t minimum = RoundUpTo(item.min_order_quantity_milli, pack);
  if (line.need_milli > 0) {
    line.rounded_milli = RoundUpTo(line.need_milli, pack);
    text += " -> " + std::to_string(line.rounded_milli / pack) + " packs of " +
            FormatMilli(pack) + " = " + FormatMilli(line.rounded_milli);
    if (line.rounded_milli < minimum) {
      line.rounded_milli = minimum;
      text += ", raised to the minimum " + FormatMilli(minimum);
    }
  }
  line.suggested_milli = line.rounded_milli;
  // The shelf-life cap needs a rate of sale. Without one (a new product,
  // or none sold in the window) it would be 0 and the product would never
  // be ordered, so never sold: the configured levels decide alone.
  if (product.shelf_life_days > 0 && line.rounded_milli > 0 && w <= 0) {
    text += "; no demand in the window: shelf-life cap not applied";
  }
  if (product.shelf_life_days > 0 && line.rounded_milli > 0 && w > 0) {
    const int sellable =
        lead + product.shelf_life_days - product.sell_by_margin_days;
    const std::int64_t raw =
        CoverDown(w, sellable, days) - line.projected_milli;
    line.expiry_cap_milli = RoundDownTo(raw, pack);
    text += "; sellable within " + std::to_string(sellable) + " days: cap " +
            FormatMilli(line.expiry_cap_milli);
    if (line.expiry_cap_milli < line.rounded_milli) {
      line.cap_binds = true;
      if (line.expiry_cap_milli < minimum || line.expiry_cap_milli == 0) {
        line.suggested_milli = 0;
        line.zero_reason = "EXPIRY_CAP_BELOW_MINIMUM";
        text +=
            " is below the minimum " + FormatMilli(minimum) + ": order nothing";
      } else {
        line.suggested_milli = line.expiry_cap_milli;
        text += " binds";
      }
    }
  }
  line.line_cost_minor =
      LineCostMinor(line.suggested_milli, item.unit_cost_minor);
  line.line_tax_minor =
      TaxMinor(line.line_cost_minor, item.tax_rate_basis_points);
  text += "; order " + FormatMilli(line.suggested_milli) + " at " +
          std::to_string(item.unit_cost_minor) + " = " +
          std::to_string(line.line_cost_minor);
  line.explanation = text;
  return line;
}

std::vector<SupplierSuggestion> SuggestForStore(
    const ReplenishmentData& data, const DemandWindow& window,
    const std::string& store_code, const std::string& supplier_code) {
  std::map<std::string, ProductDemand> demand_by_sku;
  for (auto& d : SummarizeDemandBySku(data.demand_days, window)) {
    demand_by_sku.emplace(d.sku, d);
  }
  std::map<std::string, SupplierSuggestion> groups;
  for (const auto& product : data.products) {
    auto chosen = ChooseSupplier(product, data.settings.currency_code);
    if (!chosen) continue;
    if (!supplier_code.empty() &&
        chosen->item->supplier_code != supplier_code) {
      continue;
    }
    ProductDemand demand;
    auto found = demand_by_sku.find(product.sku);
    if (found != demand_by_sku.end()) {
      demand = found->second;
    } else {
      demand.sku = product.sku;
    }
    demand.days_in_window = window.days;
    bool triggered = false;
    SuggestionLine line = SuggestLine(
        product, *chosen, demand, data.settings.review_period_days, &triggered);
    if (!triggered) continue;
    if (line.suggested_milli == 0 && line.zero_reason.empty()) continue;
    SupplierSuggestion& group = groups[line.supplier_code];
    group.store_code = store_code;
    group.supplier_code = line.supplier_code;
    group.currency_code = data.settings.currency_code;
    group.total_cost_minor += line.line_cost_minor;
    group.total_tax_minor += line.line_tax_minor;
    group.lines.push_back(std::move(line));
  }
  std::vector<SupplierSuggestion> out;
  for (auto& [code, group] : groups) out.push_back(std::move(group));
  return out;
}

}  // namespace backoffice::domain
