#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <vector>

#include "backoffice/v1/access_service.pb.h"
#include "backoffice/v1/audit_service.pb.h"
#include "backoffice/v1/catalog_service.pb.h"
#include "backoffice/v1/inventory_service.pb.h"
#include "backoffice/v1/reconciliation_service.pb.h"
#include "backoffice/v1/sales_service.pb.h"
#include "core/domain/authorization.h"
#include "registered_modules.h"

namespace backoffice::domain {
namespace {

using testing::RegisteredModules;

TEST(AccessPolicy, EveryServedMethodHasExactlyOnePolicy) {
  RegisteredModules server;
  std::set<std::string> with_policy;
  for (const auto& policy : server.Policies()) {
    EXPECT_TRUE(with_policy.insert(std::string(policy.method)).second)
        << "two policies for " << policy.method;
    EXPECT_FALSE(policy.allowed_roles.empty()) << policy.method;
  }
  EXPECT_EQ(with_policy, server.ServedMethods());
  const auto methods = server.table().Methods();
  EXPECT_EQ(std::set<std::string>(methods.begin(), methods.end()),
            server.ServedMethods());
}

TEST(AccessPolicy, EveryServiceOfTheProtosIsServed) {
  RegisteredModules server;
  std::set<std::string> served;
  for (const auto& m : server.modules()) {
    for (const auto& name : m->service_names()) served.insert(name);
  }
  // Linking the generated messages registers their files in the pool.
  (void)v1::CreateStoreRequest::descriptor();
  (void)v1::CreateAccessTokenRequest::descriptor();
  (void)v1::ListAuditRecordsRequest::descriptor();
  (void)v1::RecordSaleRequest::descriptor();
  (void)v1::AdjustStockRequest::descriptor();
  (void)v1::VerifyLedgerRequest::descriptor();
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* file : {"backoffice/v1/catalog_service.proto",
                           "backoffice/v1/access_service.proto",
                           "backoffice/v1/audit_service.proto",
                           "backoffice/v1/sales_service.proto",
                           "backoffice/v1/inventory_service.proto",
                           "backoffice/v1/reconciliation_service.proto"}) {
    const auto* descriptor = pool->FindFileByName(file);
    ASSERT_NE(descriptor, nullptr) << file;
    for (int i = 0; i < descriptor->service_count(); ++i) {
      EXPECT_TRUE(served.count(descriptor->service(i)->full_name()))
          << descriptor->service(i)->full_name() << " has no module";
    }
  }
}

TEST(AccessPolicy,
     TillsMayChangeNothingButTheirSalesReturnsCounterCreditAndSession) {
  // A till records its sales and returns, and at the counter asks for (and
  // gives back) holds of a customer's credit and takes money on account;
  // its cashier opens, drops from and closes its session; the domain keeps
  // each to the till's own terminal.
  const std::set<std::string> till_writes = {
      "/backoffice.v1.SalesService/RecordSale",
      "/backoffice.v1.SalesService/UploadSales",
      "/backoffice.v1.SalesService/RecordReturn",
      "/backoffice.v1.CreditService/AuthorizeCredit",
      "/backoffice.v1.CreditService/ReleaseCreditAuthorization",
      "/backoffice.v1.CreditService/RecordPayment",
      "/backoffice.v1.ClosingService/OpenTillSession",
      "/backoffice.v1.ClosingService/RecordCashMovement",
      "/backoffice.v1.ClosingService/CloseTillSession"};
  RegisteredModules server;
  for (const auto& policy : server.Policies()) {
    if (!policy.mutating || till_writes.count(std::string(policy.method)))
      continue;
    for (Role role : policy.allowed_roles) {
      EXPECT_NE(role, Role::kPosTerminal) << policy.method;
    }
  }
}

TEST(AccessPolicy, OnlyManagersAndHeadOfficeVoidSales) {
  RegisteredModules server;
  const auto* policy =
      server.table().Find("/backoffice.v1.SalesService/VoidSale");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->allowed_roles,
            (std::vector<Role>{Role::kStoreManager, Role::kHeadOffice}));
}

TEST(AccessPolicy, UnknownMethodIsDenied) {
  RegisteredModules server;
  Principal admin{1, "a", Role::kAdmin, "", ""};
  EXPECT_EQ(
      server.table().Authorize(admin, "/backoffice.v1.Nope/Nope").reason(),
      "ROLE_NOT_ALLOWED");
}

TEST(AccessPolicy, TokensAreForAdminsOnly) {
  RegisteredModules server;
  Principal head{1, "h", Role::kHeadOffice, "", ""};
  Principal admin{2, "a", Role::kAdmin, "", ""};
  const char* method = "/backoffice.v1.AccessService/CreateAccessToken";
  EXPECT_EQ(server.table().Authorize(head, method).code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(server.table().Authorize(admin, method).ok());
}

TEST(StoreScope, StorePrincipalsReachOnlyTheirStore) {
  Principal manager{1, "m", Role::kStoreManager, "A", ""};
  Principal head{2, "h", Role::kHeadOffice, "", ""};
  EXPECT_TRUE(CheckStoreScope(manager, "A").ok());
  EXPECT_EQ(CheckStoreScope(manager, "B").reason(), "STORE_OUT_OF_SCOPE");
  EXPECT_TRUE(CheckStoreScope(head, "B").ok());
}

}  // namespace
}  // namespace backoffice::domain
