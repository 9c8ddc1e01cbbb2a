#include "stockcontrol/transport/stock_control_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {
namespace {

void SetMoney(const std::string& currency, std::int64_t minor, v1::Money* p) {
  ToProto(domain::Money{currency, minor}, p);
}

// The wire enums share the domain's numbering (UNSPECIFIED = 0, then in
// declaration order), checked in the transport tests.
template <typename Wire, typename Domain>
Wire WireOf(Domain value) {
  return static_cast<Wire>(static_cast<int>(value));
}

domain::ReturnReason ReasonFromProto(v1::ReturnReason reason) {
  switch (reason) {
    case v1::RETURN_REASON_EXPIRED:
      return domain::ReturnReason::kExpired;
    case v1::RETURN_REASON_NEAR_EXPIRY:
      return domain::ReturnReason::kNearExpiry;
    case v1::RETURN_REASON_DAMAGED:
      return domain::ReturnReason::kDamaged;
    case v1::RETURN_REASON_SLOW_MOVING:
      return domain::ReturnReason::kSlowMoving;
    case v1::RETURN_REASON_RECALL:
      return domain::ReturnReason::kRecall;
    default:
      return domain::ReturnReason::kUnspecified;
  }
}

}  // namespace

domain::ExpiringLotsQuery FromProto(const v1::ListExpiringLotsRequest& r) {
  domain::ExpiringLotsQuery q;
  q.store_code = r.store_code();
  q.within_days = r.within_days() == 0 ? 7 : r.within_days();
  q.expired = r.expired();
  return q;
}

domain::SlowMoversQuery FromProto(const v1::ListSlowMoversRequest& r) {
  domain::SlowMoversQuery q;
  q.store_code = r.store_code();
  q.cover_days = r.cover_days() == 0 ? 60 : r.cover_days();
  q.idle_days = r.idle_days() == 0 ? 30 : r.idle_days();
  q.window_days = r.window_days() == 0 ? 28 : r.window_days();
  return q;
}

domain::NewSupplierReturn FromProto(const v1::CreateSupplierReturnRequest& r) {
  domain::NewSupplierReturn out;
  out.store_code = r.store_code();
  out.return_id = r.return_id();
  out.supplier_code = r.supplier_code();
  switch (r.settlement()) {
    case v1::RETURN_SETTLEMENT_EXCHANGE:
      out.settlement = domain::ReturnSettlement::kExchange;
      break;
    case v1::RETURN_SETTLEMENT_CREDIT_NOTE:
      out.settlement = domain::ReturnSettlement::kCreditNote;
      break;
    default:
      out.settlement = domain::ReturnSettlement::kUnspecified;
  }
  for (const auto& l : r.lines()) {
    out.lines.push_back({l.sku(), l.lot_code(), l.expiry_date(),
                         l.quantity_milli(), ReasonFromProto(l.reason())});
  }
  out.note = r.note();
  return out;
}

domain::SupplierReturnState FromProto(v1::SupplierReturnState state) {
  switch (state) {
    case v1::SUPPLIER_RETURN_STATE_DRAFT:
      return domain::SupplierReturnState::kDraft;
    case v1::SUPPLIER_RETURN_STATE_APPROVED:
      return domain::SupplierReturnState::kApproved;
    case v1::SUPPLIER_RETURN_STATE_SHIPPED:
      return domain::SupplierReturnState::kShipped;
    case v1::SUPPLIER_RETURN_STATE_REJECTED:
      return domain::SupplierReturnState::kRejected;
    default:
      return domain::SupplierReturnState::kUnspecified;
  }
}

void ToProto(const domain::ExpiringLot& l, v1::ExpiringLot* p) {
  const auto& f = l.facts;
  p->set_store_code(f.store_code);
  p->set_sku(f.sku);
  p->set_display_name(f.display_name);
  p->set_lot_code(f.lot_code);
  p->set_expiry_date(f.expiry_date);
  p->set_sellable_until(l.sellable_until);
  p->set_as_of_day(f.as_of_day);
  p->set_days_left(l.days_left);
  p->set_quantity_milli(f.quantity_milli);
  SetMoney(f.currency_code, f.unit_cost_minor, p->mutable_unit_cost());
  SetMoney(f.currency_code, l.value_minor, p->mutable_value());
  p->set_demand_per_day_milli(l.demand_per_day_milli);
  p->set_expected_sales_milli(l.expected_sales_milli);
  p->set_excess_milli(l.excess_milli);
  p->set_suggested_action(WireOf<v1::ExpiryAction>(l.action));
  p->set_supplier_code(f.supplier_code);
}

void ToProto(const domain::SlowMover& m, v1::SlowMover* p) {
  const auto& f = m.facts;
  p->set_store_code(f.store_code);
  p->set_sku(f.sku);
  p->set_display_name(f.display_name);
  p->set_on_hand_milli(f.on_hand_milli);
  SetMoney(f.currency_code, f.unit_cost_minor, p->mutable_unit_cost());
  SetMoney(f.currency_code, m.value_minor, p->mutable_value());
  p->set_demand_per_day_milli(m.demand_per_day_milli);
  p->set_cover_days(m.cover_days);
  p->set_last_sale_day(f.last_sale_day);
  p->set_reason(WireOf<v1::SlowMoverReason>(m.reason));
  p->set_as_of_day(f.as_of_day);
}

void ToProto(const domain::SupplierReturn& r, v1::SupplierReturn* p) {
  p->set_store_code(r.store_code);
  p->set_return_id(r.return_id);
  p->set_supplier_code(r.supplier_code);
  p->set_state(WireOf<v1::SupplierReturnState>(r.state));
  p->set_settlement(WireOf<v1::ReturnSettlement>(r.settlement));
  p->set_note(r.note);
  for (const auto& l : r.lines) {
    auto* out = p->add_lines();
    out->set_line_number(l.line_number);
    out->set_sku(l.sku);
    out->set_lot_code(l.lot_code);
    out->set_expiry_date(l.expiry_date);
    out->set_quantity_milli(l.quantity_milli);
    out->set_reason(WireOf<v1::ReturnReason>(l.reason));
    out->set_tax_rate_basis_points(l.tax_rate_basis_points);
    if (r.state == domain::SupplierReturnState::kShipped) {
      SetMoney(r.currency_code, l.unit_cost_minor, out->mutable_unit_cost());
      SetMoney(r.currency_code, l.line_cost_minor, out->mutable_line_cost());
      SetMoney(r.currency_code, l.line_tax_minor, out->mutable_line_tax());
    }
  }
  if (r.state == domain::SupplierReturnState::kShipped) {
    SetMoney(r.currency_code, r.total_cost_minor, p->mutable_total_cost());
    SetMoney(r.currency_code, r.total_tax_minor, p->mutable_total_tax());
  }
  p->set_credit_note_document_number(r.credit_note_document_number);
  p->set_created_by(r.created_by);
  p->set_decided_by(r.decided_by);
  p->set_decision_reason(r.decision_reason);
  p->set_shipped_by(r.shipped_by);
  SetTimestamp(r.create_time, p->mutable_create_time());
  if (r.decide_time != 0) SetTimestamp(r.decide_time, p->mutable_decide_time());
  if (r.ship_time != 0) SetTimestamp(r.ship_time, p->mutable_ship_time());
}

}  // namespace backoffice::transport
