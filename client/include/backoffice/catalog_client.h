// CatalogClient: master data (stores, terminals, products, per-store
// settings, suppliers and credit customers).
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_CATALOG_CLIENT_H_
#define BACKOFFICE_CATALOG_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/catalog_connection.h"
#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/catalog_service.pb.h"

namespace backoffice {

/// Master data. Reads are retried under the connection's RetryPolicy;
/// creates, updates and imports are not (see Idempotency).
class CatalogClient {
 public:
  /// A client over the SDK's gRPC connection (MakeCatalogConnection).
  explicit CatalogClient(std::shared_ptr<Connection> connection);
  /// A client over any CatalogConnection, such as a mock.
  explicit CatalogClient(std::shared_ptr<CatalogConnection> connection);

  StatusOr<v1::CreateStoreResponse> CreateStore(
      const v1::CreateStoreRequest& request);
  StatusOr<v1::GetStoreResponse> GetStore(const v1::GetStoreRequest& request);
  StatusOr<v1::UpdateStoreResponse> UpdateStore(
      const v1::UpdateStoreRequest& request);
  /// One page; ForEachStore follows the pages.
  StatusOr<v1::ListStoresResponse> ListStores(
      const v1::ListStoresRequest& request);

  StatusOr<v1::CreateTerminalResponse> CreateTerminal(
      const v1::CreateTerminalRequest& request);
  StatusOr<v1::GetTerminalResponse> GetTerminal(
      const v1::GetTerminalRequest& request);
  StatusOr<v1::UpdateTerminalResponse> UpdateTerminal(
      const v1::UpdateTerminalRequest& request);
  StatusOr<v1::ListTerminalsResponse> ListTerminals(
      const v1::ListTerminalsRequest& request);

  StatusOr<v1::CreateProductResponse> CreateProduct(
      const v1::CreateProductRequest& request);
  StatusOr<v1::GetProductResponse> GetProduct(
      const v1::GetProductRequest& request);
  StatusOr<v1::UpdateProductResponse> UpdateProduct(
      const v1::UpdateProductRequest& request);
  StatusOr<v1::ListProductsResponse> ListProducts(
      const v1::ListProductsRequest& request);
  StatusOr<v1::ImportProductsResponse> ImportProducts(
      const v1::ImportProductsRequest& request);

  StatusOr<v1::SetProductStoreSettingResponse> SetProductStoreSetting(
      const v1::SetProductStoreSettingRequest& request);
  StatusOr<v1::GetProductStoreSettingResponse> GetProductStoreSetting(
      const v1::GetProductStoreSettingRequest& request);
  StatusOr<v1::ListProductStoreSettingsResponse> ListProductStoreSettings(
      const v1::ListProductStoreSettingsRequest& request);

  StatusOr<v1::CreateSupplierResponse> CreateSupplier(
      const v1::CreateSupplierRequest& request);
  StatusOr<v1::GetSupplierResponse> GetSupplier(
      const v1::GetSupplierRequest& request);
  StatusOr<v1::UpdateSupplierResponse> UpdateSupplier(
      const v1::UpdateSupplierRequest& request);
  StatusOr<v1::ListSuppliersResponse> ListSuppliers(
      const v1::ListSuppliersRequest& request);

  StatusOr<v1::CreateCustomerResponse> CreateCustomer(
      const v1::CreateCustomerRequest& request);
  StatusOr<v1::GetCustomerResponse> GetCustomer(
      const v1::GetCustomerRequest& request);
  StatusOr<v1::UpdateCustomerResponse> UpdateCustomer(
      const v1::UpdateCustomerRequest& request);
  StatusOr<v1::ListCustomersResponse> ListCustomers(
      const v1::ListCustomersRequest& request);

  /// Visits every item of the listing, page after page from
  /// `request.page_token`, until the last page or until `visit` returns
  /// false. Each page is one List call, retried as such. Returns OK, or the
  /// error of the page that failed: the items before it were visited.
  Status ForEachStore(v1::ListStoresRequest request,
                      const std::function<bool(const v1::Store&)>& visit);
  Status ForEachTerminal(v1::ListTerminalsRequest request,
                         const std::function<bool(const v1::Terminal&)>& visit);
  Status ForEachProduct(v1::ListProductsRequest request,
                        const std::function<bool(const v1::Product&)>& visit);
  Status ForEachProductStoreSetting(
      v1::ListProductStoreSettingsRequest request,
      const std::function<bool(const v1::ProductStoreSetting&)>& visit);
  Status ForEachSupplier(v1::ListSuppliersRequest request,
                         const std::function<bool(const v1::Supplier&)>& visit);
  Status ForEachCustomer(v1::ListCustomersRequest request,
                         const std::function<bool(const v1::Customer&)>& visit);

 private:
  std::shared_ptr<CatalogConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_CATALOG_CLIENT_H_
