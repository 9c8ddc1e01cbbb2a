// Conversions between the sales, inventory and reconciliation messages and
// domain values.
#ifndef BACKOFFICE_SERVER_TRANSPORT_SALES_MAPPING_H_
#define BACKOFFICE_SERVER_TRANSPORT_SALES_MAPPING_H_

#include "backoffice/v1/inventory_service.pb.h"
#include "backoffice/v1/reconciliation_service.pb.h"
#include "backoffice/v1/sales_service.pb.h"
#include "domain/sales_model.h"

namespace backoffice::transport {

domain::Sale FromProto(const v1::Sale& p);
domain::SaleReturn FromProto(const v1::SaleReturn& p);
domain::StockAdjustment FromProto(const v1::AdjustStockRequest& p);
domain::MovementType FromProto(v1::MovementType type);

void ToProto(const domain::Sale& d, v1::Sale* p);
void ToProto(const domain::SaleOutcome& d, v1::SaleResult* p);
void ToProto(const domain::SaleReturn& d, v1::SaleReturn* p);
void ToProto(const domain::StockLevel& d, v1::StockLevel* p);
void ToProto(const domain::StockMovement& d, v1::StockMovement* p);
void ToProto(const domain::LedgerViolation& d, v1::LedgerViolation* p);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_TRANSPORT_SALES_MAPPING_H_
