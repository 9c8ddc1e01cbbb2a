#include "inventory/transport/inventory_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {

// The domain's movement types carry the wire numbers (movement_type.h).
domain::MovementType FromProto(v1::MovementType t) {
  return domain::MovementTypeFromNumber(static_cast<int>(t))
      .value_or(domain::MovementType::kUnspecified);
}

v1::MovementType ToProto(domain::MovementType t) {
  const int number = static_cast<int>(t);
  return v1::MovementType_IsValid(number)
             ? static_cast<v1::MovementType>(number)
             : v1::MOVEMENT_TYPE_UNSPECIFIED;
}

domain::StockAdjustment FromProto(const v1::AdjustStockRequest& p) {
  domain::StockAdjustment d;
  d.adjustment_id = p.adjustment_id();
  d.store_code = p.store_code();
  d.sku = p.sku();
  d.quantity_delta_milli = p.quantity_delta_milli();
  switch (p.reason()) {
    case v1::ADJUSTMENT_REASON_DAMAGE:
      d.reason = domain::AdjustmentReason::kDamage;
      break;
    case v1::ADJUSTMENT_REASON_THEFT:
      d.reason = domain::AdjustmentReason::kTheft;
      break;
    case v1::ADJUSTMENT_REASON_COUNT_CORRECTION:
      d.reason = domain::AdjustmentReason::kCountCorrection;
      break;
    case v1::ADJUSTMENT_REASON_EXPIRY_WRITE_OFF:
      d.reason = domain::AdjustmentReason::kExpiryWriteOff;
      break;
    case v1::ADJUSTMENT_REASON_OTHER:
      d.reason = domain::AdjustmentReason::kOther;
      break;
    default:
      d.reason = domain::AdjustmentReason::kUnspecified;
  }
  d.note = p.note();
  return d;
}

void ToProto(const domain::StockLevel& d, v1::StockLevel* p) {
  p->set_store_code(d.store_code);
  p->set_sku(d.sku);
  p->set_display_name(d.display_name);
  p->set_on_hand_milli(d.on_hand_milli);
  p->set_reorder_point_milli(d.reorder_point_milli);
  p->set_max_quantity_milli(d.max_quantity_milli);
  SetTimestamp(d.last_movement_time, p->mutable_last_movement_time());
}

void ToProto(const domain::StockMovement& d, v1::StockMovement* p) {
  p->set_id(d.id);
  p->set_store_code(d.store_code);
  p->set_sku(d.sku);
  p->set_quantity_milli(d.quantity_milli);
  p->set_type(ToProto(d.type));
  p->set_reason(d.reason);
  p->set_document_id(d.document_id);
  p->set_document_line(d.document_line);
  SetTimestamp(d.business_time, p->mutable_business_time());
  SetTimestamp(d.record_time, p->mutable_record_time());
}

}  // namespace backoffice::transport
