// PurchasingService in process: the real service over the real
// domain::Purchasing over a mock repository.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "backoffice/v1/purchasing_service.grpc.pb.h"
#include "in_process_server.h"
#include "purchasing/domain/purchasing.h"
#include "purchasing/domain/purchasing_policy.h"
#include "purchasing/transport/purchasing_grpc_service.h"

namespace backoffice::testing {
namespace {

using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

class MockPurchasingRepository : public domain::PurchasingRepository {
 public:
  MOCK_METHOD(StatusOr<domain::SupplierItem>, CreateSupplierItem,
              (const domain::SupplierItem&, const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<domain::SupplierItem>, GetSupplierItem,
              (const std::string&, const std::string&), (override));
  MOCK_METHOD(StatusOr<domain::SupplierItem>, UpdateSupplierItem,
              (const std::string&, const std::string&,
               const domain::SupplierItemMutation&,
               const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<domain::SupplierItem>>, ListSupplierItems,
              (const domain::SupplierItemFilter&, const domain::PageRequest&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<domain::SupplierItemImportResult>>,
              ImportSupplierItems,
              (const std::vector<domain::SupplierItemImportRow>&,
               const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::string>, StoreTimeZone, (const std::string&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<domain::DemandDay>>, ListDemandDays,
              (const std::string&, const std::string&, const std::string&,
               const std::string&, const std::string&, int),
              (override));
};

class PurchasingTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Add<transport::PurchasingGrpcService>(
        purchasing_, domain::PurchasingMethodPolicies());
    server_.Start();
    stub_ = v1::PurchasingService::NewStub(server_.channel());
  }

  StrictMock<MockPurchasingRepository> repository_;
  domain::Purchasing purchasing_{repository_};
  InProcessServer server_;
  std::unique_ptr<v1::PurchasingService::Stub> stub_;
};

TEST_F(PurchasingTransportTest, CreateSupplierItemMapsBothWays) {
  domain::SupplierItem seen;
  EXPECT_CALL(repository_, CreateSupplierItem(_, _))
      .WillOnce(
          [&](const domain::SupplierItem& item, const domain::RequestContext&) {
            seen = item;
            domain::SupplierItem stored = item;
            stored.create_time = 1'700'000'000'000'000;
            return StatusOr<domain::SupplierItem>(stored);
          });
  v1::CreateSupplierItemRequest request;
  auto* item = request.mutable_supplier_item();
  item->set_supplier_code("SUP1");
  item->set_sku("RICE");
  item->set_supplier_sku("R5");
  item->set_pack_size_milli(12000);
  item->set_min_order_quantity_milli(24000);
  item->mutable_unit_cost()->set_currency_code("IDR");
  item->mutable_unit_cost()->set_minor_units(61000);
  item->set_tax_rate_basis_points(1100);
  item->set_lead_time_days(3);
  item->set_active(true);
  v1::CreateSupplierItemResponse response;
  auto status = stub_->CreateSupplierItem(ContextFor(kHeadOfficeSecret).get(),
                                          request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(seen.supplier_code, "SUP1");
  EXPECT_EQ(seen.pack_size_milli, 12000);
  EXPECT_EQ(seen.unit_cost.minor_units, 61000);
  EXPECT_EQ(seen.lead_time_days, 3);
  EXPECT_EQ(response.supplier_item().min_order_quantity_milli(), 24000);
  EXPECT_TRUE(response.supplier_item().has_create_time());

  // Invalid input never reaches the repository.
  item->set_pack_size_milli(0);
  EXPECT_THAT(stub_->CreateSupplierItem(ContextFor(kHeadOfficeSecret).get(),
                                        request, &response),
              IsGrpcError(grpc::StatusCode::INVALID_ARGUMENT,
                          "INVALID_PACK_SIZE_MILLI"));
  // A store manager reads but does not write.
  EXPECT_THAT(
      stub_->CreateSupplierItem(ContextFor(kManagerSecret).get(), request,
                                &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"));
}

TEST_F(PurchasingTransportTest, ListDemandAveragesAndKeepsStoreScope) {
  EXPECT_CALL(repository_,
              ListDemandDays("S1", "", "2026-01-06", "2026-01-07", "", 101))
      .WillOnce(Return(std::vector<domain::DemandDay>{
          {"RICE", "2026-01-06", 3000, 0, 0},
          {"RICE", "2026-01-07", 2000, 1000, 0}}));
  v1::ListDemandRequest request;
  request.set_store_code("S1");
  request.set_window_days(2);
  request.set_end_day("2026-01-07");
  v1::ListDemandResponse response;
  auto status =
      stub_->ListDemand(ContextFor(kManagerSecret).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.start_day(), "2026-01-06");
  ASSERT_EQ(response.demands_size(), 1);
  EXPECT_EQ(response.demands(0).net_quantity_milli(), 4000);
  EXPECT_EQ(response.demands(0).average_daily_milli(), 2000);
  EXPECT_EQ(response.demands(0).days_with_sales(), 2);

  request.set_store_code("S2");
  EXPECT_THAT(
      stub_->ListDemand(ContextFor(kManagerSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "STORE_OUT_OF_SCOPE"));
  EXPECT_THAT(
      stub_->ListDemand(ContextFor(kTillSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"));
}

}  // namespace
}  // namespace backoffice::testing
