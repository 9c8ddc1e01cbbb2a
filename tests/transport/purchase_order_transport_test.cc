// PurchaseOrderService in process: the real service over the real
// domain::PurchaseOrders over a mock repository. The repository's mutation
// callbacks run the domain's rules on an order the mock holds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "backoffice/v1/purchase_order_service.grpc.pb.h"
#include "in_process_server.h"
#include "purchasing/domain/purchase_order_policy.h"
#include "purchasing/domain/purchase_order_rules.h"
#include "purchasing/domain/purchase_orders.h"
#include "purchasing/transport/purchase_order_grpc_service.h"

namespace backoffice::testing {
namespace {

using ::testing::_;
using ::testing::StrictMock;

class MockPurchaseOrderRepository : public domain::PurchaseOrderRepository {
 public:
  MOCK_METHOD(StatusOr<domain::PurchasingSettings>, GetSettings,
              (const std::string&), (override));
  MOCK_METHOD(StatusOr<domain::PurchasingSettings>, UpdateSettings,
              (const std::string&, const domain::SettingsMutation&,
               const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<std::string>>, ListStoreCodes,
              (const std::string&, int), (override));
  MOCK_METHOD(StatusOr<domain::ReplenishmentData>, LoadReplenishment,
              (const std::string&, const domain::WindowOf&,
               domain::DemandWindow*),
              (override));
  MOCK_METHOD(StatusOr<domain::DraftRunOutcome>, DraftFromSuggestions,
              (const std::string&, const std::string&, const std::string&,
               const domain::WindowOf&, const domain::SuggestionsOf&,
               const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<domain::PurchaseOrderOutcome>, CreateOrder,
              (const domain::NewPurchaseOrder&, const std::string&,
               const domain::LinesMutation&, const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<domain::PurchaseOrder>, GetOrder,
              (const std::string&, const std::string&), (override));
  MOCK_METHOD(StatusOr<std::vector<domain::PurchaseOrder>>, ListOrders,
              (const std::string&, const domain::PurchaseOrderFilter&,
               const domain::PageRequest&),
              (override));
  MOCK_METHOD(StatusOr<domain::PurchaseOrder>, ChangeLines,
              (const std::string&, const std::string&,
               const std::vector<std::string>&, const domain::LinesMutation&,
               const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<domain::PurchaseOrder>, Transition,
              (const std::string&, const std::string&,
               const domain::TransitionMutation&,
               const domain::RequestContext&),
              (override));
};

class PurchaseOrderTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Add<transport::PurchaseOrderGrpcService>(
        orders_, domain::PurchaseOrderMethodPolicies());
    server_.Start();
    stub_ = v1::PurchaseOrderService::NewStub(server_.channel());
  }

  // A submitted order made by the staff principal (token 12).
  static domain::PurchaseOrder Submitted() {
    domain::PurchaseOrder o;
    o.store_code = "S1";
    o.order_id = "PO-1";
    o.supplier_code = "SUP1";
    o.state = domain::PurchaseOrderState::kSubmitted;
    o.currency_code = "IDR";
    o.version = 3;
    o.created_by = "tok_12";
    o.last_changed_by = "tok_12";
    o.submitted_by = "tok_12";
    o.lines.push_back({1, "RICE", 24000, 12000, 700, 1100, 0, 0, 0, 0});
    domain::RecomputeTotals(o);
    return o;
  }

  // Runs the domain's transition on `order` as the mock's stored row.
  void ExpectTransitionOn(domain::PurchaseOrder& order,
                          std::optional<std::int64_t> limit = std::nullopt) {
    EXPECT_CALL(repository_, Transition("S1", "PO-1", _, _))
        .WillOnce([&order, limit](const std::string&, const std::string&,
                                  const domain::TransitionMutation& mutate,
                                  const domain::RequestContext&)
                      -> StatusOr<domain::PurchaseOrder> {
          domain::PurchaseOrder copy = order;
          domain::TransitionFacts facts;
          facts.approval_limit_minor = limit;
          auto changed = mutate(copy, facts);
          if (!changed.ok()) return changed.status();
          order = copy;
          return copy;
        });
  }

  StrictMock<MockPurchaseOrderRepository> repository_;
  domain::PurchaseOrders orders_{repository_};
  InProcessServer server_;
  std::unique_ptr<v1::PurchaseOrderService::Stub> stub_;
};

TEST_F(PurchaseOrderTransportTest, ApprovalMapsMakerCheckerAndEtags) {
  domain::PurchaseOrder order = Submitted();
  v1::ApprovePurchaseOrderRequest request;
  request.set_store_code("S1");
  request.set_order_id("PO-1");
  request.set_etag("3");
  v1::ApprovePurchaseOrderResponse response;
  // Staff may not approve at all: refused at the edge.
  EXPECT_THAT(
      stub_->ApprovePurchaseOrder(ContextFor(kStaffSecret).get(), request,
                                  &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"));
  // A stale etag.
  request.set_etag("2");
  ExpectTransitionOn(order);
  EXPECT_THAT(stub_->ApprovePurchaseOrder(ContextFor(kManagerSecret).get(),
                                          request, &response),
              IsGrpcError(grpc::StatusCode::ABORTED, "ETAG_MISMATCH"));
  // Above the limit, the manager is refused and head office approves.
  request.set_etag("3");
  ExpectTransitionOn(order, 100);
  EXPECT_THAT(stub_->ApprovePurchaseOrder(ContextFor(kManagerSecret).get(),
                                          request, &response),
              IsGrpcError(grpc::StatusCode::PERMISSION_DENIED,
                          "APPROVAL_LIMIT_EXCEEDED"));
  ExpectTransitionOn(order, 100);
  auto status = stub_->ApprovePurchaseOrder(ContextFor(kHeadOfficeSecret).get(),
                                            request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.purchase_order().state(),
            v1::PURCHASE_ORDER_STATE_APPROVED);
  EXPECT_EQ(response.purchase_order().etag(), "4");
  EXPECT_EQ(response.purchase_order().approved_by(), "tok_14");
  EXPECT_EQ(response.purchase_order().total_with_tax().minor_units(),
            16800 + 1848);
  EXPECT_EQ(response.purchase_order().lines(0).line_cost().currency_code(),
            "IDR");
}

TEST_F(PurchaseOrderTransportTest, SelfApprovalAndStoreScope) {
  domain::PurchaseOrder order = Submitted();
  order.submitted_by = "tok_13";  // the manager submitted it
  v1::ApprovePurchaseOrderRequest request;
  request.set_store_code("S1");
  request.set_order_id("PO-1");
  request.set_etag("3");
  v1::ApprovePurchaseOrderResponse response;
  ExpectTransitionOn(order);
  EXPECT_THAT(stub_->ApprovePurchaseOrder(ContextFor(kManagerSecret).get(),
                                          request, &response),
              IsGrpcError(grpc::StatusCode::PERMISSION_DENIED,
                          "SELF_APPROVAL_FORBIDDEN"));
  request.set_store_code("S2");
  EXPECT_THAT(
      stub_->ApprovePurchaseOrder(ContextFor(kManagerSecret).get(), request,
                                  &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "STORE_OUT_OF_SCOPE"));
}

TEST_F(PurchaseOrderTransportTest, CreateValidatesBeforeTheRepository) {
  v1::CreatePurchaseOrderRequest request;
  request.set_store_code("S1");
  request.set_order_id("PO 1");  // a space: not an id
  request.set_supplier_code("SUP1");
  v1::CreatePurchaseOrderResponse response;
  EXPECT_THAT(
      stub_->CreatePurchaseOrder(ContextFor(kStaffSecret).get(), request,
                                 &response),
      IsGrpcError(grpc::StatusCode::INVALID_ARGUMENT, "INVALID_ORDER_ID"));
  request.set_order_id("PO-1");
  auto* line = request.add_lines();
  line->set_sku("RICE");
  line->set_quantity_milli(12000);
  *request.add_lines() = *line;
  EXPECT_THAT(
      stub_->CreatePurchaseOrder(ContextFor(kStaffSecret).get(), request,
                                 &response),
      IsGrpcError(grpc::StatusCode::INVALID_ARGUMENT, "DUPLICATE_LINE"));
}

}  // namespace
}  // namespace backoffice::testing
