// A gMock mock of StockControlConnection, to test code that uses
// StockControlClient without a server:
//
//   auto mock =
//   std::make_shared<backoffice::mocks::MockStockControlConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::StockControlClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_STOCK_CONTROL_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_STOCK_CONTROL_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/stock_control_connection.h"

namespace backoffice {
namespace mocks {

class MockStockControlConnection : public StockControlConnection {
 public:
  MOCK_METHOD(StatusOr<v1::ListExpiringLotsResponse>, ListExpiringLots,
              (const v1::ListExpiringLotsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListSlowMoversResponse>, ListSlowMovers,
              (const v1::ListSlowMoversRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CreateSupplierReturnResponse>, CreateSupplierReturn,
              (const v1::CreateSupplierReturnRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ApproveSupplierReturnResponse>,
              ApproveSupplierReturn,
              (const v1::ApproveSupplierReturnRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RejectSupplierReturnResponse>, RejectSupplierReturn,
              (const v1::RejectSupplierReturnRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ShipSupplierReturnResponse>, ShipSupplierReturn,
              (const v1::ShipSupplierReturnRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetSupplierReturnResponse>, GetSupplierReturn,
              (const v1::GetSupplierReturnRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListSupplierReturnsResponse>, ListSupplierReturns,
              (const v1::ListSupplierReturnsRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_STOCK_CONTROL_CONNECTION_H_
