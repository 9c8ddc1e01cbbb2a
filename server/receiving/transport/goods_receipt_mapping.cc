#include "receiving/transport/goods_receipt_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {
namespace {

void SetMoney(const std::string& currency, std::int64_t minor, v1::Money* p) {
  ToProto(domain::Money{currency, minor}, p);
}

}  // namespace

domain::NewGoodsReceipt FromProto(const v1::CreateGoodsReceiptRequest& p) {
  domain::NewGoodsReceipt r;
  r.store_code = p.store_code();
  r.receipt_id = p.receipt_id();
  r.order_id = p.order_id();
  r.supplier_code = p.supplier_code();
  r.supplier_document = p.supplier_document();
  r.note = p.note();
  r.request_approval = p.request_approval();
  for (const auto& l : p.lines()) {
    domain::ReceiptLineInput line;
    line.sku = l.sku();
    line.received_milli = l.received_milli();
    line.rejected_milli = l.rejected_milli();
    // Unknown numbers are kept as such, so that validation refuses them.
    line.reject_reason = static_cast<domain::RejectReason>(l.reject_reason());
    line.lot_code = l.lot_code();
    line.expiry_date = l.expiry_date();
    if (l.has_unit_cost()) {
      line.unit_cost_minor = l.unit_cost().minor_units();
      line.unit_cost_currency = l.unit_cost().currency_code();
    }
    r.lines.push_back(std::move(line));
  }
  return r;
}

void ToProto(const domain::GoodsReceipt& r, v1::GoodsReceipt* p) {
  p->set_store_code(r.store_code);
  p->set_receipt_id(r.receipt_id);
  p->set_supplier_code(r.supplier_code);
  p->set_order_id(r.order_id);
  p->set_state(static_cast<v1::GoodsReceiptState>(static_cast<int>(r.state)));
  p->set_approval_reason(static_cast<v1::ReceiptApprovalReason>(
      static_cast<int>(r.approval_reason)));
  p->set_supplier_document(r.supplier_document);
  p->set_note(r.note);
  for (const auto& l : r.lines) {
    auto* line = p->add_lines();
    line->set_line_number(l.line_number);
    line->set_sku(l.sku);
    line->set_order_line_number(l.order_line_number);
    line->set_received_milli(l.received_milli);
    line->set_rejected_milli(l.rejected_milli);
    line->set_reject_reason(
        static_cast<v1::RejectReason>(static_cast<int>(l.reject_reason)));
    line->set_lot_code(l.lot_code);
    line->set_expiry_date(l.expiry_date);
    SetMoney(r.currency_code, l.unit_cost_minor, line->mutable_unit_cost());
    if (l.ordered_unit_cost_minor) {
      SetMoney(r.currency_code, *l.ordered_unit_cost_minor,
               line->mutable_ordered_unit_cost());
    }
    line->set_cost_differs(l.cost_differs());
    line->set_tax_rate_basis_points(l.tax_rate_basis_points);
    SetMoney(r.currency_code, l.line_cost_minor, line->mutable_line_cost());
    SetMoney(r.currency_code, l.line_tax_minor, line->mutable_line_tax());
  }
  SetMoney(r.currency_code, r.total_cost_minor, p->mutable_total_cost());
  SetMoney(r.currency_code, r.total_tax_minor, p->mutable_total_tax());
  SetMoney(r.currency_code, r.total_cost_minor + r.total_tax_minor,
           p->mutable_payable_amount());
  p->set_payable_due_date(r.payable_due_date);
  SetMoney(r.currency_code, r.cost_variance_minor, p->mutable_cost_variance());
  p->set_received_by(r.received_by);
  p->set_decided_by(r.decided_by);
  p->set_decision_reason(r.decision_reason);
  p->set_business_day(r.business_day);
  SetTimestamp(r.create_time, p->mutable_create_time());
  if (r.post_time != 0) SetTimestamp(r.post_time, p->mutable_post_time());
}

domain::ReceiptState FromProto(v1::GoodsReceiptState state) {
  return static_cast<domain::ReceiptState>(static_cast<int>(state));
}

}  // namespace backoffice::transport
