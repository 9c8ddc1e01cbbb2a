#include "stockcontrol/domain/stock_control_rules.h"

#include <absl/time/civil_time.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "core/domain/enum_names.h"
#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"
#include "inventory/domain/lots.h"
#include "purchasing/domain/demand.h"

namespace backoffice::domain {
namespace {

__extension__ typedef __int128 Int128;

absl::CivilDay ParseDay(const std::string& day) {
  absl::CivilDay parsed;
  absl::ParseCivilTime(day, &parsed);
  return parsed;
}

constexpr NamePair kReturnStates[] = {
    {static_cast<int>(SupplierReturnState::kDraft), "DRAFT"},
    {static_cast<int>(SupplierReturnState::kApproved), "APPROVED"},
    {static_cast<int>(SupplierReturnState::kShipped), "SHIPPED"},
    {static_cast<int>(SupplierReturnState::kRejected), "REJECTED"}};
constexpr NamePair kSettlements[] = {
    {static_cast<int>(ReturnSettlement::kCreditNote), "CREDIT_NOTE"},
    {static_cast<int>(ReturnSettlement::kExchange), "EXCHANGE"}};
constexpr NamePair kReasons[] = {
    {static_cast<int>(ReturnReason::kExpired), "EXPIRED"},
    {static_cast<int>(ReturnReason::kNearExpiry), "NEAR_EXPIRY"},
    {static_cast<int>(ReturnReason::kDamaged), "DAMAGED"},
    {static_cast<int>(ReturnReason::kSlowMoving), "SLOW_MOVING"},
    {static_cast<int>(ReturnReason::kRecall), "RECALL"}};

constexpr std::int64_t kMaxReturnQuantityMilli = 1'000'000'000'000;

Status LineError(std::size_t index, Status status) {
  return status.WithMetadata("line_number", std::to_string(index + 1));
}

}  // namespace

int DaysBetween(const std::string& from, const std::string& to) {
  return static_cast<int>(ParseDay(to) - ParseDay(from));
}

ExpiringLot JudgeExpiringLot(const LotFacts& lot) {
  ExpiringLot out;
  out.facts = lot;
  out.sellable_until = SellableUntil(lot.expiry_date, lot.sell_by_margin_days);
  out.days_left = DaysBetween(lot.as_of_day, out.sellable_until);
  out.value_minor = CostOfQuantity(lot.quantity_milli, lot.unit_cost_minor);
  out.demand_per_day_milli = AverageDailyMilli(
      std::max<std::int64_t>(lot.window_demand_milli, 0), kExpiryDemandDays);
  if (out.days_left < 0) {
    out.expected_sales_milli = 0;
    out.excess_milli = lot.quantity_milli;
    out.action = lot.supplier_code.empty() ? ExpiryAction::kWriteOff
                                           : ExpiryAction::kReturnToSupplier;
    return out;
  }
  // Today is a selling day too: days_left + 1 days of demand, of which
  // the lots FEFO sells first take their share.
  const Int128 expected =
      static_cast<Int128>(out.demand_per_day_milli) * (out.days_left + 1) -
      std::max<std::int64_t>(lot.earlier_lots_milli, 0);
  out.expected_sales_milli = static_cast<std::int64_t>(
      std::clamp<Int128>(expected, 0, lot.quantity_milli));
  out.excess_milli = lot.quantity_milli - out.expected_sales_milli;
  out.action = out.excess_milli == 0 ? ExpiryAction::kSellFirst
                                     : ExpiryAction::kDiscount;
  return out;
}

std::optional<SlowMover> JudgeSlowMover(const StockFacts& stock,
                                        const SlowMoversQuery& query) {
  if (stock.on_hand_milli <= 0) return std::nullopt;
  SlowMover out;
  out.facts = stock;
  out.value_minor = CostOfQuantity(stock.on_hand_milli, stock.unit_cost_minor);
  out.demand_per_day_milli = AverageDailyMilli(
      std::max<std::int64_t>(stock.window_demand_milli, 0), query.window_days);
  if (out.demand_per_day_milli > 0) {
    out.cover_days = static_cast<int>(std::min<std::int64_t>(
        stock.on_hand_milli / out.demand_per_day_milli, 1'000'000));
  }
  // No sale on any of the last `idle_days` days up to today.
  const bool idle =
      stock.last_sale_day.empty() ||
      DaysBetween(stock.last_sale_day, stock.as_of_day) >= query.idle_days;
  if (idle) {
    out.reason = SlowMoverReason::kNoSales;
  } else if (out.demand_per_day_milli > 0 &&
             out.cover_days > query.cover_days) {
    out.reason = SlowMoverReason::kCoverExceeded;
  } else {
    return std::nullopt;
  }
  return out;
}

Status ValidateExpiringLotsQuery(const ExpiringLotsQuery& query) {
  if (!query.store_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("store_code", query.store_code));
  }
  if (query.within_days < 1 || query.within_days > 365) {
    return InvalidField("within_days", "must be 1-365");
  }
  return Status();
}

Status ValidateSlowMoversQuery(const SlowMoversQuery& query) {
  if (!query.store_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("store_code", query.store_code));
  }
  if (query.cover_days < 1 || query.cover_days > 3650) {
    return InvalidField("cover_days", "must be 1-3650");
  }
  if (query.idle_days < 1 || query.idle_days > 3650) {
    return InvalidField("idle_days", "must be 1-3650");
  }
  if (query.window_days < 1 || query.window_days > 365) {
    return InvalidField("window_days", "must be 1-365");
  }
  return Status();
}

const char* SupplierReturnStateName(SupplierReturnState state) {
  return NameOf(state, kReturnStates);
}
SupplierReturnState SupplierReturnStateFromName(const std::string& name) {
  return ValueOf<SupplierReturnState>(name, kReturnStates);
}
const char* ReturnSettlementName(ReturnSettlement settlement) {
  return NameOf(settlement, kSettlements);
}
ReturnSettlement ReturnSettlementFromName(const std::string& name) {
  return ValueOf<ReturnSettlement>(name, kSettlements);
}
const char* ReturnReasonName(ReturnReason reason) {
  return NameOf(reason, kReasons);
}
ReturnReason ReturnReasonFromName(const std::string& name) {
  return ValueOf<ReturnReason>(name, kReasons);
}

Status ValidateNewSupplierReturn(const NewSupplierReturn& r) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", r.store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("return_id", r.return_id));
  BO_RETURN_IF_ERROR(ValidateCode("supplier_code", r.supplier_code));
  BO_RETURN_IF_ERROR(ValidateOptionalText("note", r.note, 500));
  if (r.lines.empty() || r.lines.size() > 500) {
    return InvalidField("lines", "must hold 1-500 lots");
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const auto& line = r.lines[i];
    if (Status s = ValidateCode("lines.sku", line.sku); !s.ok()) {
      return LineError(i, s);
    }
    if (Status s = ValidateOptionalText("lines.lot_code", line.lot_code, 64);
        !s.ok()) {
      return LineError(i, s);
    }
    if (!line.expiry_date.empty()) {
      if (Status s = ValidateDay("lines.expiry_date", line.expiry_date);
          !s.ok()) {
        return LineError(i, s);
      }
    }
    if (line.quantity_milli <= 0 ||
        line.quantity_milli > kMaxReturnQuantityMilli) {
      return LineError(i, InvalidField("lines.quantity_milli",
                                       "must be above zero and at most "
                                       "10^12"));
    }
    if (line.reason == ReturnReason::kUnspecified) {
      return LineError(i, InvalidField("lines.reason", "say why it goes back"));
    }
    // A missing expiry is stored as the last day: the same lot.
    const std::string expiry_key =
        line.expiry_date.empty() ? "9999-12-31" : line.expiry_date;
    if (!seen.insert({line.sku, line.lot_code, expiry_key}).second) {
      return LineError(i, InvalidField("lines", "names " + line.sku + " lot '" +
                                                    line.lot_code + "' twice"));
    }
  }
  return Status();
}

std::string SupplierReturnFingerprint(const NewSupplierReturn& r) {
  FingerprintBuilder f("supplier_return/v1");
  f.Add(r.store_code)
      .Add(r.supplier_code)
      .Add(static_cast<std::int64_t>(r.settlement))
      .Add(r.note)
      .Add(static_cast<std::int64_t>(r.lines.size()));
  for (const auto& line : r.lines) {
    f.Add(line.sku)
        .Add(line.lot_code)
        .Add(line.expiry_date)
        .Add(line.quantity_milli)
        .Add(static_cast<std::int64_t>(line.reason));
  }
  return f.Finish();
}

Status CheckReturnStep(const SupplierReturn& r, ReturnStep step,
                       const Principal& principal) {
  const char* state = SupplierReturnStateName(r.state);
  auto conflict = [&](const std::string& wanted) {
    return FailedPrecondition(
               "RETURN_STATE_CONFLICT",
               "return " + r.return_id + " is " + state + "; " + wanted)
        .WithMetadata("state", state);
  };
  if (step == ReturnStep::kShip) {
    if (r.state != SupplierReturnState::kApproved) {
      return conflict("only an approved return ships");
    }
    return Status();
  }
  if (step == ReturnStep::kApprove && r.state != SupplierReturnState::kDraft) {
    return conflict("only a draft is approved");
  }
  if (step == ReturnStep::kReject && r.state != SupplierReturnState::kDraft &&
      r.state != SupplierReturnState::kApproved) {
    return conflict("only a draft or an approved return is rejected");
  }
  if (!IsManagerOrAbove(principal.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "a store manager or head office decides");
  }
  if (r.created_by == FormatTokenId(principal.token_id)) {
    return PermissionDenied(
        "SELF_APPROVAL_FORBIDDEN",
        "a second person decides: the maker may not approve or reject");
  }
  return Status();
}

}  // namespace backoffice::domain
