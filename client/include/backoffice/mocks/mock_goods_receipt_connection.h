// A gMock mock of GoodsReceiptConnection, to test code that uses
// GoodsReceiptClient without a server:
//
//   auto mock =
//   std::make_shared<backoffice::mocks::MockGoodsReceiptConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::GoodsReceiptClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_GOODS_RECEIPT_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_GOODS_RECEIPT_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/goods_receipt_connection.h"

namespace backoffice {
namespace mocks {

class MockGoodsReceiptConnection : public GoodsReceiptConnection {
 public:
  MOCK_METHOD(StatusOr<v1::CreateGoodsReceiptResponse>, CreateGoodsReceipt,
              (const v1::CreateGoodsReceiptRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetGoodsReceiptResponse>, GetGoodsReceipt,
              (const v1::GetGoodsReceiptRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListGoodsReceiptsResponse>, ListGoodsReceipts,
              (const v1::ListGoodsReceiptsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ApproveGoodsReceiptResponse>, ApproveGoodsReceipt,
              (const v1::ApproveGoodsReceiptRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RejectGoodsReceiptResponse>, RejectGoodsReceipt,
              (const v1::RejectGoodsReceiptRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_GOODS_RECEIPT_CONNECTION_H_
