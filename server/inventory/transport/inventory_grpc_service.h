// The InventoryService: stock levels, movements and adjustments; mapping only.
#ifndef BACKOFFICE_SERVER_INVENTORY_TRANSPORT_INVENTORY_GRPC_SERVICE_H_
#define BACKOFFICE_SERVER_INVENTORY_TRANSPORT_INVENTORY_GRPC_SERVICE_H_

#include "backoffice/v1/inventory_service.grpc.pb.h"
#include "core/transport/rpc_handler.h"
#include "inventory/domain/inventory.h"

namespace backoffice::transport {

class InventoryGrpcService final : public v1::InventoryService::Service {
 public:
  InventoryGrpcService(RpcHandler& handler, domain::Inventory& inventory)
      : handler_(handler), inventory_(inventory) {}

  grpc::Status GetStockLevel(grpc::ServerContext* c,
                             const v1::GetStockLevelRequest* req,
                             v1::GetStockLevelResponse* resp) override;
  grpc::Status ListStockLevels(grpc::ServerContext* c,
                               const v1::ListStockLevelsRequest* req,
                               v1::ListStockLevelsResponse* resp) override;
  grpc::Status ListStockMovements(
      grpc::ServerContext* c, const v1::ListStockMovementsRequest* req,
      v1::ListStockMovementsResponse* resp) override;
  grpc::Status AdjustStock(grpc::ServerContext* c,
                           const v1::AdjustStockRequest* req,
                           v1::AdjustStockResponse* resp) override;
  grpc::Status ApproveStockAdjustment(
      grpc::ServerContext* c, const v1::ApproveStockAdjustmentRequest* req,
      v1::ApproveStockAdjustmentResponse* resp) override;
  grpc::Status RejectStockAdjustment(
      grpc::ServerContext* c, const v1::RejectStockAdjustmentRequest* req,
      v1::RejectStockAdjustmentResponse* resp) override;
  grpc::Status ListStockAdjustmentRequests(
      grpc::ServerContext* c, const v1::ListStockAdjustmentRequestsRequest* req,
      v1::ListStockAdjustmentRequestsResponse* resp) override;
  grpc::Status GetInventorySettings(
      grpc::ServerContext* c, const v1::GetInventorySettingsRequest* req,
      v1::GetInventorySettingsResponse* resp) override;
  grpc::Status UpdateInventorySettings(
      grpc::ServerContext* c, const v1::UpdateInventorySettingsRequest* req,
      v1::UpdateInventorySettingsResponse* resp) override;

 private:
  RpcHandler& handler_;
  domain::Inventory& inventory_;
};

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_INVENTORY_TRANSPORT_INVENTORY_GRPC_SERVICE_H_
