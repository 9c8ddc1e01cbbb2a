// PurchasingClient: supplier items and demand (ordering comes next).
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_PURCHASING_CLIENT_H_
#define BACKOFFICE_PURCHASING_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/connection.h"
#include "backoffice/purchasing_connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/purchasing_service.pb.h"

namespace backoffice {

/// Ordering from suppliers. Reads are retried; creates, updates and imports
/// are tried once unless ConnectionOptions::methods says otherwise.
class PurchasingClient {
 public:
  /// A client over the SDK's gRPC connection (MakePurchasingConnection).
  explicit PurchasingClient(std::shared_ptr<Connection> connection);
  /// A client over any PurchasingConnection, such as a mock.
  explicit PurchasingClient(std::shared_ptr<PurchasingConnection> connection);

  StatusOr<v1::CreateSupplierItemResponse> CreateSupplierItem(
      const v1::CreateSupplierItemRequest& request);
  StatusOr<v1::GetSupplierItemResponse> GetSupplierItem(
      const v1::GetSupplierItemRequest& request);
  StatusOr<v1::UpdateSupplierItemResponse> UpdateSupplierItem(
      const v1::UpdateSupplierItemRequest& request);
  StatusOr<v1::ListSupplierItemsResponse> ListSupplierItems(
      const v1::ListSupplierItemsRequest& request);
  StatusOr<v1::ImportSupplierItemsResponse> ImportSupplierItems(
      const v1::ImportSupplierItemsRequest& request);
  StatusOr<v1::ListDemandResponse> ListDemand(
      const v1::ListDemandRequest& request);

  /// Visit every supplier item or product demand, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachSupplierItem(
      v1::ListSupplierItemsRequest request,
      const std::function<bool(const v1::SupplierItem&)>& visit);
  Status ForEachDemand(
      v1::ListDemandRequest request,
      const std::function<bool(const v1::ProductDemand&)>& visit);

 private:
  std::shared_ptr<PurchasingConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_PURCHASING_CLIENT_H_
