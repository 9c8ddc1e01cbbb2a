// A gMock mock of PurchaseOrderConnection, to test code that uses
// PurchaseOrderClient without a server:
//
//   auto mock =
//   std::make_shared<backoffice::mocks::MockPurchaseOrderConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::PurchaseOrderClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_PURCHASE_ORDER_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_PURCHASE_ORDER_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/purchase_order_connection.h"

namespace backoffice {
namespace mocks {

class MockPurchaseOrderConnection : public PurchaseOrderConnection {
 public:
  MOCK_METHOD(StatusOr<v1::GetPurchasingSettingsResponse>,
              GetPurchasingSettings,
              (const v1::GetPurchasingSettingsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdatePurchasingSettingsResponse>,
              UpdatePurchasingSettings,
              (const v1::UpdatePurchasingSettingsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::SuggestOrdersResponse>, SuggestOrders,
              (const v1::SuggestOrdersRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::DraftOrdersFromSuggestionsResponse>,
              DraftOrdersFromSuggestions,
              (const v1::DraftOrdersFromSuggestionsRequest& request),
              (override));
  MOCK_METHOD(StatusOr<v1::CreatePurchaseOrderResponse>, CreatePurchaseOrder,
              (const v1::CreatePurchaseOrderRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetPurchaseOrderResponse>, GetPurchaseOrder,
              (const v1::GetPurchaseOrderRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListPurchaseOrdersResponse>, ListPurchaseOrders,
              (const v1::ListPurchaseOrdersRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::AddPurchaseOrderLinesResponse>,
              AddPurchaseOrderLines,
              (const v1::AddPurchaseOrderLinesRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::SubmitPurchaseOrderResponse>, SubmitPurchaseOrder,
              (const v1::SubmitPurchaseOrderRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ApprovePurchaseOrderResponse>, ApprovePurchaseOrder,
              (const v1::ApprovePurchaseOrderRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RejectPurchaseOrderResponse>, RejectPurchaseOrder,
              (const v1::RejectPurchaseOrderRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::SendPurchaseOrderResponse>, SendPurchaseOrder,
              (const v1::SendPurchaseOrderRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::CancelPurchaseOrderResponse>, CancelPurchaseOrder,
              (const v1::CancelPurchaseOrderRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ClosePurchaseOrderResponse>, ClosePurchaseOrder,
              (const v1::ClosePurchaseOrderRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_PURCHASE_ORDER_CONNECTION_H_
