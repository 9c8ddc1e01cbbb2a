// AuditService in process: the real service over the real domain::AuditLog
// over a mock repository.
#include <gmock/gmock.h>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "audit/domain/audit_log.h"
#include "audit/domain/audit_policy.h"
#include "audit/transport/audit_grpc_service.h"
#include "backoffice/v1/audit_service.grpc.pb.h"
#include "in_process_server.h"

namespace backoffice::testing {
namespace {

using ::google::protobuf::util::TimeUtil;
using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

class MockAuditRepository : public domain::AuditRepository {
 public:
  MOCK_METHOD(StatusOr<std::vector<domain::AuditRecord>>, ListAuditRecords,
              (const domain::AuditFilter&, const domain::PageRequest&),
              (override));
};

class AuditTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Add<transport::AuditGrpcService>(audit_,
                                             domain::AuditMethodPolicies());
    server_.Start();
    stub_ = v1::AuditService::NewStub(server_.channel());
  }

  static domain::AuditRecord Record(std::int64_t id) {
    domain::AuditRecord r;
    r.id = id;
    r.create_time = 1'700'000'000'000'000 + id;
    r.principal_id = 7;
    r.principal_name = "manager";
    r.role = domain::Role::kStoreManager;
    r.store_code = "S1";
    r.method = "/backoffice.v1.SalesService/VoidSale";
    r.entity_type = "sale";
    r.entity_id = "sale-" + std::to_string(id);
    r.request_id = "req-" + std::to_string(id);
    r.peer = "ipv4:10.0.0.1:5000";
    return r;
  }

  StrictMock<MockAuditRepository> repository_;
  domain::AuditLog audit_{repository_};
  InProcessServer server_;
  std::unique_ptr<v1::AuditService::Stub> stub_;
};

TEST_F(AuditTransportTest, FiltersReachStorageAndRecordsComeBackPaged) {
  domain::AuditFilter seen;
  domain::PageRequest seen_page;
  EXPECT_CALL(repository_, ListAuditRecords(_, _))
      .WillOnce([&](const domain::AuditFilter& filter,
                    const domain::PageRequest& page) {
        seen = filter;
        seen_page = page;
        // One more than asked for: another page follows.
        return StatusOr<std::vector<domain::AuditRecord>>(
            std::vector<domain::AuditRecord>{Record(9), Record(8), Record(7)});
      });
  v1::ListAuditRecordsRequest request;
  request.set_page_size(2);
  request.set_store_code("S1");
  request.set_method("/backoffice.v1.SalesService/VoidSale");
  request.set_entity_type("sale");
  request.set_entity_id("sale-9");
  request.set_principal_id("tok_7");
  *request.mutable_start_time() =
      TimeUtil::MicrosecondsToTimestamp(1'700'000'000'000'000);
  *request.mutable_end_time() =
      TimeUtil::MicrosecondsToTimestamp(1'700'000'100'000'000);
  v1::ListAuditRecordsResponse response;
  auto status = stub_->ListAuditRecords(ContextFor(kAdminSecret).get(), request,
                                        &response);
  ASSERT_TRUE(status.ok()) << status.error_message();

  EXPECT_EQ(seen.store_code, "S1");
  EXPECT_EQ(seen.method, "/backoffice.v1.SalesService/VoidSale");
  EXPECT_EQ(seen.entity_type, "sale");
  EXPECT_EQ(seen.entity_id, "sale-9");
  EXPECT_EQ(seen.principal_id, std::optional<std::int64_t>(7));
  EXPECT_EQ(seen.start_time,
            std::optional<domain::TimeMicros>(1'700'000'000'000'000));
  EXPECT_EQ(seen.end_time,
            std::optional<domain::TimeMicros>(1'700'000'100'000'000));
  EXPECT_EQ(seen_page.page_size, 2);

  ASSERT_EQ(response.audit_records_size(), 2);
  const v1::AuditRecord& first = response.audit_records(0);
  EXPECT_EQ(first.id(), 9);
  EXPECT_EQ(first.principal_id(), "tok_7");
  EXPECT_EQ(first.role(), v1::ROLE_STORE_MANAGER);
  EXPECT_EQ(first.entity_id(), "sale-9");
  EXPECT_EQ(first.request_id(), "req-9");
  EXPECT_EQ(TimeUtil::TimestampToMicroseconds(first.create_time()),
            1'700'000'000'000'009);
  EXPECT_FALSE(response.next_page_token().empty());
}

TEST_F(AuditTransportTest, OnlyAdminsReadTheTrail) {
  v1::ListAuditRecordsResponse response;
  EXPECT_THAT(
      stub_->ListAuditRecords(ContextFor(kHeadOfficeSecret).get(),
                              v1::ListAuditRecordsRequest(), &response),
      IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"));
  EXPECT_THAT(stub_->ListAuditRecords(ContextFor("nope").get(),
                                      v1::ListAuditRecordsRequest(), &response),
              IsGrpcError(grpc::StatusCode::UNAUTHENTICATED, "INVALID_TOKEN"));
}

TEST_F(AuditTransportTest, BadFiltersAreInvalidArgumentsBeforeStorage) {
  v1::ListAuditRecordsRequest request;
  request.set_principal_id("someone");
  v1::ListAuditRecordsResponse response;
  EXPECT_THAT(stub_->ListAuditRecords(ContextFor(kAdminSecret).get(), request,
                                      &response),
              IsGrpcError(grpc::StatusCode::INVALID_ARGUMENT, "INVALID_ID"));
  request.clear_principal_id();
  request.set_page_token("forged");
  EXPECT_THAT(
      stub_->ListAuditRecords(ContextFor(kAdminSecret).get(), request,
                              &response),
      IsGrpcError(grpc::StatusCode::INVALID_ARGUMENT, "INVALID_PAGE_TOKEN"));
}

TEST_F(AuditTransportTest, StorageErrorsAndExceptionsAreMapped) {
  EXPECT_CALL(repository_, ListAuditRecords(_, _))
      .WillOnce(Return(domain::Aborted("DATABASE_CONFLICT", "deadlock")))
      .WillOnce([](const domain::AuditFilter&, const domain::PageRequest&)
                    -> StatusOr<std::vector<domain::AuditRecord>> {
        throw std::bad_alloc();
      });
  v1::ListAuditRecordsResponse response;
  EXPECT_THAT(stub_->ListAuditRecords(ContextFor(kAdminSecret).get(),
                                      v1::ListAuditRecordsRequest(), &response),
              IsGrpcError(grpc::StatusCode::ABORTED, "DATABASE_CONFLICT"));
  EXPECT_THAT(stub_->ListAuditRecords(ContextFor(kAdminSecret).get(),
                                      v1::ListAuditRecordsRequest(), &response),
              IsGrpcError(grpc::StatusCode::INTERNAL, "INTERNAL_ERROR"));
}

}  // namespace
}  // namespace backoffice::testing
