#include "catalog/transport/catalog_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {
domain::Store FromProto(const v1::Store& p) {
  domain::Store d;
  d.code = p.code();
  d.display_name = p.display_name();
  d.time_zone = p.time_zone();
  d.currency_code = p.currency_code();
  return d;
}

void ToProto(const domain::Store& d, v1::Store* p) {
  p->set_code(d.code);
  p->set_display_name(d.display_name);
  p->set_time_zone(d.time_zone);
  p->set_currency_code(d.currency_code);
  SetTimestamp(d.create_time, p->mutable_create_time());
  SetTimestamp(d.update_time, p->mutable_update_time());
}

domain::Terminal FromProto(const v1::Terminal& p) {
  domain::Terminal d;
  d.store_code = p.store_code();
  d.code = p.code();
  d.display_name = p.display_name();
  d.active = p.active();
  return d;
}

void ToProto(const domain::Terminal& d, v1::Terminal* p) {
  p->set_store_code(d.store_code);
  p->set_code(d.code);
  p->set_display_name(d.display_name);
  p->set_active(d.active);
  SetTimestamp(d.create_time, p->mutable_create_time());
  SetTimestamp(d.update_time, p->mutable_update_time());
}

domain::Product FromProto(const v1::Product& p) {
  domain::Product d;
  d.sku = p.sku();
  d.barcodes.assign(p.barcodes().begin(), p.barcodes().end());
  d.display_name = p.display_name();
  d.unit_of_measure = p.unit_of_measure();
  d.sold_by_weight = p.sold_by_weight();
  d.tax_rate_basis_points = p.tax_rate_basis_points();
  d.default_price = FromProto(p.default_price());
  d.active = p.active();
  d.preferred_supplier = p.preferred_supplier();
  d.shelf_life_days = p.shelf_life_days();
  d.sell_by_margin_days = p.sell_by_margin_days();
  return d;
}

void ToProto(const domain::Product& d, v1::Product* p) {
  p->set_sku(d.sku);
  for (const auto& b : d.barcodes) p->add_barcodes(b);
  p->set_display_name(d.display_name);
  p->set_unit_of_measure(d.unit_of_measure);
  p->set_sold_by_weight(d.sold_by_weight);
  p->set_tax_rate_basis_points(d.tax_rate_basis_points);
  ToProto(d.default_price, p->mutable_default_price());
  p->set_active(d.active);
  p->set_preferred_supplier(d.preferred_supplier);
  p->set_shelf_life_days(d.shelf_life_days);
  p->set_sell_by_margin_days(d.sell_by_margin_days);
  SetTimestamp(d.create_time, p->mutable_create_time());
  SetTimestamp(d.update_time, p->mutable_update_time());
}

domain::ProductStoreSetting FromProto(const v1::ProductStoreSetting& p) {
  domain::ProductStoreSetting d;
  d.store_code = p.store_code();
  d.sku = p.sku();
  if (p.has_price_override()) {
    d.price_override = FromProto(p.price_override());
  }
  d.reorder_point_milli = p.reorder_point_milli();
  d.min_quantity_milli = p.min_quantity_milli();
  d.max_quantity_milli = p.max_quantity_milli();
  d.preferred_supplier = p.preferred_supplier();
  return d;
}

void ToProto(const domain::ProductStoreSetting& d, v1::ProductStoreSetting* p) {
  p->set_store_code(d.store_code);
  p->set_sku(d.sku);
  if (d.price_override) ToProto(*d.price_override, p->mutable_price_override());
  p->set_reorder_point_milli(d.reorder_point_milli);
  p->set_min_quantity_milli(d.min_quantity_milli);
  p->set_max_quantity_milli(d.max_quantity_milli);
  p->set_preferred_supplier(d.preferred_supplier);
  SetTimestamp(d.update_time, p->mutable_update_time());
}

domain::Supplier FromProto(const v1::Supplier& p) {
  domain::Supplier d;
  d.code = p.code();
  d.display_name = p.display_name();
  d.phone = p.phone();
  d.email = p.email();
  d.address = p.address();
  d.payment_terms_days = p.payment_terms_days();
  d.active = p.active();
  return d;
}

void ToProto(const domain::Supplier& d, v1::Supplier* p) {
  p->set_code(d.code);
  p->set_display_name(d.display_name);
  p->set_phone(d.phone);
  p->set_email(d.email);
  p->set_address(d.address);
  p->set_payment_terms_days(d.payment_terms_days);
  p->set_active(d.active);
  SetTimestamp(d.create_time, p->mutable_create_time());
  SetTimestamp(d.update_time, p->mutable_update_time());
}

domain::Customer FromProto(const v1::Customer& p) {
  domain::Customer d;
  d.store_code = p.store_code();
  d.code = p.code();
  d.display_name = p.display_name();
  d.phone = p.phone();
  d.credit_limit = FromProto(p.credit_limit());
  d.active = p.active();
  d.credit_terms_days = p.credit_terms_days();
  return d;
}

void ToProto(const domain::Customer& d, v1::Customer* p) {
  p->set_store_code(d.store_code);
  p->set_code(d.code);
  p->set_display_name(d.display_name);
  p->set_phone(d.phone);
  ToProto(d.credit_limit, p->mutable_credit_limit());
  p->set_active(d.active);
  p->set_credit_terms_days(d.credit_terms_days);
  SetTimestamp(d.create_time, p->mutable_create_time());
  SetTimestamp(d.update_time, p->mutable_update_time());
}

void ToProto(const domain::ImportResult& d, v1::ProductImportResult* p) {
  p->set_line_number(d.line_number);
  p->set_sku(d.sku);
  switch (d.outcome) {
    case domain::ImportOutcome::kCreated:
      p->set_outcome(v1::IMPORT_OUTCOME_CREATED);
      break;
    case domain::ImportOutcome::kUpdated:
      p->set_outcome(v1::IMPORT_OUTCOME_UPDATED);
      break;
    case domain::ImportOutcome::kUnchanged:
      p->set_outcome(v1::IMPORT_OUTCOME_UNCHANGED);
      break;
    case domain::ImportOutcome::kRejected:
      p->set_outcome(v1::IMPORT_OUTCOME_REJECTED);
      break;
  }
  p->set_reason(d.reason);
  p->set_message(d.message);
}

}  // namespace backoffice::transport
