// InventoryConnection: the seam under InventoryClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockInventoryConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_INVENTORY_CONNECTION_H_
#define BACKOFFICE_INVENTORY_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/inventory_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.InventoryService. Each default
/// implementation returns UNIMPLEMENTED, so that an implementation of your
/// own keeps compiling when the service grows.
class InventoryConnection {
 public:
  virtual ~InventoryConnection();

  virtual StatusOr<v1::GetStockLevelResponse> GetStockLevel(
      const v1::GetStockLevelRequest& request);
  virtual StatusOr<v1::ListStockLevelsResponse> ListStockLevels(
      const v1::ListStockLevelsRequest& request);
  virtual StatusOr<v1::ListStockMovementsResponse> ListStockMovements(
      const v1::ListStockMovementsRequest& request);
  virtual StatusOr<v1::AdjustStockResponse> AdjustStock(
      const v1::AdjustStockRequest& request);
  virtual StatusOr<v1::ApproveStockAdjustmentResponse> ApproveStockAdjustment(
      const v1::ApproveStockAdjustmentRequest& request);
  virtual StatusOr<v1::RejectStockAdjustmentResponse> RejectStockAdjustment(
      const v1::RejectStockAdjustmentRequest& request);
  virtual StatusOr<v1::ListStockAdjustmentRequestsResponse>
  ListStockAdjustmentRequests(
      const v1::ListStockAdjustmentRequestsRequest& request);
  virtual StatusOr<v1::GetInventorySettingsResponse> GetInventorySettings(
      const v1::GetInventorySettingsRequest& request);
  virtual StatusOr<v1::UpdateInventorySettingsResponse> UpdateInventorySettings(
      const v1::UpdateInventorySettingsRequest& request);
};

/// The SDK's InventoryConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<InventoryConnection> MakeInventoryConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_INVENTORY_CONNECTION_H_
