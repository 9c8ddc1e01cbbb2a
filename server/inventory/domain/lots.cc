#include "inventory/domain/lots.h"

#include <absl/time/civil_time.h>

#include <algorithm>

namespace backoffice::domain {
namespace {

__extension__ typedef __int128 Int128;

// a / b rounded half up, for a >= 0 and b > 0.
std::int64_t DivideRoundingHalfUp(Int128 a, Int128 b) {
  return static_cast<std::int64_t>((a * 2 + b) / (b * 2));
}

}  // namespace

std::string SellableUntil(const std::string& expiry_date,
                          int sell_by_margin_days) {
  if (expiry_date.empty()) return "";
  absl::CivilDay day;
  if (!absl::ParseCivilTime(expiry_date, &day)) return expiry_date;
  return absl::FormatCivilTime(day - sell_by_margin_days);
}

bool IsSellableOn(const std::string& expiry_date, int sell_by_margin_days,
                  const std::string& day) {
  if (expiry_date.empty()) return true;
  // ISO dates compare as strings.
  return day <= SellableUntil(expiry_date, sell_by_margin_days);
}

std::vector<LotTake> TakeFirstExpiryFirstOut(std::vector<LotStock>& lots,
                                             std::int64_t quantity_milli,
                                             int sell_by_margin_days,
                                             const std::string& day,
                                             std::int64_t unknown_lot_id) {
  std::vector<LotStock*> order;
  for (auto& lot : lots) {
    if (lot.quantity_milli <= 0) continue;
    if (!IsSellableOn(lot.expiry_date, sell_by_margin_days, day)) continue;
    order.push_back(&lot);
  }
  std::sort(order.begin(), order.end(),
            [](const LotStock* a, const LotStock* b) {
              const bool a_expires = !a->expiry_date.empty();
              const bool b_expires = !b->expiry_date.empty();
              if (a_expires != b_expires) return a_expires;
              if (a->expiry_date != b->expiry_date) {
                return a->expiry_date < b->expiry_date;
              }
              return a->lot_id < b->lot_id;
            });
  std::vector<LotTake> takes;
  std::int64_t left = quantity_milli;
  for (LotStock* lot : order) {
    if (left <= 0) break;
    const std::int64_t take = std::min(left, lot->quantity_milli);
    lot->quantity_milli -= take;
    left -= take;
    takes.push_back({lot->lot_id, take});
  }
  if (left > 0) {
    auto unknown = std::find_if(lots.begin(), lots.end(), [&](const auto& l) {
      return l.lot_id == unknown_lot_id;
    });
    if (unknown != lots.end()) unknown->quantity_milli -= left;
    auto same = std::find_if(takes.begin(), takes.end(), [&](const auto& t) {
      return t.lot_id == unknown_lot_id;
    });
    if (same != takes.end()) {
      same->quantity_milli += left;
    } else {
      takes.push_back({unknown_lot_id, left});
    }
  }
  return takes;
}

std::int64_t MovingAverageCost(std::int64_t on_hand_milli,
                               std::int64_t average_cost_minor,
                               std::int64_t received_milli,
                               std::int64_t unit_cost_minor) {
  if (received_milli <= 0) return average_cost_minor;
  if (on_hand_milli <= 0) return unit_cost_minor;
  const Int128 value = static_cast<Int128>(on_hand_milli) * average_cost_minor +
                       static_cast<Int128>(received_milli) * unit_cost_minor;
  return DivideRoundingHalfUp(
      value, static_cast<Int128>(on_hand_milli) + received_milli);
}

std::int64_t CostOfQuantity(std::int64_t quantity_milli,
                            std::int64_t unit_cost_minor) {
  const bool negative = quantity_milli < 0;
  const Int128 magnitude =
      static_cast<Int128>(negative ? -quantity_milli : quantity_milli) *
      unit_cost_minor;
  const std::int64_t cost = DivideRoundingHalfUp(magnitude, 1000);
  return negative ? -cost : cost;
}

std::int64_t TaxOfCost(std::int64_t cost_minor,
                       std::int32_t rate_basis_points) {
  __extension__ typedef __int128 Wide;
  return static_cast<std::int64_t>(
      (static_cast<Wide>(cost_minor) * rate_basis_points * 2 + 10000) / 20000);
}

}  // namespace backoffice::domain
