#include "domain/access_policy.h"

#include <gtest/gtest.h>

#include <set>

#include "backoffice/v1/access_service.pb.h"
#include "backoffice/v1/audit_service.pb.h"
#include "backoffice/v1/catalog_service.pb.h"
#include "backoffice/v1/inventory_service.pb.h"
#include "backoffice/v1/reconciliation_service.pb.h"
#include "backoffice/v1/sales_service.pb.h"

namespace backoffice::domain {
namespace {

std::set<std::string> ServedMethods() {
  std::set<std::string> methods;
  // Linking the generated messages registers their files in the pool.
  (void)v1::CreateStoreRequest::descriptor();
  (void)v1::CreateAccessTokenRequest::descriptor();
  (void)v1::ListAuditRecordsRequest::descriptor();
  (void)v1::RecordSaleRequest::descriptor();
  (void)v1::AdjustStockRequest::descriptor();
  (void)v1::VerifyLedgerRequest::descriptor();
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* name :
       {"backoffice.v1.CatalogService", "backoffice.v1.AccessService",
        "backoffice.v1.AuditService", "backoffice.v1.SalesService",
        "backoffice.v1.InventoryService",
        "backoffice.v1.ReconciliationService"}) {
    const auto* service = pool->FindServiceByName(name);
    EXPECT_NE(service, nullptr) << name;
    if (service == nullptr) continue;
    for (int i = 0; i < service->method_count(); ++i) {
      methods.insert("/" + service->full_name() + "/" +
                     service->method(i)->name());
    }
  }
  return methods;
}

TEST(AccessPolicy, EveryServedMethodHasExactlyOnePolicy) {
  std::set<std::string> with_policy;
  for (const auto& policy : AllMethodPolicies()) {
    EXPECT_TRUE(with_policy.insert(std::string(policy.method)).second)
        << "two policies for " << policy.method;
    EXPECT_FALSE(policy.allowed_roles.empty()) << policy.method;
  }
  EXPECT_EQ(with_policy, ServedMethods());
}

TEST(AccessPolicy, TillsMayChangeNothingButTheirSalesAndReturns) {
  const std::set<std::string> till_writes = {
      "/backoffice.v1.SalesService/RecordSale",
      "/backoffice.v1.SalesService/UploadSales",
      "/backoffice.v1.SalesService/RecordReturn"};
  for (const auto& policy : AllMethodPolicies()) {
    if (!policy.mutating || till_writes.count(std::string(policy.method))) continue;
    for (Role role : policy.allowed_roles) {
      EXPECT_NE(role, Role::kPosTerminal) << policy.method;
    }
  }
}

TEST(AccessPolicy, OnlyManagersAndHeadOfficeVoidSales) {
  const auto* policy = FindMethodPolicy("/backoffice.v1.SalesService/VoidSale");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->allowed_roles,
            (std::vector<Role>{Role::kStoreManager, Role::kHeadOffice}));
}

TEST(AccessPolicy, UnknownMethodIsDenied) {
  Principal admin{1, "a", Role::kAdmin, "", ""};
  EXPECT_EQ(AuthorizeMethod(admin, "/backoffice.v1.Nope/Nope").reason(),
            "ROLE_NOT_ALLOWED");
}

TEST(AccessPolicy, TokensAreForAdminsOnly) {
  Principal head{1, "h", Role::kHeadOffice, "", ""};
  Principal admin{2, "a", Role::kAdmin, "", ""};
  const char* method = "/backoffice.v1.AccessService/CreateAccessToken";
  EXPECT_EQ(AuthorizeMethod(head, method).code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(AuthorizeMethod(admin, method).ok());
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
