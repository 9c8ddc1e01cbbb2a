// InventoryService in process: the real service over the real
// domain::Inventory over a mock repository.
#include <gmock/gmock.h>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "backoffice/v1/inventory_service.grpc.pb.h"
#include "in_process_server.h"
#include "inventory/domain/inventory.h"
#include "inventory/domain/inventory_policy.h"
#include "inventory/transport/inventory_grpc_service.h"

namespace backoffice::testing {
namespace {

using ::google::protobuf::util::TimeUtil;
using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

class MockInventoryRepository : public domain::InventoryRepository {
 public:
  MOCK_METHOD(StatusOr<domain::StockLevel>, GetStockLevel,
              (const std::string&, const std::string&), (override));
  MOCK_METHOD(StatusOr<std::vector<domain::StockLevel>>, ListStockLevels,
              (const std::string&, const domain::StockLevelFilter&,
               const domain::PageRequest&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<domain::StockMovement>>, ListStockMovements,
              (const std::string&, const domain::MovementFilter&,
               const domain::PageRequest&),
              (override));
  MOCK_METHOD(StatusOr<domain::AdjustmentOutcome>, AdjustStock,
              (const domain::StockAdjustment&,
               (const std::function<bool(std::int64_t, std::int64_t, bool)>&),
               const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<domain::AdjustmentDecisionOutcome>, DecideAdjustment,
              (const std::string&, const std::string&, bool, const std::string&,
               (const std::function<Status(const domain::AdjustmentRequest&)>&),
               const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<domain::AdjustmentRequest>>,
              ListAdjustmentRequests,
              (const std::string&, domain::AdjustmentRequestState,
               const domain::PageRequest&),
              (override));
  MOCK_METHOD(StatusOr<domain::InventorySettings>, GetInventorySettings,
              (const std::string&), (override));
  MOCK_METHOD(StatusOr<domain::InventorySettings>, UpdateInventorySettings,
              (const domain::InventorySettings&, const domain::RequestContext&),
              (override));
};

class InventoryTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Add<transport::InventoryGrpcService>(
        inventory_, domain::InventoryMethodPolicies());
    server_.Start();
    stub_ = v1::InventoryService::NewStub(server_.channel());
  }

  StrictMock<MockInventoryRepository> repository_;
  domain::Inventory inventory_{repository_};
  InProcessServer server_;
  std::unique_ptr<v1::InventoryService::Stub> stub_;
};

TEST_F(InventoryTransportTest, AdjustStockMapsRequestAndOutcome) {
  domain::StockAdjustment seen;
  domain::RequestContext seen_ctx;
  EXPECT_CALL(repository_, AdjustStock(_, _, _))
      .WillOnce([&](const domain::StockAdjustment& adjustment,
                    const std::function<bool(std::int64_t, std::int64_t, bool)>&
                        needs_approval,
                    const domain::RequestContext& ctx) {
        seen = adjustment;
        seen_ctx = ctx;
        // A store staff's write-off worth more than the threshold waits.
        EXPECT_TRUE(needs_approval(-1501, 1500, true));
        EXPECT_FALSE(needs_approval(-1500, 1500, true));
        EXPECT_TRUE(needs_approval(0, 1500, false)) << "cost unknown";
        domain::AdjustmentOutcome outcome;
        outcome.movement.id = 501;
        outcome.movement.store_code = "S1";
        outcome.movement.sku = "P1";
        outcome.movement.quantity_milli = -1500;
        outcome.movement.type = domain::MovementType::kAdjustment;
        outcome.movement.reason = "DAMAGE";
        outcome.movement.document_id = "adj-1";
        outcome.movement.record_time = 1'700'000'000'000'000;
        outcome.level.store_code = "S1";
        outcome.level.sku = "P1";
        outcome.level.on_hand_milli = 8500;
        outcome.replayed = false;
        return StatusOr<domain::AdjustmentOutcome>(outcome);
      });
  v1::AdjustStockRequest request;
  request.set_adjustment_id("adj-1");
  request.set_store_code("S1");
  request.set_sku("P1");
  request.set_quantity_delta_milli(-1500);
  request.set_reason(v1::ADJUSTMENT_REASON_DAMAGE);
  request.set_note("dropped crate");
  v1::AdjustStockResponse response;
  auto status =
      stub_->AdjustStock(ContextFor(kStaffSecret).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();

  EXPECT_EQ(seen.adjustment_id, "adj-1");
  EXPECT_EQ(seen.store_code, "S1");
  EXPECT_EQ(seen.sku, "P1");
  EXPECT_EQ(seen.quantity_delta_milli, -1500);
  EXPECT_EQ(seen.reason, domain::AdjustmentReason::kDamage);
  EXPECT_EQ(seen.note, "dropped crate");
  EXPECT_EQ(seen_ctx.request_id, "adj-1");
  EXPECT_EQ(seen_ctx.principal.role, domain::Role::kStoreStaff);

  EXPECT_EQ(response.stock_movement().id(), 501);
  EXPECT_EQ(response.stock_movement().type(), v1::MOVEMENT_TYPE_ADJUSTMENT);
  EXPECT_EQ(response.stock_movement().quantity_milli(), -1500);
  EXPECT_EQ(response.stock_movement().document_id(), "adj-1");
  EXPECT_EQ(TimeUtil::TimestampToMicroseconds(
                response.stock_movement().record_time()),
            1'700'000'000'000'000);
  EXPECT_EQ(response.stock_level().on_hand_milli(), 8500);
  EXPECT_FALSE(response.replayed());
}

TEST_F(InventoryTransportTest, GetStockLevelMapsValuesAndStorageErrors) {
  domain::StockLevel level;
  level.store_code = "S1";
  level.sku = "P1";
  level.display_name = "Rice";
  level.on_hand_milli = 12000;
  level.reorder_point_milli = 5000;
  EXPECT_CALL(repository_, GetStockLevel("S1", "P1")).WillOnce(Return(level));
  EXPECT_CALL(repository_, GetStockLevel("S1", "P2"))
      .WillOnce(Return(domain::NotFound("PRODUCT_NOT_FOUND", "no P2")));
  v1::GetStockLevelRequest request;
  request.set_store_code("S1");
  request.set_sku("P1");
  v1::GetStockLevelResponse response;
  auto status =
      stub_->GetStockLevel(ContextFor(kTillSecret).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.stock_level().display_name(), "Rice");
  EXPECT_EQ(response.stock_level().on_hand_milli(), 12000);
  EXPECT_EQ(response.stock_level().reorder_point_milli(), 5000);

  request.set_sku("P2");
  EXPECT_THAT(
      stub_->GetStockLevel(ContextFor(kTillSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::NOT_FOUND, "PRODUCT_NOT_FOUND"));
}

TEST_F(InventoryTransportTest, RolesAndStoreScopeAreEnforced) {
  v1::AdjustStockRequest adjust;
  adjust.set_adjustment_id("adj-2");
  adjust.set_store_code("S1");
  adjust.set_sku("P1");
  adjust.set_quantity_delta_milli(1000);
  adjust.set_reason(v1::ADJUSTMENT_REASON_COUNT_CORRECTION);
  v1::AdjustStockResponse adjusted;
  EXPECT_THAT(
      stub_->AdjustStock(ContextFor(kTillSecret).get(), adjust, &adjusted),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"));

  v1::GetStockLevelRequest request;
  request.set_store_code("S2");
  request.set_sku("P1");
  v1::GetStockLevelResponse response;
  EXPECT_THAT(
      stub_->GetStockLevel(ContextFor(kManagerSecret).get(), request,
                           &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "STORE_OUT_OF_SCOPE"));
}

TEST_F(InventoryTransportTest, ExceptionIsInternalAndNoTokenIsUnauthenticated) {
  EXPECT_CALL(repository_, GetStockLevel("S2", "P1"))
      .WillOnce([](const std::string&,
                   const std::string&) -> StatusOr<domain::StockLevel> {
        throw std::out_of_range("boom");
      });
  v1::GetStockLevelRequest request;
  request.set_store_code("S2");
  request.set_sku("P1");
  v1::GetStockLevelResponse response;
  EXPECT_THAT(stub_->GetStockLevel(ContextFor(kHeadOfficeSecret).get(), request,
                                   &response),
              IsGrpcError(grpc::StatusCode::INTERNAL, "INTERNAL_ERROR"));
  EXPECT_THAT(stub_->GetStockLevel(ContextFor("").get(), request, &response),
              IsGrpcError(grpc::StatusCode::UNAUTHENTICATED, "MISSING_TOKEN"));
}

}  // namespace
}  // namespace backoffice::testing
