#include "inventory/domain/inventory_policy.h"

namespace backoffice::domain {
namespace {

constexpr Role kPos = Role::kPosTerminal;
constexpr Role kStaff = Role::kStoreStaff;
constexpr Role kManager = Role::kStoreManager;
constexpr Role kHeadOffice = Role::kHeadOffice;
constexpr Role kAdmin = Role::kAdmin;

}  // namespace

std::vector<MethodPolicy> InventoryMethodPolicies() {
  // clang-format off
  return {
    {"/backoffice.v1.InventoryService/GetStockLevel", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.InventoryService/ListStockLevels", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.InventoryService/ListStockMovements", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.InventoryService/AdjustStock", {kStaff, kManager, kHeadOffice, kAdmin}, true},
  };
  // clang-format on
}

}  // namespace backoffice::domain
