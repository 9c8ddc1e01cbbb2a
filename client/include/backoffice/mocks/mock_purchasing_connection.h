// A gMock mock of PurchasingConnection, to test code that uses PurchasingClient
// without a server:
//
//   auto mock =
//   std::make_shared<backoffice::mocks::MockPurchasingConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::PurchasingClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_PURCHASING_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_PURCHASING_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/purchasing_connection.h"

namespace backoffice {
namespace mocks {

class MockPurchasingConnection : public PurchasingConnection {
 public:
  MOCK_METHOD(StatusOr<v1::CreateSupplierItemResponse>, CreateSupplierItem,
              (const v1::CreateSupplierItemRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetSupplierItemResponse>, GetSupplierItem,
              (const v1::GetSupplierItemRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateSupplierItemResponse>, UpdateSupplierItem,
              (const v1::UpdateSupplierItemRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListSupplierItemsResponse>, ListSupplierItems,
              (const v1::ListSupplierItemsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ImportSupplierItemsResponse>, ImportSupplierItems,
              (const v1::ImportSupplierItemsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListDemandResponse>, ListDemand,
              (const v1::ListDemandRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_PURCHASING_CONNECTION_H_
