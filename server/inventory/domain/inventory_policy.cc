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
    // Checkers: managers and above, never the maker (domain).
    {"/backoffice.v1.InventoryService/ApproveStockAdjustment", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.InventoryService/RejectStockAdjustment", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.InventoryService/ListStockAdjustmentRequests", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.InventoryService/GetInventorySettings", {kStaff, kManager, kHeadOffice, kAdmin}},
    // The threshold of the four eyes is head office's to set.
    {"/backoffice.v1.InventoryService/UpdateInventorySettings", {kHeadOffice, kAdmin}, true},
  };
  // clang-format on
}

}  // namespace backoffice::domain
