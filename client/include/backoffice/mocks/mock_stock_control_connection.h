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
  MOCK_METHOD(StatusOr<v1::SendStockTransferResponse>, SendStockTransfer,
              (const v1::SendStockTransferRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ReceiveStockTransferResponse>, ReceiveStockTransfer,
              (const v1::ReceiveStockTransferRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ResolveStockTransferResponse>, ResolveStockTransfer,
              (const v1::ResolveStockTransferRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetStockTransferResponse>, GetStockTransfer,
              (const v1::GetStockTransferRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListStockTransfersResponse>, ListStockTransfers,
              (const v1::ListStockTransfersRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::OpenStockCountResponse>, OpenStockCount,
              (const v1::OpenStockCountRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::EnterStockCountResponse>, EnterStockCount,
              (const v1::EnterStockCountRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::PostStockCountResponse>, PostStockCount,
              (const v1::PostStockCountRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ApproveStockCountResponse>, ApproveStockCount,
              (const v1::ApproveStockCountRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RejectStockCountResponse>, RejectStockCount,
              (const v1::RejectStockCountRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CancelStockCountResponse>, CancelStockCount,
              (const v1::CancelStockCountRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetStockCountResponse>, GetStockCount,
              (const v1::GetStockCountRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListStockCountsResponse>, ListStockCounts,
              (const v1::ListStockCountsRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_STOCK_CONTROL_CONNECTION_H_
