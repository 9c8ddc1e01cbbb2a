// Authentication and authorisation against the real server: the whole
// role x RPC matrix from the policy table, store scope, and wrong, missing
// and revoked tokens.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <future>

#include "backoffice/client.h"
#include "backoffice/v1/common.pb.h"
#include "core/domain/authorization.h"
#include "registered_modules.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using testing::RunningServer;
using testing::ScratchDatabase;

struct CallResult {
  grpc::StatusCode code;
  std::string reason;
};

// Calls any method by name with an empty request, as a generic client
// would: the matrix then needs no code per RPC.
CallResult CallEmpty(const std::string& address, const std::string& method,
                     const std::string& token) {
  auto channel =
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  grpc::Slice empty_message("");  // Every field at its default.
  grpc::ByteBuffer request(&empty_message, 1);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                 [&](grpc::Status s) { done.set_value(std::move(s)); });
  grpc::Status status = done.get_future().get();
  CallResult result{status.error_code(), ""};
  v1::ErrorStatus details;
  if (details.ParseFromString(status.error_details()) &&
      details.details_size() > 0) {
    v1::ErrorInfo info;
    info.ParseFromString(details.details(0).value());
    result.reason = info.reason();
  }
  return result;
}

class AuthE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      CatalogClient admin(server_->Connect(server_->admin_token()));
      for (const char* code : {"A", "B"}) {
        v1::CreateStoreRequest store;
        store.mutable_store()->set_code(code);
        store.mutable_store()->set_display_name(std::string("Store ") + code);
        store.mutable_store()->set_time_zone("Asia/Jakarta");
        store.mutable_store()->set_currency_code("IDR");
        if (!admin.CreateStore(store).ok()) throw std::runtime_error("store");
        v1::CreateTerminalRequest till;
        till.mutable_terminal()->set_store_code(code);
        till.mutable_terminal()->set_code("T1");
        till.mutable_terminal()->set_display_name("Till 1");
        till.mutable_terminal()->set_active(true);
        if (!admin.CreateTerminal(till).ok()) throw std::runtime_error("till");
      }
      tokens_ = new std::map<v1::Role, std::string>{
          {v1::ROLE_POS_TERMINAL,
           server_->CreateToken(v1::ROLE_POS_TERMINAL, "A", "T1")},
          {v1::ROLE_STORE_STAFF,
           server_->CreateToken(v1::ROLE_STORE_STAFF, "A")},
          {v1::ROLE_STORE_MANAGER,
           server_->CreateToken(v1::ROLE_STORE_MANAGER, "A")},
          {v1::ROLE_HEAD_OFFICE, server_->CreateToken(v1::ROLE_HEAD_OFFICE)},
          {v1::ROLE_ADMIN, server_->admin_token()},
      };
    });
  }
  static void TearDownTestSuite() {
    delete tokens_;
    delete server_;
    delete scratch_;
  }

  static ScratchDatabase* scratch_;
  static RunningServer* server_;
  static std::map<v1::Role, std::string>* tokens_;
};

ScratchDatabase* AuthE2eTest::scratch_ = nullptr;
RunningServer* AuthE2eTest::server_ = nullptr;
std::map<v1::Role, std::string>* AuthE2eTest::tokens_ = nullptr;

domain::Role ToDomain(v1::Role role) { return static_cast<domain::Role>(role); }

TEST_F(AuthE2eTest, EveryRoleTimesEveryRpcFollowsThePolicyTable) {
  const testing::RegisteredModules modules;
  int checked = 0;
  for (const auto& policy : modules.Policies()) {
    const std::string method(policy.method);
    for (const auto& [role, token] : *tokens_) {
      const bool allowed =
          std::find(policy.allowed_roles.begin(), policy.allowed_roles.end(),
                    ToDomain(role)) != policy.allowed_roles.end();
      CallResult result = CallEmpty(server_->address(), method, token);
      if (allowed) {
        EXPECT_NE(result.reason, "ROLE_NOT_ALLOWED")
            << method << " should admit " << v1::Role_Name(role);
        EXPECT_NE(result.code, grpc::StatusCode::UNAUTHENTICATED) << method;
      } else {
        EXPECT_EQ(result.code, grpc::StatusCode::PERMISSION_DENIED)
            << method << " should refuse " << v1::Role_Name(role);
        EXPECT_EQ(result.reason, "ROLE_NOT_ALLOWED") << method;
      }
      ++checked;
    }
    // No token at all: always UNAUTHENTICATED.
    CallResult anonymous = CallEmpty(server_->address(), method, "");
    EXPECT_EQ(anonymous.code, grpc::StatusCode::UNAUTHENTICATED) << method;
    EXPECT_EQ(anonymous.reason, "MISSING_TOKEN") << method;
  }
  EXPECT_EQ(checked, static_cast<int>(modules.Policies().size() * 5));
}

TEST_F(AuthE2eTest, StorePrincipalsCannotReachAnotherStore) {
  for (v1::Role role :
       {v1::ROLE_POS_TERMINAL, v1::ROLE_STORE_STAFF, v1::ROLE_STORE_MANAGER}) {
    CatalogClient client(server_->Connect(tokens_->at(role)));
    v1::GetStoreRequest own;
    own.set_code("A");
    EXPECT_TRUE(client.GetStore(own).ok()) << v1::Role_Name(role);
    v1::GetStoreRequest other;
    other.set_code("B");
    auto denied = client.GetStore(other);
    EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(denied.status().reason(), "STORE_OUT_OF_SCOPE");
    v1::GetTerminalRequest till;
    till.set_store_code("B");
    till.set_code("T1");
    EXPECT_EQ(client.GetTerminal(till).status().reason(), "STORE_OUT_OF_SCOPE");
    v1::ListCustomersRequest customers;
    customers.set_store_code("B");
    EXPECT_EQ(client.ListCustomers(customers).status().reason(),
              "STORE_OUT_OF_SCOPE");
    v1::ListStoresRequest stores;
    auto listed = client.ListStores(stores);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->stores_size(), 1);
    EXPECT_EQ(listed->stores(0).code(), "A");
  }
  // A manager writes in its own store but not in another.
  CatalogClient manager(server_->Connect(tokens_->at(v1::ROLE_STORE_MANAGER)));
  v1::CreateTerminalRequest own_till;
  own_till.mutable_terminal()->set_store_code("A");
  own_till.mutable_terminal()->set_code("T2");
  own_till.mutable_terminal()->set_display_name("Till 2");
  EXPECT_TRUE(manager.CreateTerminal(own_till).ok());
  v1::CreateTerminalRequest other_till = own_till;
  other_till.mutable_terminal()->set_store_code("B");
  EXPECT_EQ(manager.CreateTerminal(other_till).status().reason(),
            "STORE_OUT_OF_SCOPE");
  EXPECT_EQ(scratch_->CountRows("terminals"), 3);
  // Head office reaches every store.
  CatalogClient head(server_->Connect(tokens_->at(v1::ROLE_HEAD_OFFICE)));
  v1::GetStoreRequest b;
  b.set_code("B");
  EXPECT_TRUE(head.GetStore(b).ok());
}

TEST_F(AuthE2eTest, WrongMalformedAndRevokedTokensAreUnauthenticated) {
  v1::ListStoresRequest list;
  auto wrong = CatalogClient(server_->Connect("bo_" + std::string(64, '0')))
                   .ListStores(list);
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status().reason(), "INVALID_TOKEN");
  auto garbage = CatalogClient(server_->Connect("nonsense")).ListStores(list);
  EXPECT_EQ(garbage.status().code(), StatusCode::kUnauthenticated);

  std::string id;
  std::string secret = server_->CreateToken(v1::ROLE_HEAD_OFFICE, "", "", &id);
  CatalogClient holder(server_->Connect(secret));
  ASSERT_TRUE(holder.ListStores(list).ok());
  AccessClient admin(server_->Connect(server_->admin_token()));
  v1::RevokeAccessTokenRequest revoke;
  revoke.set_id(id);
  auto revoked = admin.RevokeAccessToken(revoke);
  ASSERT_TRUE(revoked.ok()) << revoked.status();
  EXPECT_TRUE(revoked->access_token().has_revoke_time());
  auto after = holder.ListStores(list);
  EXPECT_EQ(after.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(after.status().reason(), "INVALID_TOKEN");
}

TEST_F(AuthE2eTest, TokensAreListedWithoutSecretsAndStoredOnlyAsHashes) {
  std::string id;
  std::string secret = server_->CreateToken(v1::ROLE_STORE_STAFF, "B", "", &id);
  AccessClient admin(server_->Connect(server_->admin_token()));
  v1::ListAccessTokensRequest list;
  list.set_page_size(1000);
  auto tokens = admin.ListAccessTokens(list);
  ASSERT_TRUE(tokens.ok());
  bool found = false;
  for (const auto& t : tokens->access_tokens()) {
    EXPECT_EQ(t.DebugString().find(secret), std::string::npos);
    found = found || t.id() == id;
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(
      scratch_->CountRows("access_tokens WHERE token_hash = '" + secret + "'"),
      0);
  // The caller can see who it is.
  AccessClient staff(server_->Connect(secret));
  auto me = staff.GetCallerIdentity(v1::GetCallerIdentityRequest());
  ASSERT_TRUE(me.ok());
  EXPECT_EQ(me->access_token().id(), id);
  EXPECT_EQ(me->access_token().store_code(), "B");
}

TEST_F(AuthE2eTest, TillTokenNeedsAnExistingTerminalOfItsStore) {
  AccessClient admin(server_->Connect(server_->admin_token()));
  v1::CreateAccessTokenRequest request;
  request.mutable_access_token()->set_display_name("ghost till");
  request.mutable_access_token()->set_role(v1::ROLE_POS_TERMINAL);
  request.mutable_access_token()->set_store_code("A");
  request.mutable_access_token()->set_terminal_code("T9");
  EXPECT_EQ(admin.CreateAccessToken(request).status().reason(),
            "TERMINAL_NOT_FOUND");
}

// Servers cache verified tokens; a revocation made through one server must
// still take effect on the very next call to another server over the same
// database (the revocation generation, not an in-process invalidation).
TEST(AuthTwoServersE2eTest,
     ARevocationThroughOneServerStopsTheNextCallOnAnother) {
  ScratchDatabase scratch;
  RunningServer first(scratch.config());
  RunningServer second(scratch.config());
  std::string id;
  const std::string secret =
      first.CreateToken(v1::ROLE_HEAD_OFFICE, "", "", &id);
  CatalogClient holder(second.Connect(secret));
  v1::ListStoresRequest list;
  ASSERT_TRUE(holder.ListStores(list).ok());
  ASSERT_TRUE(holder.ListStores(list).ok());  // Now from the cache.
  AccessClient admin(first.Connect(first.admin_token()));
  v1::RevokeAccessTokenRequest revoke;
  revoke.set_id(id);
  ASSERT_TRUE(admin.RevokeAccessToken(revoke).ok());
  auto after = holder.ListStores(list);
  EXPECT_EQ(after.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(after.status().reason(), "INVALID_TOKEN");
}

}  // namespace
}  // namespace backoffice
