#include "purchasing/domain/purchasing_policy.h"

namespace backoffice::domain {
std::vector<MethodPolicy> PurchasingMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // Supplier items are chain master data: head office and admins shape
    // them; a store's back office reads them to order.
    {"/backoffice.v1.PurchasingService/CreateSupplierItem", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.PurchasingService/GetSupplierItem", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.PurchasingService/UpdateSupplierItem", {kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.PurchasingService/ListSupplierItems", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.PurchasingService/ImportSupplierItems", {kHeadOffice, kAdmin}, true},
    // Demand is per store: a store's principals see their store only.
    {"/backoffice.v1.PurchasingService/ListDemand", {kStaff, kManager, kHeadOffice, kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
