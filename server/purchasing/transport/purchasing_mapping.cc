#include "purchasing/transport/purchasing_mapping.h"

#include "core/transport/common_mapping.h"

namespace backoffice::transport {

domain::SupplierItem FromProto(const v1::SupplierItem& p) {
  domain::SupplierItem i;
  i.supplier_code = p.supplier_code();
  i.sku = p.sku();
  i.supplier_sku = p.supplier_sku();
  i.pack_size_milli = p.pack_size_milli();
  i.min_order_quantity_milli = p.min_order_quantity_milli();
  i.unit_cost = FromProto(p.unit_cost());
  i.tax_rate_basis_points = p.tax_rate_basis_points();
  i.lead_time_days = p.lead_time_days();
  i.active = p.active();
  return i;
}

void ToProto(const domain::SupplierItem& i, v1::SupplierItem* p) {
  p->set_supplier_code(i.supplier_code);
  p->set_sku(i.sku);
  p->set_supplier_sku(i.supplier_sku);
  p->set_pack_size_milli(i.pack_size_milli);
  p->set_min_order_quantity_milli(i.min_order_quantity_milli);
  ToProto(i.unit_cost, p->mutable_unit_cost());
  p->set_tax_rate_basis_points(i.tax_rate_basis_points);
  p->set_lead_time_days(i.lead_time_days);
  p->set_active(i.active);
  SetTimestamp(i.create_time, p->mutable_create_time());
  SetTimestamp(i.update_time, p->mutable_update_time());
}

void ToProto(const domain::SupplierItemImportResult& r,
             v1::SupplierItemImportResult* p) {
  p->set_line_number(r.line_number);
  p->set_supplier_code(r.supplier_code);
  p->set_sku(r.sku);
  switch (r.outcome) {
    case domain::SupplierItemImportOutcome::kCreated:
      p->set_outcome(v1::IMPORT_OUTCOME_CREATED);
      break;
    case domain::SupplierItemImportOutcome::kUpdated:
      p->set_outcome(v1::IMPORT_OUTCOME_UPDATED);
      break;
    case domain::SupplierItemImportOutcome::kUnchanged:
      p->set_outcome(v1::IMPORT_OUTCOME_UNCHANGED);
      break;
    case domain::SupplierItemImportOutcome::kRejected:
      p->set_outcome(v1::IMPORT_OUTCOME_REJECTED);
      break;
  }
  p->set_reason(r.reason);
  p->set_message(r.message);
}

void ToProto(const domain::ProductDemand& d, v1::ProductDemand* p) {
  p->set_sku(d.sku);
  p->set_sold_milli(d.sold_milli);
  p->set_returned_milli(d.returned_milli);
  p->set_voided_milli(d.voided_milli);
  p->set_net_quantity_milli(d.net_quantity_milli);
  p->set_days_in_window(d.days_in_window);
  p->set_days_with_sales(d.days_with_sales);
  p->set_average_daily_milli(d.average_daily_milli);
}

}  // namespace backoffice::transport
