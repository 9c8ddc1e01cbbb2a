// Conversions between the inventory messages and domain values.
#ifndef BACKOFFICE_SERVER_INVENTORY_TRANSPORT_INVENTORY_MAPPING_H_
#define BACKOFFICE_SERVER_INVENTORY_TRANSPORT_INVENTORY_MAPPING_H_

#include "backoffice/v1/inventory_service.pb.h"
#include "inventory/domain/stock_model.h"

namespace backoffice::transport {

domain::StockAdjustment FromProto(const v1::AdjustStockRequest& p);
domain::MovementType FromProto(v1::MovementType type);
v1::MovementType ToProto(domain::MovementType type);
void ToProto(const domain::StockLevel& d, v1::StockLevel* p);
void ToProto(const domain::StockMovement& d, v1::StockMovement* p);
void ToProto(const domain::AdjustmentRequest& d, v1::StockAdjustmentRequest* p);
void ToProto(const domain::InventorySettings& d, v1::InventorySettings* p);
domain::InventorySettings FromProto(const v1::InventorySettings& p);
domain::AdjustmentRequestState FromProto(v1::StockAdjustmentRequestState s);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_INVENTORY_TRANSPORT_INVENTORY_MAPPING_H_
