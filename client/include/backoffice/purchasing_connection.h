// PurchasingConnection: the seam under PurchasingClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockPurchasingConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_PURCHASING_CONNECTION_H_
#define BACKOFFICE_PURCHASING_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/purchasing_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.PurchasingService. Each
/// default implementation returns UNIMPLEMENTED, so that an implementation of
/// your own keeps compiling when the service grows.
class PurchasingConnection {
 public:
  virtual ~PurchasingConnection();

  virtual StatusOr<v1::CreateSupplierItemResponse> CreateSupplierItem(
      const v1::CreateSupplierItemRequest& request);
  virtual StatusOr<v1::GetSupplierItemResponse> GetSupplierItem(
      const v1::GetSupplierItemRequest& request);
  virtual StatusOr<v1::UpdateSupplierItemResponse> UpdateSupplierItem(
      const v1::UpdateSupplierItemRequest& request);
  virtual StatusOr<v1::ListSupplierItemsResponse> ListSupplierItems(
      const v1::ListSupplierItemsRequest& request);
  virtual StatusOr<v1::ImportSupplierItemsResponse> ImportSupplierItems(
      const v1::ImportSupplierItemsRequest& request);
  virtual StatusOr<v1::ListDemandResponse> ListDemand(
      const v1::ListDemandRequest& request);
};

/// The SDK's PurchasingConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<PurchasingConnection> MakePurchasingConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_PURCHASING_CONNECTION_H_
