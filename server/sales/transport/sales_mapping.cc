#include "sales/transport/sales_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {
namespace {

domain::TenderType FromProto(v1::TenderType t) {
  switch (t) {
    case v1::TENDER_TYPE_CASH:
      return domain::TenderType::kCash;
    case v1::TENDER_TYPE_CARD:
      return domain::TenderType::kCard;
    case v1::TENDER_TYPE_QRIS:
      return domain::TenderType::kQris;
    case v1::TENDER_TYPE_EWALLET:
      return domain::TenderType::kEwallet;
    case v1::TENDER_TYPE_STORE_CREDIT:
      return domain::TenderType::kStoreCredit;
    default:
      return domain::TenderType::kUnspecified;
  }
}

v1::TenderType ToProto(domain::TenderType t) {
  switch (t) {
    case domain::TenderType::kCash:
      return v1::TENDER_TYPE_CASH;
    case domain::TenderType::kCard:
      return v1::TENDER_TYPE_CARD;
    case domain::TenderType::kQris:
      return v1::TENDER_TYPE_QRIS;
    case domain::TenderType::kEwallet:
      return v1::TENDER_TYPE_EWALLET;
    case domain::TenderType::kStoreCredit:
      return v1::TENDER_TYPE_STORE_CREDIT;
    case domain::TenderType::kUnspecified:
      break;
  }
  return v1::TENDER_TYPE_UNSPECIFIED;
}

}  // namespace

domain::Sale FromProto(const v1::Sale& p) {
  domain::Sale d;
  d.sale_id = p.sale_id();
  d.store_code = p.store_code();
  d.terminal_code = p.terminal_code();
  d.cashier = p.cashier();
  d.receipt_number = p.receipt_number();
  d.sale_time = p.has_sale_time() ? FromProto(p.sale_time()) : 0;
  d.lines.reserve(p.lines_size());
  for (const auto& l : p.lines()) {
    domain::SaleLine line;
    line.line_number = l.line_number();
    line.sku = l.sku();
    line.barcode = l.barcode();
    line.quantity_milli = l.quantity_milli();
    line.unit_price_minor = l.unit_price_minor();
    line.amount_minor = l.amount_minor();
    line.discount_minor = l.discount_minor();
    line.tax_rate_basis_points = l.tax_rate_basis_points();
    line.tax_minor = l.tax_minor();
    d.lines.push_back(std::move(line));
  }
  for (const auto& t : p.tenders()) {
    domain::Tender tender;
    tender.type = FromProto(t.type());
    tender.amount_minor = t.amount_minor();
    tender.change_minor = t.change_minor();
    tender.customer_code = t.customer_code();
    tender.reference = t.reference();
    tender.authorization_id = t.authorization_id();
    d.tenders.push_back(std::move(tender));
  }
  return d;
}

void ToProto(const domain::Sale& d, v1::Sale* p) {
  p->set_sale_id(d.sale_id);
  p->set_store_code(d.store_code);
  p->set_terminal_code(d.terminal_code);
  p->set_cashier(d.cashier);
  p->set_receipt_number(d.receipt_number);
  SetTimestamp(d.sale_time, p->mutable_sale_time());
  for (const auto& l : d.lines) {
    auto* line = p->add_lines();
    line->set_line_number(l.line_number);
    line->set_sku(l.sku);
    line->set_barcode(l.barcode);
    line->set_quantity_milli(l.quantity_milli);
    line->set_unit_price_minor(l.unit_price_minor);
    line->set_amount_minor(l.amount_minor);
    line->set_discount_minor(l.discount_minor);
    line->set_tax_rate_basis_points(l.tax_rate_basis_points);
    line->set_tax_minor(l.tax_minor);
  }
  for (const auto& t : d.tenders) {
    auto* tender = p->add_tenders();
    tender->set_type(ToProto(t.type));
    tender->set_amount_minor(t.amount_minor);
    tender->set_change_minor(t.change_minor);
    tender->set_customer_code(t.customer_code);
    tender->set_reference(t.reference);
    tender->set_authorization_id(t.authorization_id);
  }
  SetTimestamp(d.record_time, p->mutable_record_time());
  p->set_business_day(d.business_day);
  p->set_total_minor(d.total_minor);
  p->set_currency_code(d.currency_code);
  for (const auto& e : d.exceptions) {
    auto* out = p->add_exceptions();
    out->set_kind(e.kind);
    out->set_line_number(e.line_number);
  }
  p->set_state(d.state == domain::SaleState::kVoided ? v1::SALE_STATE_VOIDED
                                                     : v1::SALE_STATE_RECORDED);
}

void ToProto(const domain::SaleOutcome& d, v1::SaleResult* p) {
  p->set_sale_id(d.sale.sale_id);
  p->set_recorded(d.status.ok());
  p->set_replayed(d.replayed);
  if (!d.status.ok()) {
    p->set_error_code(static_cast<int>(d.status.code()));
    p->set_reason(d.status.reason());
    p->set_message(d.status.message());
  }
}

domain::SaleReturn FromProto(const v1::SaleReturn& p) {
  domain::SaleReturn d;
  d.return_id = p.return_id();
  d.store_code = p.store_code();
  d.terminal_code = p.terminal_code();
  d.cashier = p.cashier();
  d.sale_id = p.sale_id();
  d.return_time = p.has_return_time() ? FromProto(p.return_time()) : 0;
  for (const auto& l : p.lines()) {
    d.lines.push_back(domain::ReturnLine{l.sale_line_number(),
                                         l.quantity_milli(), l.damaged(), 0});
  }
  d.refund_tender_type = FromProto(p.refund_tender_type());
  return d;
}

void ToProto(const domain::SaleReturn& d, v1::SaleReturn* p) {
  p->set_return_id(d.return_id);
  p->set_store_code(d.store_code);
  p->set_terminal_code(d.terminal_code);
  p->set_cashier(d.cashier);
  p->set_sale_id(d.sale_id);
  SetTimestamp(d.return_time, p->mutable_return_time());
  for (const auto& l : d.lines) {
    auto* line = p->add_lines();
    line->set_sale_line_number(l.sale_line_number);
    line->set_quantity_milli(l.quantity_milli);
    line->set_damaged(l.damaged);
    line->set_refund_minor(l.refund_minor);
  }
  p->set_refund_tender_type(ToProto(d.refund_tender_type));
  p->set_refund_total_minor(d.refund_total_minor);
  p->set_currency_code(d.currency_code);
  SetTimestamp(d.record_time, p->mutable_record_time());
}

}  // namespace backoffice::transport
