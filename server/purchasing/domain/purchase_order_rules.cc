#include "purchasing/domain/purchase_order_rules.h"

#include <absl/time/civil_time.h>
#include <absl/time/time.h>

#include <set>

#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"

namespace backoffice::domain {
namespace {

__extension__ typedef __int128 Int128;

std::int64_t DivideHalfUp(Int128 numerator, std::int64_t divisor) {
  return static_cast<std::int64_t>((numerator + divisor / 2) / divisor);
}

Status InvalidTransition(const PurchaseOrder& order, OrderAction action) {
  return FailedPrecondition("INVALID_STATE_TRANSITION",
                            std::string("cannot ") + OrderActionName(action) +
                                " order " + order.order_id + " in state " +
                                PurchaseOrderStateName(order.state))
      .WithMetadata("state", PurchaseOrderStateName(order.state));
}

Status CheckReason(const std::string& reason, bool required) {
  if (required && reason.empty()) {
    return InvalidArgument("REASON_REQUIRED", "a reason is required");
  }
  return ValidateOptionalText("reason", reason, kMaxStateReasonLength);
}

}  // namespace

const char* PurchaseOrderStateName(PurchaseOrderState state) {
  switch (state) {
    case PurchaseOrderState::kDraft:
      return "DRAFT";
    case PurchaseOrderState::kSubmitted:
      return "SUBMITTED";
    case PurchaseOrderState::kApproved:
      return "APPROVED";
    case PurchaseOrderState::kSent:
      return "SENT";
    case PurchaseOrderState::kPartiallyReceived:
      return "PARTIALLY_RECEIVED";
    case PurchaseOrderState::kReceived:
      return "RECEIVED";
    case PurchaseOrderState::kClosedShort:
      return "CLOSED_SHORT";
    case PurchaseOrderState::kCancelled:
      return "CANCELLED";
    case PurchaseOrderState::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

PurchaseOrderState PurchaseOrderStateFromName(const std::string& name) {
  for (int i = 1; i <= 8; ++i) {
    auto state = static_cast<PurchaseOrderState>(i);
    if (name == PurchaseOrderStateName(state)) return state;
  }
  return PurchaseOrderState::kUnspecified;
}

const char* OrderActionName(OrderAction action) {
  switch (action) {
    case OrderAction::kSubmit:
      return "submit";
    case OrderAction::kApprove:
      return "approve";
    case OrderAction::kReject:
      return "reject";
    case OrderAction::kSend:
      return "send";
    case OrderAction::kCancel:
      return "cancel";
    case OrderAction::kClose:
      return "close";
  }
  return "change";
}

std::int64_t LineCostMinor(std::int64_t quantity_milli,
                           std::int64_t unit_cost_minor) {
  return DivideHalfUp(static_cast<Int128>(quantity_milli) * unit_cost_minor,
                      1000);
}

std::int64_t TaxMinor(std::int64_t cost_minor, std::int32_t basis_points) {
  return DivideHalfUp(static_cast<Int128>(cost_minor) * basis_points, 10000);
}

void RecomputeTotals(PurchaseOrder& order) {
  order.total_cost_minor = 0;
  order.total_tax_minor = 0;
  for (auto& line : order.lines) {
    line.line_cost_minor =
        LineCostMinor(line.quantity_milli, line.unit_cost_minor);
    line.line_tax_minor =
        TaxMinor(line.line_cost_minor, line.tax_rate_basis_points);
    order.total_cost_minor += line.line_cost_minor;
    order.total_tax_minor += line.line_tax_minor;
  }
}

std::int64_t RoundUpTo(std::int64_t value, std::int64_t step) {
  if (value <= 0) return 0;
  return (value + step - 1) / step * step;
}

std::int64_t RoundDownTo(std::int64_t value, std::int64_t step) {
  if (value <= 0) return 0;
  return value / step * step;
}

Status CheckLineQuantity(const std::string& sku, std::int64_t quantity_milli,
                         std::int64_t pack_size_milli,
                         std::int64_t min_order_quantity_milli) {
  if (quantity_milli <= 0) {
    return InvalidArgument("INVALID_QUANTITY",
                           "the quantity of " + sku + " must be more than 0")
        .WithMetadata("sku", sku);
  }
  if (pack_size_milli > 0 && quantity_milli % pack_size_milli != 0) {
    return InvalidArgument("QUANTITY_NOT_WHOLE_PACKS",
                           "the quantity of " + sku + " (" +
                               FormatMilli(quantity_milli) +
                               ") is not a whole number of packs of " +
                               FormatMilli(pack_size_milli))
        .WithMetadata("sku", sku);
  }
  if (quantity_milli < min_order_quantity_milli) {
    return InvalidArgument("BELOW_MINIMUM_ORDER_QUANTITY",
                           "the quantity of " + sku + " (" +
                               FormatMilli(quantity_milli) +
                               ") is below the supplier's minimum of " +
                               FormatMilli(min_order_quantity_milli))
        .WithMetadata("sku", sku);
  }
  return Status();
}

Status ValidateLineInputs(const std::vector<OrderLineInput>& lines) {
  if (lines.size() > static_cast<std::size_t>(kMaxOrderLines)) {
    return InvalidArgument("TOO_MANY_LINES",
                           "an order holds at most 1000 lines");
  }
  std::set<std::string> seen;
  for (const auto& line : lines) {
    if (line.sku.empty() || line.sku.size() > kMaxSkuLength) {
      return InvalidField("sku", "must be 1-64 characters");
    }
    if (!seen.insert(line.sku).second) {
      return InvalidArgument("DUPLICATE_LINE",
                             "product " + line.sku + " appears twice")
          .WithMetadata("sku", line.sku);
    }
    if (line.quantity_milli <= 0 || line.quantity_milli > kMaxQuantityMilli) {
      return InvalidArgument("INVALID_QUANTITY",
                             "the quantity of " + line.sku +
                                 " must be more than 0 and at most 1000000 "
                                 "units")
          .WithMetadata("sku", line.sku);
    }
    if (line.unit_cost_minor && (*line.unit_cost_minor < 0 ||
                                 *line.unit_cost_minor > kMaxAmountMinor)) {
      return InvalidArgument("INVALID_UNIT_COST",
                             "the unit cost of " + line.sku + " must be 0 to " +
                                 std::to_string(kMaxAmountMinor))
          .WithMetadata("sku", line.sku);
    }
  }
  return Status();
}

Status AddLinesToOrder(PurchaseOrder& order,
                       const std::vector<OrderLineInput>& inputs,
                       const std::map<std::string, ReplenishmentItem>& items) {
  BO_RETURN_IF_ERROR(ValidateLineInputs(inputs));
  for (const auto& input : inputs) {
    auto item = items.find(input.sku);
    if (item == items.end()) {
      return NotFound("SUPPLIER_ITEM_NOT_FOUND",
                      "supplier " + order.supplier_code +
                          " has no active item for " + input.sku + " in " +
                          order.currency_code)
          .WithMetadata("sku", input.sku);
    }
    PurchaseOrderLine* line = nullptr;
    for (auto& existing : order.lines) {
      if (existing.sku == input.sku) line = &existing;
    }
    if (line == nullptr) {
      PurchaseOrderLine added;
      added.line_number = 1;
      for (const auto& l : order.lines) {
        added.line_number = std::max(added.line_number, l.line_number + 1);
      }
      added.sku = input.sku;
      added.pack_size_milli = item->second.pack_size_milli;
      added.tax_rate_basis_points = item->second.tax_rate_basis_points;
      added.unit_cost_minor = item->second.unit_cost_minor;
      order.lines.push_back(added);
      line = &order.lines.back();
    }
    if (input.unit_cost_minor) {
      if (!input.unit_cost_currency.empty() &&
          input.unit_cost_currency != order.currency_code) {
        return InvalidArgument("CURRENCY_MISMATCH",
                               "the unit cost of " + input.sku + " is in " +
                                   input.unit_cost_currency +
                                   "; the order is in " + order.currency_code)
            .WithMetadata("sku", input.sku);
      }
      line->unit_cost_minor = *input.unit_cost_minor;
    }
    line->quantity_milli += input.quantity_milli;
    // Packs of the item as it is now: a changed pack size applies to the
    // whole line.
    line->pack_size_milli = item->second.pack_size_milli;
    BO_RETURN_IF_ERROR(CheckLineQuantity(
        line->sku, line->quantity_milli, item->second.pack_size_milli,
        item->second.min_order_quantity_milli));
  }
  BO_RETURN_IF_ERROR(CheckOrderSize(order));
  RecomputeTotals(order);
  return Status();
}

Status CheckOrderSize(const PurchaseOrder& order) {
  if (order.lines.size() > static_cast<std::size_t>(kMaxOrderLines)) {
    return InvalidArgument("TOO_MANY_LINES",
                           "an order holds at most 1000 lines");
  }
  // Computed in 128 bits, so that no amount wraps before it is refused.
  Int128 total = 0;
  for (const auto& line : order.lines) {
    if (line.quantity_milli > kMaxQuantityMilli) {
      return InvalidArgument(
                 "INVALID_QUANTITY",
                 "the quantity of " + line.sku + " would exceed 1000000 units")
          .WithMetadata("sku", line.sku);
    }
    const Int128 cost =
        static_cast<Int128>(line.quantity_milli) * line.unit_cost_minor / 1000;
    total += cost + cost * line.tax_rate_basis_points / 10000 + 1;
  }
  if (total > kMaxAmountMinor) {
    return InvalidArgument("ORDER_TOO_LARGE",
                           "order " + order.order_id +
                               " would total more "
                               "than " +
                               std::to_string(kMaxAmountMinor) + " with VAT");
  }
  return Status();
}

std::string FormatEtag(std::int64_t version) { return std::to_string(version); }

Status CheckEtag(const PurchaseOrder& order, const std::string& etag) {
  if (etag.empty()) {
    return InvalidArgument("ETAG_REQUIRED",
                           "send the etag of the order as read");
  }
  if (etag != FormatEtag(order.version)) {
    return Aborted("ETAG_MISMATCH", "order " + order.order_id +
                                        " changed since it was read (etag " +
                                        etag + ", now " +
                                        FormatEtag(order.version) + ")")
        .WithMetadata("etag", FormatEtag(order.version));
  }
  return Status();
}

Status CheckEditable(const PurchaseOrder& order) {
  if (order.state != PurchaseOrderState::kDraft) {
    return FailedPrecondition("ORDER_NOT_DRAFT",
                              "order " + order.order_id + " is " +
                                  PurchaseOrderStateName(order.state) +
                                  "; only a draft changes")
        .WithMetadata("state", PurchaseOrderStateName(order.state));
  }
  return Status();
}

std::string ActorId(const Principal& principal) {
  return FormatTokenId(principal.token_id);
}

Status CheckApprover(const PurchaseOrder& order, const Principal& approver,
                     const std::optional<std::int64_t>& limit_minor) {
  if (!IsManagerOrAbove(approver.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "approving an order needs a store manager or "
                            "above");
  }
  const std::string me = ActorId(approver);
  if (me == order.created_by || me == order.last_changed_by ||
      me == order.submitted_by) {
    return PermissionDenied("SELF_APPROVAL_FORBIDDEN",
                            "whoever created, last changed or submitted "
                            "order " +
                                order.order_id +
                                " cannot approve it; another person must");
  }
  const std::int64_t total = order.total_cost_minor + order.total_tax_minor;
  if (limit_minor && total > *limit_minor && !IsChainWide(approver.role)) {
    return PermissionDenied(
               "APPROVAL_LIMIT_EXCEEDED",
               "order " + order.order_id + " totals " + std::to_string(total) +
                   " with VAT, above the store's approval limit of " +
                   std::to_string(*limit_minor) + "; head office approves it")
        .WithMetadata("limit_minor", std::to_string(*limit_minor));
  }
  return Status();
}

PurchaseOrderState TargetState(OrderAction action) {
  switch (action) {
    case OrderAction::kSubmit:
      return PurchaseOrderState::kSubmitted;
    case OrderAction::kApprove:
      return PurchaseOrderState::kApproved;
    case OrderAction::kReject:
      return PurchaseOrderState::kDraft;
    case OrderAction::kSend:
      return PurchaseOrderState::kSent;
    case OrderAction::kCancel:
      return PurchaseOrderState::kCancelled;
    case OrderAction::kClose:
      return PurchaseOrderState::kClosedShort;
  }
  return PurchaseOrderState::kUnspecified;
}

StatusOr<bool> ApplyTransition(PurchaseOrder& order, OrderAction action,
                               const Principal& actor, const std::string& etag,
                               const std::string& reason,
                               const TransitionFacts& facts, TimeMicros now) {
  using S = PurchaseOrderState;
  const std::string me = ActorId(actor);
  const S target = TargetState(action);
  // A retry of what already happened changes nothing (reject leads back to
  // DRAFT, which is no proof of a rejection: it is never a retry).
  if (action != OrderAction::kReject && order.state == target &&
      (action != OrderAction::kApprove || order.approved_by == me)) {
    return false;
  }
  BO_RETURN_IF_ERROR(CheckEtag(order, etag));
  bool allowed = false;
  switch (action) {
    case OrderAction::kSubmit:
      allowed = order.state == S::kDraft;
      break;
    case OrderAction::kApprove:
    case OrderAction::kReject:
      allowed = order.state == S::kSubmitted;
      break;
    case OrderAction::kSend:
      allowed = order.state == S::kApproved;
      break;
    case OrderAction::kCancel:
      allowed = order.state == S::kDraft || order.state == S::kSubmitted ||
                order.state == S::kApproved || order.state == S::kSent;
      break;
    case OrderAction::kClose:
      allowed = order.state == S::kSent || order.state == S::kPartiallyReceived;
      break;
  }
  if (!allowed) return InvalidTransition(order, action);
  // Moving an order towards the supplier needs the supplier still active;
  // cancelling, rejecting and closing do not.
  if (!facts.supplier_active &&
      (action == OrderAction::kSubmit || action == OrderAction::kApprove ||
       action == OrderAction::kSend)) {
    return FailedPrecondition("SUPPLIER_INACTIVE",
                              "supplier " + order.supplier_code + " of order " +
                                  order.order_id + " is no longer active")
        .WithMetadata("supplier_code", order.supplier_code);
  }
  switch (action) {
    case OrderAction::kSubmit:
      if (order.lines.empty()) {
        return FailedPrecondition(
            "ORDER_HAS_NO_LINES",
            "order " + order.order_id + " has no lines to submit");
      }
      BO_RETURN_IF_ERROR(CheckReason(reason, false));
      // last_changed_by stays the last author of the content: a submitter
      // who changed nothing does not hide who did.
      order.submitted_by = me;
      order.state_reason.clear();
      break;
    case OrderAction::kApprove:
      BO_RETURN_IF_ERROR(
          CheckApprover(order, actor, facts.approval_limit_minor));
      order.approved_by = me;
      order.approved_by_name = actor.display_name;
      order.approve_time = now;
      break;
    case OrderAction::kReject:
      if (!IsManagerOrAbove(actor.role)) {
        return PermissionDenied("ROLE_NOT_ALLOWED",
                                "rejecting an order needs a store manager or "
                                "above");
      }
      BO_RETURN_IF_ERROR(CheckReason(reason, true));
      order.state_reason = reason;
      break;
    case OrderAction::kSend:
      order.send_time = now;
      order.expected_date =
          ExpectedDate(now, facts.store_time_zone, facts.max_lead_time_days);
      break;
    case OrderAction::kCancel: {
      const bool sent = order.state == S::kSent;
      if ((sent || order.state == S::kApproved) &&
          !IsManagerOrAbove(actor.role)) {
        return PermissionDenied("ROLE_NOT_ALLOWED",
                                "cancelling an approved or sent order needs "
                                "a store manager or above");
      }
      BO_RETURN_IF_ERROR(CheckReason(reason, sent));
      order.state_reason = reason;
      break;
    }
    case OrderAction::kClose:
      BO_RETURN_IF_ERROR(CheckReason(reason, true));
      order.state_reason = reason;
      break;
  }
  order.state = target;
  order.version += 1;
  order.update_time = now;
  return true;
}

std::string ExpectedDate(TimeMicros now, const std::string& time_zone,
                         int lead_time_days) {
  absl::TimeZone zone = absl::UTCTimeZone();
  if (!time_zone.empty()) absl::LoadTimeZone(time_zone, &zone);
  const absl::CivilDay today =
      absl::ToCivilDay(absl::FromUnixMicros(now), zone);
  return absl::FormatCivilTime(today + lead_time_days);
}

std::string PurchaseOrderFingerprint(const NewPurchaseOrder& order) {
  FingerprintBuilder f("purchase_order/v1");
  f.Add(order.store_code).Add(order.order_id).Add(order.supplier_code);
  f.Add(static_cast<std::int64_t>(order.lines.size()));
  for (const auto& line : order.lines) {
    f.Add(line.sku).Add(line.quantity_milli);
    f.Add(static_cast<std::int64_t>(line.unit_cost_minor.has_value()));
    f.Add(line.unit_cost_minor.value_or(0)).Add(line.unit_cost_currency);
  }
  return f.Finish();
}

std::string FormatMilli(std::int64_t milli) {
  const bool negative = milli < 0;
  const std::uint64_t magnitude = negative
                                      ? 0 - static_cast<std::uint64_t>(milli)
                                      : static_cast<std::uint64_t>(milli);
  std::string text = std::to_string(magnitude / 1000);
  std::uint64_t fraction = magnitude % 1000;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, 3 - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return negative ? "-" + text : text;
}

}  // namespace backoffice::domain
