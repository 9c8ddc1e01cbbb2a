#include "inventory/domain/inventory_policy.h"

namespace backoffice::domain {
std::vector<MethodPolicy> InventoryMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
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
