// Conversions between purchasing's domain values and backoffice.v1 messages.
#ifndef BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASING_MAPPING_H_
#define BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASING_MAPPING_H_

#include "backoffice/v1/purchasing_service.pb.h"
#include "purchasing/domain/purchasing_model.h"

namespace backoffice::transport {

domain::SupplierItem FromProto(const v1::SupplierItem& p);
void ToProto(const domain::SupplierItem& i, v1::SupplierItem* p);
void ToProto(const domain::SupplierItemImportResult& r,
             v1::SupplierItemImportResult* p);
void ToProto(const domain::ProductDemand& d, v1::ProductDemand* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_PURCHASING_TRANSPORT_PURCHASING_MAPPING_H_
