#include "stockcontrol/domain/stock_control_policy.h"

namespace backoffice::domain {

std::vector<MethodPolicy> StockControlMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // Store staff read their store; head office every store (domain).
    {"/backoffice.v1.StockControlService/ListExpiringLots", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.StockControlService/ListSlowMovers", {kStaff, kManager, kHeadOffice, kAdmin}},
    // Makers: store staff and above; checkers: managers and above, never
    // the maker (domain); staff ship what was approved.
    {"/backoffice.v1.StockControlService/CreateSupplierReturn", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/ApproveSupplierReturn", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/RejectSupplierReturn", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/ShipSupplierReturn", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/GetSupplierReturn", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.StockControlService/ListSupplierReturns", {kStaff, kManager, kHeadOffice, kAdmin}},
    // Store staff send and receive; the receiving store's managers (never
    // the receiver, domain) resolve a difference; either store reads.
    {"/backoffice.v1.StockControlService/SendStockTransfer", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/ReceiveStockTransfer", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/ResolveStockTransfer", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/GetStockTransfer", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.StockControlService/ListStockTransfers", {kStaff, kManager, kHeadOffice, kAdmin}},
    // Store staff open, count and ask to post; a manager who did not count
    // (or head office above its threshold) approves (domain).
    {"/backoffice.v1.StockControlService/OpenStockCount", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/EnterStockCount", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/PostStockCount", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/ApproveStockCount", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/RejectStockCount", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/CancelStockCount", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.StockControlService/GetStockCount", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.StockControlService/ListStockCounts", {kStaff, kManager, kHeadOffice, kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
