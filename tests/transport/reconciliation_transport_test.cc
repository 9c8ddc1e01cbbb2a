// ReconciliationService in process: the real service over the real
// domain::Reconciliation over a mock repository.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "audit/domain/audit_log.h"
#include "audit/domain/audit_policy.h"
#include "audit/transport/audit_grpc_service.h"
#include "backoffice/v1/audit_service.grpc.pb.h"
#include "backoffice/v1/reconciliation_service.grpc.pb.h"
#include "in_process_server.h"
#include "reconciliation/domain/reconciliation.h"
#include "reconciliation/domain/reconciliation_policy.h"
#include "reconciliation/transport/reconciliation_grpc_service.h"

namespace backoffice::testing {
namespace {

using ::testing::Return;
using ::testing::StrictMock;

class MockReconciliationRepository : public domain::ReconciliationRepository {
 public:
  MOCK_METHOD(StatusOr<domain::LedgerReport>, VerifyLedger,
              (const std::string&), (override));
};

class ReconciliationTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Add<transport::ReconciliationGrpcService>(
        reconciliation_, domain::ReconciliationMethodPolicies());
    server_.Start();
    stub_ = v1::ReconciliationService::NewStub(server_.channel());
  }

  StrictMock<MockReconciliationRepository> repository_;
  domain::Reconciliation reconciliation_{repository_};
  InProcessServer server_;
  std::unique_ptr<v1::ReconciliationService::Stub> stub_;
};

TEST_F(ReconciliationTransportTest, ReportIsMappedWithEveryViolation) {
  domain::LedgerReport report;
  report.stores_checked = 1;
  report.balances_checked = 340;
  report.sales_checked = 1200;
  report.violations = {
      {"BALANCE_MISMATCH", "S1", "P1", "on hand 5000, movements 4000"},
      {"SALE_TOTAL_MISMATCH", "S1", "sale-3", "lines 900, total 1000"}};
  EXPECT_CALL(repository_, VerifyLedger("S1")).WillOnce(Return(report));
  v1::VerifyLedgerRequest request;
  request.set_store_code("S1");
  v1::VerifyLedgerResponse response;
  auto status = stub_->VerifyLedger(ContextFor(kHeadOfficeSecret).get(),
                                    request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.stores_checked(), 1);
  EXPECT_EQ(response.balances_checked(), 340);
  EXPECT_EQ(response.sales_checked(), 1200);
  ASSERT_EQ(response.violations_size(), 2);
  EXPECT_EQ(response.violations(0).kind(), "BALANCE_MISMATCH");
  EXPECT_EQ(response.violations(0).store_code(), "S1");
  EXPECT_EQ(response.violations(0).entity_id(), "P1");
  EXPECT_EQ(response.violations(0).detail(), "on hand 5000, movements 4000");
  EXPECT_EQ(response.violations(1).kind(), "SALE_TOTAL_MISMATCH");
}

TEST_F(ReconciliationTransportTest, EmptyStoreMeansTheWholeChain) {
  EXPECT_CALL(repository_, VerifyLedger(""))
      .WillOnce(Return(domain::LedgerReport{3, 10, 20, {}}));
  v1::VerifyLedgerResponse response;
  auto status = stub_->VerifyLedger(ContextFor(kAdminSecret).get(),
                                    v1::VerifyLedgerRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.stores_checked(), 3);
  EXPECT_EQ(response.violations_size(), 0);
}

TEST_F(ReconciliationTransportTest, StoreRolesMayNotVerify) {
  for (const char* secret : {kTillSecret, kStaffSecret, kManagerSecret}) {
    v1::VerifyLedgerResponse response;
    EXPECT_THAT(
        stub_->VerifyLedger(ContextFor(secret).get(), v1::VerifyLedgerRequest(),
                            &response),
        IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"))
        << secret;
  }
  v1::VerifyLedgerResponse response;
  EXPECT_THAT(stub_->VerifyLedger(ContextFor("expired").get(),
                                  v1::VerifyLedgerRequest(), &response),
              IsGrpcError(grpc::StatusCode::UNAUTHENTICATED, "INVALID_TOKEN"));
}

TEST_F(ReconciliationTransportTest, StorageFailuresAndExceptionsAreMapped) {
  EXPECT_CALL(repository_, VerifyLedger("S1"))
      .WillOnce(Return(domain::Unavailable("DATABASE_UNAVAILABLE", "lost")))
      .WillOnce([](const std::string&) -> StatusOr<domain::LedgerReport> {
        throw std::runtime_error("boom");
      });
  v1::VerifyLedgerRequest request;
  request.set_store_code("S1");
  v1::VerifyLedgerResponse response;
  EXPECT_THAT(
      stub_->VerifyLedger(ContextFor(kAdminSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::UNAVAILABLE, "DATABASE_UNAVAILABLE"));
  EXPECT_THAT(
      stub_->VerifyLedger(ContextFor(kAdminSecret).get(), request, &response),
      IsGrpcError(grpc::StatusCode::INTERNAL, "INTERNAL_ERROR"));
}

// An empty audit trail, for the server of several modules below.
class EmptyAuditRepository : public domain::AuditRepository {
 public:
  StatusOr<std::vector<domain::AuditRecord>> ListAuditRecords(
      const domain::AuditFilter&, const domain::PageRequest&) override {
    return std::vector<domain::AuditRecord>{};
  }
};

TEST(InProcessServerTest, OneServerJoinsThePoliciesOfSeveralModules) {
  StrictMock<MockReconciliationRepository> ledger;
  domain::Reconciliation reconciliation(ledger);
  EmptyAuditRepository trail;
  domain::AuditLog audit(trail);
  InProcessServer server;
  server.Add<transport::ReconciliationGrpcService>(
      reconciliation, domain::ReconciliationMethodPolicies());
  server.Add<transport::AuditGrpcService>(audit, domain::AuditMethodPolicies());
  server.Start();
  auto reconciliation_stub =
      v1::ReconciliationService::NewStub(server.channel());
  auto audit_stub = v1::AuditService::NewStub(server.channel());

  EXPECT_CALL(ledger, VerifyLedger(""))
      .WillOnce(Return(domain::LedgerReport{2, 0, 0, {}}));
  v1::VerifyLedgerResponse verified;
  EXPECT_TRUE(reconciliation_stub
                  ->VerifyLedger(ContextFor(kHeadOfficeSecret).get(),
                                 v1::VerifyLedgerRequest(), &verified)
                  .ok());
  v1::ListAuditRecordsResponse listed;
  // The same principal: allowed by one module's policy, denied by the other's.
  EXPECT_THAT(
      audit_stub->ListAuditRecords(ContextFor(kHeadOfficeSecret).get(),
                                   v1::ListAuditRecordsRequest(), &listed),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"));
  EXPECT_TRUE(audit_stub
                  ->ListAuditRecords(ContextFor(kAdminSecret).get(),
                                     v1::ListAuditRecordsRequest(), &listed)
                  .ok());
}

}  // namespace
}  // namespace backoffice::testing
