// AccessService in process: the real service over the real domain::Access
// over a mock repository.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "access/domain/access.h"
#include "access/domain/access_policy.h"
#include "access/transport/access_grpc_service.h"
#include "backoffice/v1/access_service.grpc.pb.h"
#include "core/domain/token_secret.h"
#include "in_process_server.h"

namespace backoffice::testing {
namespace {

using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;

class MockAccessRepository : public domain::AccessRepository {
 public:
  MOCK_METHOD(StatusOr<domain::Principal>, FindPrincipalByTokenHash,
              (const std::string&), (override));
  MOCK_METHOD(StatusOr<domain::AccessToken>, CreateToken,
              (const domain::AccessToken&, const std::string&,
               const domain::RequestContext*),
              (override));
  MOCK_METHOD(StatusOr<std::vector<domain::AccessToken>>, ListTokens,
              (bool, const domain::PageRequest&), (override));
  MOCK_METHOD(StatusOr<domain::AccessToken>, GetToken, (std::int64_t),
              (override));
  MOCK_METHOD(StatusOr<domain::AccessToken>, RevokeToken,
              (std::int64_t, const domain::RequestContext&), (override));
  MOCK_METHOD(StatusOr<std::int64_t>, ReadRevocationGeneration, (), (override));
};

class AccessTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Add<transport::AccessGrpcService>(access_,
                                              domain::AccessMethodPolicies());
    server_.Start();
    stub_ = v1::AccessService::NewStub(server_.channel());
  }

  StrictMock<MockAccessRepository> repository_;
  domain::Access access_{repository_};
  InProcessServer server_;
  std::unique_ptr<v1::AccessService::Stub> stub_;
};

TEST_F(AccessTransportTest, CallerIdentityIsTheAuthenticatedToken) {
  domain::AccessToken token;
  token.id = 11;
  token.display_name = "till";
  token.role = domain::Role::kPosTerminal;
  token.store_code = "S1";
  token.terminal_code = "T1";
  token.create_time = 1'700'000'000'000'000;
  token.creator_id = 15;
  // The principal's token id, from the fake authenticator, reaches storage.
  EXPECT_CALL(repository_, GetToken(11)).WillOnce(Return(token));
  v1::GetCallerIdentityResponse response;
  auto status = stub_->GetCallerIdentity(
      ContextFor(kTillSecret).get(), v1::GetCallerIdentityRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.access_token().id(), "tok_11");
  EXPECT_EQ(response.access_token().role(), v1::ROLE_POS_TERMINAL);
  EXPECT_EQ(response.access_token().store_code(), "S1");
  EXPECT_EQ(response.access_token().terminal_code(), "T1");
  EXPECT_EQ(response.access_token().creator_id(), "tok_15");
  EXPECT_FALSE(response.access_token().has_revoke_time());
}

TEST_F(AccessTransportTest, CreateTokenStoresTheHashOfTheSecretItReturns) {
  domain::AccessToken seen;
  std::string seen_hash;
  std::string seen_request_id;
  EXPECT_CALL(repository_, CreateToken(_, _, _))
      .WillOnce([&](const domain::AccessToken& token, const std::string& hash,
                    const domain::RequestContext* ctx) {
        seen = token;
        seen_hash = hash;
        if (ctx != nullptr) seen_request_id = ctx->request_id;
        domain::AccessToken stored = token;
        stored.id = 40;
        return StatusOr<domain::AccessToken>(stored);
      });
  v1::CreateAccessTokenRequest request;
  request.set_request_id("req-1");
  request.mutable_access_token()->set_display_name("till 4");
  request.mutable_access_token()->set_role(v1::ROLE_POS_TERMINAL);
  request.mutable_access_token()->set_store_code("S2");
  request.mutable_access_token()->set_terminal_code("T4");
  v1::CreateAccessTokenResponse response;
  auto status = stub_->CreateAccessToken(ContextFor(kAdminSecret).get(),
                                         request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(seen.display_name, "till 4");
  EXPECT_EQ(seen.role, domain::Role::kPosTerminal);
  EXPECT_EQ(seen.store_code, "S2");
  EXPECT_EQ(seen.terminal_code, "T4");
  EXPECT_EQ(seen_request_id, "req-1");
  EXPECT_EQ(response.access_token().id(), "tok_40");
  ASSERT_FALSE(response.secret().empty());
  EXPECT_EQ(seen_hash, domain::HashTokenSecret(response.secret()));
  EXPECT_NE(seen_hash, response.secret());
}

TEST_F(AccessTransportTest, OnlyAdminsManageTokens) {
  for (const char* secret :
       {kTillSecret, kStaffSecret, kManagerSecret, kHeadOfficeSecret}) {
    v1::RevokeAccessTokenRequest request;
    request.set_id("tok_5");
    v1::RevokeAccessTokenResponse response;
    EXPECT_THAT(
        stub_->RevokeAccessToken(ContextFor(secret).get(), request, &response),
        IsGrpcError(grpc::StatusCode::PERMISSION_DENIED, "ROLE_NOT_ALLOWED"))
        << secret;
  }
}

TEST_F(AccessTransportTest, RevokeMapsTheIdAndStorageErrors) {
  EXPECT_CALL(repository_, RevokeToken(5, _))
      .WillOnce(Return(domain::NotFound("TOKEN_NOT_FOUND", "no tok_5")));
  v1::RevokeAccessTokenRequest request;
  request.set_id("tok_5");
  v1::RevokeAccessTokenResponse response;
  EXPECT_THAT(stub_->RevokeAccessToken(ContextFor(kAdminSecret).get(), request,
                                       &response),
              IsGrpcError(grpc::StatusCode::NOT_FOUND, "TOKEN_NOT_FOUND"));

  request.set_id("token-five");  // Never reaches storage.
  EXPECT_THAT(stub_->RevokeAccessToken(ContextFor(kAdminSecret).get(), request,
                                       &response),
              IsGrpcError(grpc::StatusCode::INVALID_ARGUMENT, "INVALID_ID"));
}

TEST_F(AccessTransportTest, ExceptionAndMissingToken) {
  EXPECT_CALL(repository_, GetToken(15))
      .WillOnce([](std::int64_t) -> StatusOr<domain::AccessToken> {
        throw std::runtime_error("boom");
      });
  v1::GetCallerIdentityResponse response;
  EXPECT_THAT(
      stub_->GetCallerIdentity(ContextFor(kAdminSecret).get(),
                               v1::GetCallerIdentityRequest(), &response),
      IsGrpcError(grpc::StatusCode::INTERNAL, "INTERNAL_ERROR"));
  EXPECT_THAT(
      stub_->GetCallerIdentity(ContextFor("").get(),
                               v1::GetCallerIdentityRequest(), &response),
      IsGrpcError(grpc::StatusCode::UNAUTHENTICATED, "MISSING_TOKEN"));
}

}  // namespace
}  // namespace backoffice::testing
