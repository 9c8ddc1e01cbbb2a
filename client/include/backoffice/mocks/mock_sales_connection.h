// A gMock mock of SalesConnection, to test code that uses SalesClient
// without a server:
//
//   auto mock = std::make_shared<backoffice::mocks::MockSalesConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::SalesClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_SALES_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_SALES_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/sales_connection.h"

namespace backoffice {
namespace mocks {

class MockSalesConnection : public SalesConnection {
 public:
  MOCK_METHOD(StatusOr<v1::RecordSaleResponse>, RecordSale,
              (const v1::RecordSaleRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UploadSalesResponse>, UploadSales,
              (const v1::UploadSalesRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RecordReturnResponse>, RecordReturn,
              (const v1::RecordReturnRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::VoidSaleResponse>, VoidSale,
              (const v1::VoidSaleRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetSaleResponse>, GetSale,
              (const v1::GetSaleRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListSalesResponse>, ListSales,
              (const v1::ListSalesRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CheckReceiptSequenceResponse>, CheckReceiptSequence,
              (const v1::CheckReceiptSequenceRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::SummarizeSalesResponse>, SummarizeSales,
              (const v1::SummarizeSalesRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_SALES_CONNECTION_H_
