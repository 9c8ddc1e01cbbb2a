// Conversions between the sales messages and domain values.
#ifndef BACKOFFICE_SERVER_SALES_TRANSPORT_SALES_MAPPING_H_
#define BACKOFFICE_SERVER_SALES_TRANSPORT_SALES_MAPPING_H_

#include "backoffice/v1/sales_service.pb.h"
#include "sales/domain/sale_model.h"

namespace backoffice::transport {

domain::Sale FromProto(const v1::Sale& p);
domain::SaleReturn FromProto(const v1::SaleReturn& p);
void ToProto(const domain::Sale& d, v1::Sale* p);
void ToProto(const domain::SaleOutcome& d, v1::SaleResult* p);
void ToProto(const domain::SaleReturn& d, v1::SaleReturn* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_SALES_TRANSPORT_SALES_MAPPING_H_
