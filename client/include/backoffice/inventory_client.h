// InventoryClient: stock levels, the stock ledger, and adjustments.
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_INVENTORY_CLIENT_H_
#define BACKOFFICE_INVENTORY_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/connection.h"
#include "backoffice/inventory_connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/inventory_service.pb.h"

namespace backoffice {

/// Stock. Every method is retried: an adjustment carries its own id.
class InventoryClient {
 public:
  /// A client over the SDK's gRPC connection (MakeInventoryConnection).
  explicit InventoryClient(std::shared_ptr<Connection> connection);
  /// A client over any InventoryConnection, such as a mock.
  explicit InventoryClient(std::shared_ptr<InventoryConnection> connection);

  StatusOr<v1::GetStockLevelResponse> GetStockLevel(
      const v1::GetStockLevelRequest& request);
  StatusOr<v1::ListStockLevelsResponse> ListStockLevels(
      const v1::ListStockLevelsRequest& request);
  StatusOr<v1::ListStockMovementsResponse> ListStockMovements(
      const v1::ListStockMovementsRequest& request);
  StatusOr<v1::AdjustStockResponse> AdjustStock(
      const v1::AdjustStockRequest& request);
  StatusOr<v1::ApproveStockAdjustmentResponse> ApproveStockAdjustment(
      const v1::ApproveStockAdjustmentRequest& request);
  StatusOr<v1::RejectStockAdjustmentResponse> RejectStockAdjustment(
      const v1::RejectStockAdjustmentRequest& request);
  StatusOr<v1::ListStockAdjustmentRequestsResponse> ListStockAdjustmentRequests(
      const v1::ListStockAdjustmentRequestsRequest& request);
  StatusOr<v1::GetInventorySettingsResponse> GetInventorySettings(
      const v1::GetInventorySettingsRequest& request);
  StatusOr<v1::UpdateInventorySettingsResponse> UpdateInventorySettings(
      const v1::UpdateInventorySettingsRequest& request);
  /// Visit every write-off request of a store (in the request's state, if
  /// set), newest first, following the pages.
  Status ForEachStockAdjustmentRequest(
      v1::ListStockAdjustmentRequestsRequest request,
      const std::function<bool(const v1::StockAdjustmentRequest&)>& visit);

  /// Visit every stock level or movement, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachStockLevel(
      v1::ListStockLevelsRequest request,
      const std::function<bool(const v1::StockLevel&)>& visit);
  Status ForEachStockMovement(
      v1::ListStockMovementsRequest request,
      const std::function<bool(const v1::StockMovement&)>& visit);

 private:
  std::shared_ptr<InventoryConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_INVENTORY_CLIENT_H_
