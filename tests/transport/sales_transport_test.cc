// SalesService in process: the real service over the real domain::Sales over
// a mock repository.
#include <gmock/gmock.h>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "backoffice/v1/sales_service.grpc.pb.h"
#include "in_process_server.h"
#include "sales/domain/sales.h"
#include "sales/domain/sales_policy.h"
#include "sales/transport/sales_grpc_service.h"

namespace backoffice::testing {
namespace {

using ::google::protobuf::util::TimeUtil;
using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

class MockSalesRepository : public domain::SalesRepository {
 public:
  MOCK_METHOD(StatusOr<domain::SalesSummary>, SummarizeSales,
              (const std::string&, const std::string&, const std::string&),
              (override));
  MOCK_METHOD(StatusOr<std::vector<domain::SaleOutcome>>, RecordSales,
              (const std::vector<domain::Sale>&, const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<domain::ReturnOutcome>, RecordReturn,
              (const domain::SaleReturn&, const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<domain::VoidOutcome>, VoidSale,
              (const std::string&, const std::string&, const std::string&,
               const domain::RequestContext&),
              (override));
  MOCK_METHOD(StatusOr<domain::Sale>, GetSale,
              (const std::string&, const std::string&), (override));
  MOCK_METHOD(StatusOr<std::vector<domain::Sale>>, ListSales,
              (const domain::SaleFilter&, const domain::PageRequest&),
              (override));
  MOCK_METHOD(StatusOr<domain::ReceiptCheck>, CheckReceipts,
              (const std::string&, const std::string&, const std::string&),
              (override));
};

constexpr domain::TimeMicros kNow = 1'795'905'000'000'000;

class SalesTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Add<transport::SalesGrpcService>(sales_,
                                             domain::SalesMethodPolicies());
    server_.Start();
    stub_ = v1::SalesService::NewStub(server_.channel());
  }

  // A valid sale of till T1 in store S1: 2 x 25.00 by card.
  static v1::Sale WireSale() {
    v1::Sale sale;
    sale.set_sale_id("sale-1");
    sale.set_store_code("S1");
    sale.set_terminal_code("T1");
    sale.set_cashier("ani");
    sale.set_receipt_number(42);
    *sale.mutable_sale_time() = TimeUtil::MicrosecondsToTimestamp(kNow - 1000);
    auto* line = sale.add_lines();
    line->set_line_number(1);
    line->set_sku("P1");
    line->set_quantity_milli(2000);
    line->set_unit_price_minor(2500);
    line->set_amount_minor(5000);
    line->set_tax_rate_basis_points(1100);
    line->set_tax_minor(495);
    auto* tender = sale.add_tenders();
    tender->set_type(v1::TENDER_TYPE_CARD);
    tender->set_amount_minor(5000);
    tender->set_reference("auth-77");
    return sale;
  }

  StrictMock<MockSalesRepository> repository_;
  domain::Sales sales_{repository_, [] { return kNow; }};
  InProcessServer server_;
  std::unique_ptr<v1::SalesService::Stub> stub_;
};

TEST_F(SalesTransportTest, RecordSaleMapsRequestToDomainAndOutcomeToResponse) {
  std::vector<domain::Sale> seen;
  domain::RequestContext seen_ctx;
  EXPECT_CALL(repository_, RecordSales(_, _))
      .WillOnce([&](const std::vector<domain::Sale>& sales,
                    const domain::RequestContext& ctx) {
        seen = sales;
        seen_ctx = ctx;
        domain::SaleOutcome outcome;
        outcome.sale = sales.front();
        outcome.sale.business_day = "2026-11-29";
        outcome.sale.total_minor = 5000;
        outcome.sale.currency_code = "IDR";
        outcome.sale.record_time = kNow;
        outcome.sale.exceptions = {{"PRODUCT_INACTIVE", 1}};
        outcome.replayed = true;
        return StatusOr<std::vector<domain::SaleOutcome>>(
            std::vector<domain::SaleOutcome>{outcome});
      });
  v1::RecordSaleRequest request;
  *request.mutable_sale() = WireSale();
  v1::RecordSaleResponse response;
  auto status =
      stub_->RecordSale(ContextFor(kTillSecret).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();

  // Request -> domain values, and who asked.
  ASSERT_EQ(seen.size(), 1u);
  const domain::Sale& sale = seen.front();
  EXPECT_EQ(sale.sale_id, "sale-1");
  EXPECT_EQ(sale.store_code, "S1");
  EXPECT_EQ(sale.terminal_code, "T1");
  EXPECT_EQ(sale.cashier, "ani");
  EXPECT_EQ(sale.receipt_number, 42);
  EXPECT_EQ(sale.sale_time, kNow - 1000);
  ASSERT_EQ(sale.lines.size(), 1u);
  EXPECT_EQ(sale.lines[0].sku, "P1");
  EXPECT_EQ(sale.lines[0].quantity_milli, 2000);
  EXPECT_EQ(sale.lines[0].unit_price_minor, 2500);
  EXPECT_EQ(sale.lines[0].amount_minor, 5000);
  EXPECT_EQ(sale.lines[0].tax_rate_basis_points, 1100);
  EXPECT_EQ(sale.lines[0].tax_minor, 495);
  ASSERT_EQ(sale.tenders.size(), 1u);
  EXPECT_EQ(sale.tenders[0].type, domain::TenderType::kCard);
  EXPECT_EQ(sale.tenders[0].amount_minor, 5000);
  EXPECT_EQ(sale.tenders[0].reference, "auth-77");
  EXPECT_EQ(seen_ctx.principal.token_id, 11);
  EXPECT_EQ(seen_ctx.principal.role, domain::Role::kPosTerminal);
  EXPECT_EQ(seen_ctx.method, "/backoffice.v1.SalesService/RecordSale");
  EXPECT_EQ(seen_ctx.request_id, "sale-1");

  // Outcome -> response.
  EXPECT_TRUE(response.replayed());
  EXPECT_EQ(response.sale().sale_id(), "sale-1");
  EXPECT_EQ(response.sale().business_day(), "2026-11-29");
  EXPECT_EQ(response.sale().total_minor(), 5000);
  EXPECT_EQ(response.sale().currency_code(), "IDR");
  EXPECT_EQ(TimeUtil::TimestampToMicroseconds(response.sale().record_time()),
            kNow);
  EXPECT_EQ(response.sale().tenders(0).type(), v1::TENDER_TYPE_CARD);
  ASSERT_EQ(response.sale().exceptions_size(), 1);
  EXPECT_EQ(response.sale().exceptions(0).kind(), "PRODUCT_INACTIVE");
  EXPECT_EQ(response.sale().state(), v1::SALE_STATE_RECORDED);
}

TEST_F(SalesTransportTest, RefusedSaleKeepsItsCodeAndReason) {
  EXPECT_CALL(repository_, RecordSales(_, _))
      .WillOnce([](const std::vector<domain::Sale>& sales,
                   const domain::RequestContext&) {
        domain::SaleOutcome outcome;
        outcome.sale = sales.front();
        outcome.status = domain::AlreadyExists("DUPLICATE_RECEIPT_NUMBER",
                                               "receipt 42 is taken");
        return StatusOr<std::vector<domain::SaleOutcome>>(
            std::vector<domain::SaleOutcome>{outcome});
      });
  v1::RecordSaleRequest request;
  *request.mutable_sale() = WireSale();
  v1::RecordSaleResponse response;
  auto status =
      stub_->RecordSale(ContextFor(kTillSecret).get(), request, &response);
  EXPECT_THAT(status, IsGrpcError(grpc::StatusCode::ALREADY_EXISTS,
                                  "DUPLICATE_RECEIPT_NUMBER"));
  EXPECT_EQ(status.error_message(), "receipt 42 is taken");
  EXPECT_EQ(ErrorInfoOf(status).domain(), "backoffice.v1");
}

TEST_F(SalesTransportTest, DatabaseFailureIsUnavailableWithItsReason) {
  EXPECT_CALL(repository_, GetSale("S1", "sale-9"))
      .WillOnce(Return(domain::Unavailable("DATABASE_UNAVAILABLE", "gone")));
  v1::GetSaleRequest request;
  request.set_store_code("S1");
  request.set_sale_id("sale-9");
  v1::GetSaleResponse response;
  EXPECT_THAT(
      stub_->GetSale(ContextFor(kStaffSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::UNAVAILABLE, "DATABASE_UNAVAILABLE"));
}

TEST_F(SalesTransportTest, VoidIsRefusedToATillBeforeTheDomainRuns) {
  // StrictMock: the repository is never reached.
  v1::VoidSaleRequest request;
  request.set_store_code("S1");
  request.set_sale_id("sale-1");
  request.set_reason("wrong customer");
  v1::VoidSaleResponse response;
  EXPECT_THAT(
      stub_->VoidSale(ContextFor(kTillSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"));
}

TEST_F(SalesTransportTest, VoidByTheManagerReachesTheRepository) {
  domain::VoidOutcome outcome;
  outcome.sale.sale_id = "sale-1";
  outcome.sale.store_code = "S1";
  outcome.sale.state = domain::SaleState::kVoided;
  EXPECT_CALL(repository_, VoidSale("S1", "sale-1", "wrong customer", _))
      .WillOnce(Return(outcome));
  v1::VoidSaleRequest request;
  request.set_store_code("S1");
  request.set_sale_id("sale-1");
  request.set_reason("wrong customer");
  v1::VoidSaleResponse response;
  auto status =
      stub_->VoidSale(ContextFor(kManagerSecret).get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.sale().state(), v1::SALE_STATE_VOIDED);
  EXPECT_FALSE(response.replayed());
}

TEST_F(SalesTransportTest, MissingOrUnknownTokenIsUnauthenticated) {
  v1::GetSaleRequest request;
  request.set_store_code("S1");
  request.set_sale_id("sale-1");
  v1::GetSaleResponse response;
  EXPECT_THAT(stub_->GetSale(ContextFor("").get(), request, &response),
              IsGrpcError(grpc::StatusCode::UNAUTHENTICATED, "MISSING_TOKEN"));
  EXPECT_THAT(
      stub_->GetSale(ContextFor("not-a-token").get(), request, &response),
      IsGrpcError(grpc::StatusCode::UNAUTHENTICATED, "INVALID_TOKEN"));
  grpc::ClientContext basic;
  basic.AddMetadata("authorization", "Basic abc");
  EXPECT_THAT(stub_->GetSale(&basic, request, &response),
              IsGrpcError(grpc::StatusCode::UNAUTHENTICATED,
                          "MALFORMED_AUTHORIZATION"));
}

TEST_F(SalesTransportTest, ExceptionInTheRepositoryIsInternalNotUnknown) {
  EXPECT_CALL(repository_, CheckReceipts("S1", "T1", "2026-11-29"))
      .WillOnce([](const std::string&, const std::string&,
                   const std::string&) -> StatusOr<domain::ReceiptCheck> {
        throw std::runtime_error("boom");
      });
  v1::CheckReceiptSequenceRequest request;
  request.set_store_code("S1");
  request.set_terminal_code("T1");
  request.set_business_day("2026-11-29");
  v1::CheckReceiptSequenceResponse response;
  auto status = stub_->CheckReceiptSequence(ContextFor(kManagerSecret).get(),
                                            request, &response);
  EXPECT_THAT(status,
              IsGrpcError(grpc::StatusCode::INTERNAL, "INTERNAL_ERROR"));
  EXPECT_EQ(status.error_message().find("boom"), std::string::npos)
      << "the exception's text stays in the server's log";
}

}  // namespace
}  // namespace backoffice::testing
