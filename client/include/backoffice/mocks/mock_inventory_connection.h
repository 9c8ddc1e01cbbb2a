// A gMock mock of InventoryConnection, to test code that uses InventoryClient
// without a server:
//
//   auto mock = std::make_shared<backoffice::mocks::MockInventoryConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::InventoryClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_INVENTORY_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_INVENTORY_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/inventory_connection.h"

namespace backoffice {
namespace mocks {

class MockInventoryConnection : public InventoryConnection {
 public:
  MOCK_METHOD(StatusOr<v1::GetStockLevelResponse>, GetStockLevel,
              (const v1::GetStockLevelRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListStockLevelsResponse>, ListStockLevels,
              (const v1::ListStockLevelsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListStockMovementsResponse>, ListStockMovements,
              (const v1::ListStockMovementsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::AdjustStockResponse>, AdjustStock,
              (const v1::AdjustStockRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ApproveStockAdjustmentResponse>,
              ApproveStockAdjustment,
              (const v1::ApproveStockAdjustmentRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RejectStockAdjustmentResponse>,
              RejectStockAdjustment,
              (const v1::RejectStockAdjustmentRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListStockAdjustmentRequestsResponse>,
              ListStockAdjustmentRequests,
              (const v1::ListStockAdjustmentRequestsRequest& request),
              (override));
  MOCK_METHOD(StatusOr<v1::GetInventorySettingsResponse>, GetInventorySettings,
              (const v1::GetInventorySettingsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateInventorySettingsResponse>,
              UpdateInventorySettings,
              (const v1::UpdateInventorySettingsRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_INVENTORY_CONNECTION_H_
