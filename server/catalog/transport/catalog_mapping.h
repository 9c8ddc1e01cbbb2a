// Conversions between the catalog messages and domain values.
#ifndef BACKOFFICE_SERVER_CATALOG_TRANSPORT_CATALOG_MAPPING_H_
#define BACKOFFICE_SERVER_CATALOG_TRANSPORT_CATALOG_MAPPING_H_

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/timestamp.pb.h>

#include <string>
#include <vector>

#include "backoffice/v1/catalog_service.pb.h"
#include "catalog/domain/catalog_model.h"

namespace backoffice::transport {

domain::Store FromProto(const v1::Store& p);
domain::Terminal FromProto(const v1::Terminal& p);
domain::Product FromProto(const v1::Product& p);
domain::ProductStoreSetting FromProto(const v1::ProductStoreSetting& p);
domain::Supplier FromProto(const v1::Supplier& p);
domain::Customer FromProto(const v1::Customer& p);

void ToProto(const domain::Store& d, v1::Store* p);
void ToProto(const domain::Terminal& d, v1::Terminal* p);
void ToProto(const domain::Product& d, v1::Product* p);
void ToProto(const domain::ProductStoreSetting& d, v1::ProductStoreSetting* p);
void ToProto(const domain::Supplier& d, v1::Supplier* p);
void ToProto(const domain::Customer& d, v1::Customer* p);
void ToProto(const domain::ImportResult& d, v1::ProductImportResult* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_CATALOG_TRANSPORT_CATALOG_MAPPING_H_
