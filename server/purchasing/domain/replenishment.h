// Replenishment suggestions, pure: which supplier a product is ordered from,
// and how much, with exact integer arithmetic over the rollup's demand.
//
// For one product, with W the net demand of the window (at least 0) over D
// days, L the item's lead time and R the store's review period; every cover
// is W x days / D rounded up to the thousandth, so no rounded average feeds
// the arithmetic:
//   projected = on hand + on order (approved and later, and draft/submitted)
//   trigger   = the reorder point when set, else cover(L + R)
//   target    = the maximum when set, else the larger of cover(L + 2R) and
//               trigger + cover(R)
//   when projected <= trigger: need = target - projected, rounded up to
//   whole packs, then up to the minimum order quantity (itself rounded up to
//   packs);
//   with a shelf life S and sell-by margin M: cap = floor(W x (L + S - M) / D)
//   - projected, rounded down to packs; a cap below the rounded quantity
//   lowers it, and a cap below the minimum suggests 0
//   (EXPIRY_CAP_BELOW_MINIMUM).
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_REPLENISHMENT_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_REPLENISHMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "purchasing/domain/purchase_order_model.h"

namespace backoffice::domain {

struct ChosenSupplier {
  const ReplenishmentItem* item = nullptr;
  SupplierRule rule = SupplierRule::kOnlySupplier;
};

// The store's preferred supplier when it has an item in `currency`, else the
// product's, else the only item, else the cheapest (ties: the lower supplier
// code). Nothing when no item is in `currency`.
std::optional<ChosenSupplier> ChooseSupplier(const ReplenishmentProduct& p,
                                             const std::string& currency);

// The line of one product. `triggered` (out) tells whether projected stock
// is at or below the trigger; a line that is not triggered suggests 0.
SuggestionLine SuggestLine(const ReplenishmentProduct& product,
                           const ChosenSupplier& supplier,
                           const ProductDemand& demand, int review_period_days,
                           bool* triggered);

// A store's suggestions: per supplier (by code), the lines (by SKU) that
// are triggered and suggest something or say why not, with group totals.
// Only suppliers equal to `supplier_code` when it is set.
std::vector<SupplierSuggestion> SuggestForStore(
    const ReplenishmentData& data, const DemandWindow& window,
    const std::string& store_code, const std::string& supplier_code);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_REPLENISHMENT_H_
