// Conversions between purchase orders' domain values and backoffice.v1
// messages.
#ifndef BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASE_ORDER_MAPPING_H_
#define BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASE_ORDER_MAPPING_H_

#include <vector>

#include "backoffice/v1/purchase_order_service.pb.h"
#include "purchasing/domain/purchase_order_model.h"

namespace backoffice::transport {

void ToProto(const domain::PurchasingSettings& s, v1::PurchasingSettings* p);
domain::PurchasingSettings FromProto(const v1::PurchasingSettings& p);
void ToProto(const domain::PurchaseOrder& o, v1::PurchaseOrder* p);
void ToProto(const domain::SupplierSuggestion& g, v1::SupplierSuggestion* p);
std::vector<domain::OrderLineInput> FromProto(
    const google::protobuf::RepeatedPtrField<v1::PurchaseOrderLineInput>& p);
v1::PurchaseOrderState ToProto(domain::PurchaseOrderState state);
domain::PurchaseOrderState FromProto(v1::PurchaseOrderState state);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASE_ORDER_MAPPING_H_
