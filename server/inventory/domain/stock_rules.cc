#include "inventory/domain/stock_rules.h"

#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"

namespace backoffice::domain {

const char* AdjustmentReasonName(AdjustmentReason reason) {
  switch (reason) {
    case AdjustmentReason::kDamage:
      return "DAMAGE";
    case AdjustmentReason::kTheft:
      return "THEFT";
    case AdjustmentReason::kCountCorrection:
      return "COUNT_CORRECTION";
    case AdjustmentReason::kExpiryWriteOff:
      return "EXPIRY_WRITE_OFF";
    case AdjustmentReason::kOther:
      return "OTHER";
    case AdjustmentReason::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

Status ValidateAdjustment(const StockAdjustment& a) {
  if (auto s = ValidateIdempotencyKey("adjustment_id", a.adjustment_id);
      !s.ok())
    return s;
  if (auto s = ValidateCode("store_code", a.store_code); !s.ok()) return s;
  if (a.sku.empty() || a.sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is required, at most 64 characters");
  }
  if (a.quantity_delta_milli == 0 ||
      a.quantity_delta_milli > kMaxQuantityMilli ||
      a.quantity_delta_milli < -kMaxQuantityMilli) {
    return InvalidField("quantity_delta_milli",
                        "must be non-zero, within +-1000000000");
  }
  if (a.reason == AdjustmentReason::kUnspecified) {
    return InvalidField("reason", "is required");
  }
  if (auto s = ValidateOptionalText("note", a.note, 500); !s.ok()) return s;
  if (a.reason == AdjustmentReason::kOther && a.note.empty()) {
    return InvalidField("note", "is required when the reason is OTHER");
  }
  return Status();
}

std::string AdjustmentFingerprint(const StockAdjustment& a) {
  FingerprintBuilder out("adjustment/v1");
  out.Add(a.adjustment_id);
  out.Add(a.store_code);
  out.Add(a.sku);
  out.Add(a.quantity_delta_milli);
  out.Add(static_cast<std::int64_t>(a.reason));
  out.Add(a.note);
  return out.Finish();
}

AdjustmentReason AdjustmentReasonFromName(const std::string& name) {
  for (auto reason :
       {AdjustmentReason::kDamage, AdjustmentReason::kTheft,
        AdjustmentReason::kCountCorrection, AdjustmentReason::kExpiryWriteOff,
        AdjustmentReason::kOther}) {
    if (name == AdjustmentReasonName(reason)) return reason;
  }
  return AdjustmentReason::kUnspecified;
}

const char* AdjustmentRequestStateName(AdjustmentRequestState state) {
  switch (state) {
    case AdjustmentRequestState::kPendingApproval:
      return "PENDING_APPROVAL";
    case AdjustmentRequestState::kPosted:
      return "POSTED";
    case AdjustmentRequestState::kRejected:
      return "REJECTED";
    case AdjustmentRequestState::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

AdjustmentRequestState AdjustmentRequestStateFromName(const std::string& name) {
  for (auto state :
       {AdjustmentRequestState::kPendingApproval,
        AdjustmentRequestState::kPosted, AdjustmentRequestState::kRejected}) {
    if (name == AdjustmentRequestStateName(state)) return state;
  }
  return AdjustmentRequestState::kUnspecified;
}

bool WriteOffNeedsApproval(const Principal& maker, std::int64_t delta_milli,
                           std::int64_t value_minor,
                           std::int64_t threshold_minor, bool cost_known) {
  if (delta_milli >= 0 || IsChainWide(maker.role)) return false;
  if (!cost_known) return true;
  return (value_minor < 0 ? -value_minor : value_minor) > threshold_minor;
}

Status CheckAdjustmentDecider(const AdjustmentRequest& request,
                              const Principal& checker) {
  if (request.state != AdjustmentRequestState::kPendingApproval) {
    return FailedPrecondition("REQUEST_NOT_PENDING",
                              "write-off " + request.adjustment_id + " is " +
                                  AdjustmentRequestStateName(request.state))
        .WithMetadata("state", AdjustmentRequestStateName(request.state));
  }
  if (!IsManagerOrAbove(checker.role)) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            "a store manager or head office decides");
  }
  if (request.requested_by == FormatTokenId(checker.token_id)) {
    return PermissionDenied(
        "SELF_APPROVAL_FORBIDDEN",
        "a second person decides: the maker may not approve or reject");
  }
  return Status();
}

Status ValidateInventorySettings(const InventorySettings& settings) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", settings.store_code));
  if (settings.write_off_approval_threshold_minor < 0 ||
      settings.write_off_approval_threshold_minor > 1'000'000'000'000'000) {
    return InvalidField("write_off_approval_threshold",
                        "must be within 0-10^15");
  }
  if (settings.count_approval_threshold_minor < 0 ||
      settings.count_approval_threshold_minor > 1'000'000'000'000'000) {
    return InvalidField("count_approval_threshold", "must be within 0-10^15");
  }
  if (settings.count_head_office_threshold_minor < 0 ||
      settings.count_head_office_threshold_minor > 1'000'000'000'000'000) {
    return InvalidField("count_head_office_threshold",
                        "must be within 0-10^15");
  }
  if (settings.count_head_office_threshold_minor != 0 &&
      settings.count_head_office_threshold_minor <
          settings.count_approval_threshold_minor) {
    return InvalidField("count_head_office_threshold",
                        "is at least the count approval threshold (or 0)");
  }
  return Status();
}

}  // namespace backoffice::domain
