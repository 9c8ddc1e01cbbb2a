// CatalogConnection: the seam under CatalogClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockCatalogConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_CATALOG_CONNECTION_H_
#define BACKOFFICE_CATALOG_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/catalog_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.CatalogService. Each default
/// implementation returns UNIMPLEMENTED, so that an implementation of your
/// own keeps compiling when the service grows.
class CatalogConnection {
 public:
  virtual ~CatalogConnection();

  virtual StatusOr<v1::CreateStoreResponse> CreateStore(
      const v1::CreateStoreRequest& request);
  virtual StatusOr<v1::GetStoreResponse> GetStore(
      const v1::GetStoreRequest& request);
  virtual StatusOr<v1::UpdateStoreResponse> UpdateStore(
      const v1::UpdateStoreRequest& request);
  virtual StatusOr<v1::ListStoresResponse> ListStores(
      const v1::ListStoresRequest& request);
  virtual StatusOr<v1::CreateTerminalResponse> CreateTerminal(
      const v1::CreateTerminalRequest& request);
  virtual StatusOr<v1::GetTerminalResponse> GetTerminal(
      const v1::GetTerminalRequest& request);
  virtual StatusOr<v1::UpdateTerminalResponse> UpdateTerminal(
      const v1::UpdateTerminalRequest& request);
  virtual StatusOr<v1::ListTerminalsResponse> ListTerminals(
      const v1::ListTerminalsRequest& request);
  virtual StatusOr<v1::CreateProductResponse> CreateProduct(
      const v1::CreateProductRequest& request);
  virtual StatusOr<v1::GetProductResponse> GetProduct(
      const v1::GetProductRequest& request);
  virtual StatusOr<v1::UpdateProductResponse> UpdateProduct(
      const v1::UpdateProductRequest& request);
  virtual StatusOr<v1::ListProductsResponse> ListProducts(
      const v1::ListProductsRequest& request);
  virtual StatusOr<v1::ImportProductsResponse> ImportProducts(
      const v1::ImportProductsRequest& request);
  virtual StatusOr<v1::SetProductStoreSettingResponse> SetProductStoreSetting(
      const v1::SetProductStoreSettingRequest& request);
  virtual StatusOr<v1::GetProductStoreSettingResponse> GetProductStoreSetting(
      const v1::GetProductStoreSettingRequest& request);
  virtual StatusOr<v1::ListProductStoreSettingsResponse>
  ListProductStoreSettings(const v1::ListProductStoreSettingsRequest& request);
  virtual StatusOr<v1::CreateSupplierResponse> CreateSupplier(
      const v1::CreateSupplierRequest& request);
  virtual StatusOr<v1::GetSupplierResponse> GetSupplier(
      const v1::GetSupplierRequest& request);
  virtual StatusOr<v1::UpdateSupplierResponse> UpdateSupplier(
      const v1::UpdateSupplierRequest& request);
  virtual StatusOr<v1::ListSuppliersResponse> ListSuppliers(
      const v1::ListSuppliersRequest& request);
  virtual StatusOr<v1::CreateCustomerResponse> CreateCustomer(
      const v1::CreateCustomerRequest& request);
  virtual StatusOr<v1::GetCustomerResponse> GetCustomer(
      const v1::GetCustomerRequest& request);
  virtual StatusOr<v1::UpdateCustomerResponse> UpdateCustomer(
      const v1::UpdateCustomerRequest& request);
  virtual StatusOr<v1::ListCustomersResponse> ListCustomers(
      const v1::ListCustomersRequest& request);
};

/// The SDK's CatalogConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<CatalogConnection> MakeCatalogConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_CATALOG_CONNECTION_H_
