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

void ToProto(const domain::AdjustmentRequest& d,
             v1::StockAdjustmentRequest* p) {
  p->set_store_code(d.store_code);
  p->set_adjustment_id(d.adjustment_id);
  p->set_sku(d.sku);
  p->set_quantity_delta_milli(d.quantity_delta_milli);
  // domain::AdjustmentReason keeps the wire numbering.
  p->set_reason(static_cast<v1::AdjustmentReason>(static_cast<int>(d.reason)));
  p->set_note(d.note);
  ToProto(domain::Money{d.currency_code, d.value_minor}, p->mutable_value());
  switch (d.state) {
    case domain::AdjustmentRequestState::kPendingApproval:
      p->set_state(v1::STOCK_ADJUSTMENT_REQUEST_STATE_PENDING_APPROVAL);
      break;
    case domain::AdjustmentRequestState::kPosted:
      p->set_state(v1::STOCK_ADJUSTMENT_REQUEST_STATE_POSTED);
      break;
    case domain::AdjustmentRequestState::kRejected:
      p->set_state(v1::STOCK_ADJUSTMENT_REQUEST_STATE_REJECTED);
      break;
    default:
      p->set_state(v1::STOCK_ADJUSTMENT_REQUEST_STATE_UNSPECIFIED);
  }
  p->set_requested_by(d.requested_by);
  p->set_decided_by(d.decided_by);
  p->set_decision_reason(d.decision_reason);
  SetTimestamp(d.create_time, p->mutable_create_time());
  if (d.decide_time != 0) SetTimestamp(d.decide_time, p->mutable_decide_time());
}

void ToProto(const domain::InventorySettings& d, v1::InventorySettings* p) {
  p->set_store_code(d.store_code);
  ToProto(domain::Money{d.currency_code, d.write_off_approval_threshold_minor},
          p->mutable_write_off_approval_threshold());
  ToProto(domain::Money{d.currency_code, d.count_approval_threshold_minor},
          p->mutable_count_approval_threshold());
  ToProto(domain::Money{d.currency_code, d.count_head_office_threshold_minor},
          p->mutable_count_head_office_threshold());
}

domain::InventorySettings FromProto(const v1::InventorySettings& p) {
  domain::InventorySettings d;
  d.store_code = p.store_code();
  d.currency_code = p.write_off_approval_threshold().currency_code();
  d.write_off_approval_threshold_minor =
      p.write_off_approval_threshold().minor_units();
  d.count_approval_threshold_minor = p.count_approval_threshold().minor_units();
  d.count_head_office_threshold_minor =
      p.count_head_office_threshold().minor_units();
  return d;
}

domain::AdjustmentRequestState FromProto(v1::StockAdjustmentRequestState s) {
  switch (s) {
    case v1::STOCK_ADJUSTMENT_REQUEST_STATE_PENDING_APPROVAL:
      return domain::AdjustmentRequestState::kPendingApproval;
    case v1::STOCK_ADJUSTMENT_REQUEST_STATE_POSTED:
      return domain::AdjustmentRequestState::kPosted;
    case v1::STOCK_ADJUSTMENT_REQUEST_STATE_REJECTED:
      return domain::AdjustmentRequestState::kRejected;
    default:
      return domain::AdjustmentRequestState::kUnspecified;
  }
}

}  // namespace backoffice::transport
