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

}  // namespace backoffice::domain
