// A gMock mock of CatalogConnection, to test code that uses CatalogClient
// without a server:
//
//   auto mock = std::make_shared<backoffice::mocks::MockCatalogConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::CatalogClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_CATALOG_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_CATALOG_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/catalog_connection.h"

namespace backoffice {
namespace mocks {

class MockCatalogConnection : public CatalogConnection {
 public:
  MOCK_METHOD(StatusOr<v1::CreateStoreResponse>, CreateStore,
              (const v1::CreateStoreRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetStoreResponse>, GetStore,
              (const v1::GetStoreRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateStoreResponse>, UpdateStore,
              (const v1::UpdateStoreRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListStoresResponse>, ListStores,
              (const v1::ListStoresRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CreateTerminalResponse>, CreateTerminal,
              (const v1::CreateTerminalRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetTerminalResponse>, GetTerminal,
              (const v1::GetTerminalRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateTerminalResponse>, UpdateTerminal,
              (const v1::UpdateTerminalRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListTerminalsResponse>, ListTerminals,
              (const v1::ListTerminalsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CreateProductResponse>, CreateProduct,
              (const v1::CreateProductRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetProductResponse>, GetProduct,
              (const v1::GetProductRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateProductResponse>, UpdateProduct,
              (const v1::UpdateProductRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListProductsResponse>, ListProducts,
              (const v1::ListProductsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ImportProductsResponse>, ImportProducts,
              (const v1::ImportProductsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::SetProductStoreSettingResponse>,
              SetProductStoreSetting,
              (const v1::SetProductStoreSettingRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetProductStoreSettingResponse>,
              GetProductStoreSetting,
              (const v1::GetProductStoreSettingRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListProductStoreSettingsResponse>,
              ListProductStoreSettings,
              (const v1::ListProductStoreSettingsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CreateSupplierResponse>, CreateSupplier,
              (const v1::CreateSupplierRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetSupplierResponse>, GetSupplier,
              (const v1::GetSupplierRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateSupplierResponse>, UpdateSupplier,
              (const v1::UpdateSupplierRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListSuppliersResponse>, ListSuppliers,
              (const v1::ListSuppliersRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CreateCustomerResponse>, CreateCustomer,
              (const v1::CreateCustomerRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetCustomerResponse>, GetCustomer,
              (const v1::GetCustomerRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateCustomerResponse>, UpdateCustomer,
              (const v1::UpdateCustomerRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListCustomersResponse>, ListCustomers,
              (const v1::ListCustomersRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_CATALOG_CONNECTION_H_
