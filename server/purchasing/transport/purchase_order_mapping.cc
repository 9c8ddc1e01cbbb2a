#include "purchasing/transport/purchase_order_mapping.h"

#include "core/transport/common_mapping.h"
#include "purchasing/domain/replenishment.h"

namespace backoffice::transport {
namespace {

void SetMoney(const std::string& currency, std::int64_t minor, v1::Money* p) {
  ToProto(domain::Money{currency, minor}, p);
}

}  // namespace

void ToProto(const domain::PurchasingSettings& s, v1::PurchasingSettings* p) {
  p->set_store_code(s.store_code);
  if (s.approval_limit_minor) {
    SetMoney(s.currency_code, *s.approval_limit_minor,
             p->mutable_approval_limit());
  }
  p->set_review_period_days(s.review_period_days);
  p->set_demand_window_days(s.demand_window_days);
  p->set_receipt_tolerance_basis_points(s.receipt_tolerance_basis_points);
  SetTimestamp(s.update_time, p->mutable_update_time());
}

domain::PurchasingSettings FromProto(const v1::PurchasingSettings& p) {
  domain::PurchasingSettings s;
  s.store_code = p.store_code();
  if (p.has_approval_limit()) {
    s.approval_limit_minor = p.approval_limit().minor_units();
  }
  s.review_period_days = p.review_period_days();
  s.demand_window_days = p.demand_window_days();
  s.receipt_tolerance_basis_points = p.receipt_tolerance_basis_points();
  return s;
}

v1::PurchaseOrderState ToProto(domain::PurchaseOrderState state) {
  return static_cast<v1::PurchaseOrderState>(static_cast<int>(state));
}

domain::PurchaseOrderState FromProto(v1::PurchaseOrderState state) {
  const int n = static_cast<int>(state);
  if (n < 0 || n > 8) return domain::PurchaseOrderState::kUnspecified;
  return static_cast<domain::PurchaseOrderState>(n);
}

void ToProto(const domain::PurchaseOrder& o, v1::PurchaseOrder* p) {
  p->set_store_code(o.store_code);
  p->set_order_id(o.order_id);
  p->set_supplier_code(o.supplier_code);
  p->set_state(ToProto(o.state));
  p->set_etag(std::to_string(o.version));
  for (const auto& l : o.lines) {
    auto* line = p->add_lines();
    line->set_line_number(l.line_number);
    line->set_sku(l.sku);
    line->set_quantity_milli(l.quantity_milli);
    line->set_pack_size_milli(l.pack_size_milli);
    SetMoney(o.currency_code, l.unit_cost_minor, line->mutable_unit_cost());
    line->set_tax_rate_basis_points(l.tax_rate_basis_points);
    SetMoney(o.currency_code, l.line_cost_minor, line->mutable_line_cost());
    SetMoney(o.currency_code, l.line_tax_minor, line->mutable_line_tax());
    line->set_received_milli(l.received_milli);
    line->set_rejected_milli(l.rejected_milli);
  }
  SetMoney(o.currency_code, o.total_cost_minor, p->mutable_total_cost());
  SetMoney(o.currency_code, o.total_tax_minor, p->mutable_total_tax());
  SetMoney(o.currency_code, o.total_cost_minor + o.total_tax_minor,
           p->mutable_total_with_tax());
  p->set_created_by(o.created_by);
  p->set_last_changed_by(o.last_changed_by);
  p->set_submitted_by(o.submitted_by);
  p->set_approved_by(o.approved_by);
  SetTimestamp(o.approve_time, p->mutable_approve_time());
  SetTimestamp(o.send_time, p->mutable_send_time());
  p->set_state_reason(o.state_reason);
  p->set_expected_date(o.expected_date);
  SetTimestamp(o.create_time, p->mutable_create_time());
  SetTimestamp(o.update_time, p->mutable_update_time());
}

void ToProto(const domain::SupplierSuggestion& g, v1::SupplierSuggestion* p) {
  p->set_store_code(g.store_code);
  p->set_supplier_code(g.supplier_code);
  for (const auto& l : g.lines) {
    auto* line = p->add_lines();
    line->set_sku(l.sku);
    line->set_display_name(l.display_name);
    line->set_supplier_rule(domain::SupplierRuleName(l.supplier_rule));
    line->set_on_hand_milli(l.on_hand_milli);
    line->set_on_order_approved_milli(l.on_order_approved_milli);
    line->set_on_order_draft_milli(l.on_order_draft_milli);
    line->set_in_transit_milli(l.in_transit_milli);
    line->set_projected_milli(l.projected_milli);
    line->set_window_demand_milli(l.window_demand_milli);
    line->set_window_days(l.window_days);
    line->set_demand_per_day_milli(l.demand_per_day_milli);
    line->set_lead_time_days(l.lead_time_days);
    line->set_review_period_days(l.review_period_days);
    line->set_trigger_milli(l.trigger_milli);
    line->set_trigger_is_reorder_point(l.trigger_is_reorder_point);
    line->set_target_milli(l.target_milli);
    line->set_target_is_max_quantity(l.target_is_max_quantity);
    line->set_need_milli(l.need_milli);
    line->set_pack_size_milli(l.pack_size_milli);
    line->set_min_order_quantity_milli(l.min_order_quantity_milli);
    line->set_rounded_milli(l.rounded_milli);
    line->set_expiry_cap_milli(l.expiry_cap_milli);
    line->set_cap_binds(l.cap_binds);
    line->set_suggested_milli(l.suggested_milli);
    SetMoney(g.currency_code, l.unit_cost_minor, line->mutable_unit_cost());
    SetMoney(g.currency_code, l.line_cost_minor, line->mutable_line_cost());
    SetMoney(g.currency_code, l.line_tax_minor, line->mutable_line_tax());
    line->set_explanation(l.explanation);
    line->set_zero_reason(l.zero_reason);
  }
  SetMoney(g.currency_code, g.total_cost_minor, p->mutable_total_cost());
  SetMoney(g.currency_code, g.total_tax_minor, p->mutable_total_tax());
}

std::vector<domain::OrderLineInput> FromProto(
    const google::protobuf::RepeatedPtrField<v1::PurchaseOrderLineInput>& p) {
  std::vector<domain::OrderLineInput> lines;
  for (const auto& l : p) {
    domain::OrderLineInput line;
    line.sku = l.sku();
    line.quantity_milli = l.quantity_milli();
    if (l.has_unit_cost()) {
      line.unit_cost_minor = l.unit_cost().minor_units();
      line.unit_cost_currency = l.unit_cost().currency_code();
    }
    lines.push_back(line);
  }
  return lines;
}

}  // namespace backoffice::transport
