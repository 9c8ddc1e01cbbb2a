// Lots, expiry and cost: the pure rules every posting and every read of
// stock share. Quantities are thousandths of a unit; costs are minor units
// per whole unit, before VAT; days are "YYYY-MM-DD".
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_LOTS_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_LOTS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace backoffice::domain {

// The last day a lot may be sold: its expiry minus the product's sell-by
// margin. Empty when the lot has no expiry (sellable for ever). The one
// rule of what is sellable: FEFO, near-expiry lists and counts all call it.
std::string SellableUntil(const std::string& expiry_date,
                          int sell_by_margin_days);
// Whether a lot may be sold on `day`: it has no expiry, or `day` is on or
// before its sellable-until day.
bool IsSellableOn(const std::string& expiry_date, int sell_by_margin_days,
                  const std::string& day);

// A lot as FEFO sees it: its id, expiry ("" none), quantity, and whether it
// is the unknown lot.
struct LotStock {
  std::int64_t lot_id = 0;
  std::string expiry_date;
  std::int64_t quantity_milli = 0;
  bool unknown = false;
};

struct LotTake {
  std::int64_t lot_id = 0;
  std::int64_t quantity_milli = 0;  // Positive: taken from the lot.
};

// Takes `quantity_milli` (positive) from `lots` first-expiry-first-out on
// `day`: sellable lots with an expiry by expiry (then id), then lots
// without one by id (the unknown lot among them when it holds stock).
// Expired lots and empty lots are skipped. What the lots cannot cover is
// taken from the unknown lot (`unknown_lot_id`), which may go negative: a
// sale is never refused. `lots` is updated, so several lines in a row see
// each other.
std::vector<LotTake> TakeFirstExpiryFirstOut(std::vector<LotStock>& lots,
                                             std::int64_t quantity_milli,
                                             int sell_by_margin_days,
                                             const std::string& day,
                                             std::int64_t unknown_lot_id);

// The moving-average unit cost after receiving `received_milli` at
// `unit_cost_minor` onto `on_hand_milli` valued at `average_cost_minor`.
// The stated rule: when the stock on hand is zero or negative, it carries
// no value to average with (what was sold below zero was already costed at
// the average of its day), so the receipt's cost becomes the average.
// Otherwise the weighted mean, rounded half up to the minor unit.
std::int64_t MovingAverageCost(std::int64_t on_hand_milli,
                               std::int64_t average_cost_minor,
                               std::int64_t received_milli,
                               std::int64_t unit_cost_minor);

// The cost of `quantity_milli` at `unit_cost_minor`, rounded half up.
std::int64_t CostOfQuantity(std::int64_t quantity_milli,
                            std::int64_t unit_cost_minor);

// VAT at `rate_basis_points` on `cost_minor`, rounded half up: what a
// receipt adds to its payable and a supplier return to its credit note.
std::int64_t TaxOfCost(std::int64_t cost_minor, std::int32_t rate_basis_points);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_LOTS_H_
