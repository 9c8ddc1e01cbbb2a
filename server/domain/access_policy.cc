#include "domain/access_policy.h"

#include <algorithm>

#include "domain/errors.h"

namespace backoffice::domain {
namespace {

constexpr Role kPos = Role::kPosTerminal;
constexpr Role kStaff = Role::kStoreStaff;
constexpr Role kManager = Role::kStoreManager;
constexpr Role kHeadOffice = Role::kHeadOffice;
constexpr Role kAdmin = Role::kAdmin;

}  // namespace

const std::vector<MethodPolicy>& AllMethodPolicies() {
  // clang-format off
  static const auto* const kPolicies = new std::vector<MethodPolicy>{
    // Stores are chain master data: head office and admins shape them; every
    // principal may read its own store (a till needs its time zone).
    {"/backoffice.v1.CatalogService/CreateStore", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetStore", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateStore", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListStores", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    // A store manager runs the store's own tills.
    {"/backoffice.v1.CatalogService/CreateTerminal", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetTerminal", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateTerminal", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListTerminals", {kStaff, kManager, kHeadOffice, kAdmin}},
    // The product catalog is chain-wide; tills read it to price sales.
    {"/backoffice.v1.CatalogService/CreateProduct", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetProduct", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateProduct", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListProducts", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/ImportProducts", {kHeadOffice, kAdmin}, true},
    // Prices and stock levels of a store are the manager's call.
    {"/backoffice.v1.CatalogService/SetProductStoreSetting", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetProductStoreSetting", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/ListProductStoreSettings", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    // Suppliers are negotiated by head office; stores read them to order.
    {"/backoffice.v1.CatalogService/CreateSupplier", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetSupplier", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateSupplier", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListSuppliers", {kStaff, kManager, kHeadOffice, kAdmin}},
    // A store grants credit to its customers; its manager sets the limits.
    {"/backoffice.v1.CatalogService/CreateCustomer", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/GetCustomer", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CatalogService/UpdateCustomer", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CatalogService/ListCustomers", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    // Sales are posted by the till itself (for its own terminal only), or
    // by the store's manager or head office, say when replaying a backlog.
    {"/backoffice.v1.SalesService/RecordSale", {kPos, kManager, kHeadOffice}, true},
    {"/backoffice.v1.SalesService/UploadSales", {kPos, kManager, kHeadOffice}, true},
    {"/backoffice.v1.SalesService/RecordReturn", {kPos, kManager, kHeadOffice}, true},
    // Cancelling a whole sale is a manager's decision, never a cashier's.
    {"/backoffice.v1.SalesService/VoidSale", {kManager, kHeadOffice}, true},
    {"/backoffice.v1.SalesService/GetSale", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.SalesService/ListSales", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.SalesService/CheckReceiptSequence", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.InventoryService/GetStockLevel", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.InventoryService/ListStockLevels", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.InventoryService/ListStockMovements", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.InventoryService/AdjustStock", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.ReconciliationService/VerifyLedger", {kHeadOffice, kAdmin}},
    // Credentials and the audit trail are the admins' alone.
    {"/backoffice.v1.AccessService/CreateAccessToken", {kAdmin}, true},
    {"/backoffice.v1.AccessService/ListAccessTokens", {kAdmin}},
    {"/backoffice.v1.AccessService/RevokeAccessToken", {kAdmin}, true},
    {"/backoffice.v1.AccessService/GetCallerIdentity", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.AuditService/ListAuditRecords", {kAdmin}},
  };
  // clang-format on
  return *kPolicies;
}

const MethodPolicy* FindMethodPolicy(std::string_view method) {
  const auto& policies = AllMethodPolicies();
  auto it =
      std::find_if(policies.begin(), policies.end(),
                   [&](const MethodPolicy& p) { return p.method == method; });
  return it == policies.end() ? nullptr : &*it;
}

Status AuthorizeMethod(const Principal& principal, std::string_view method) {
  const MethodPolicy* policy = FindMethodPolicy(method);
  if (policy == nullptr ||
      std::find(policy->allowed_roles.begin(), policy->allowed_roles.end(),
                principal.role) == policy->allowed_roles.end()) {
    return PermissionDenied("ROLE_NOT_ALLOWED",
                            std::string("role ") + RoleName(principal.role) +
                                " may not call " + std::string(method));
  }
  return Status();
}

Status CheckStoreScope(const Principal& principal,
                       const std::string& store_code) {
  if (IsChainWide(principal.role)) return Status();
  if (principal.store_code != store_code) {
    return PermissionDenied("STORE_OUT_OF_SCOPE",
                            "this token is bound to store " +
                                principal.store_code +
                                " and may not reach store " + store_code);
  }
  return Status();
}

}  // namespace backoffice::domain
