#include "receiving/domain/receiving_policy.h"

namespace backoffice::domain {

std::vector<MethodPolicy> ReceivingMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // Store staff receive deliveries; the order's approver may not (domain).
    {"/backoffice.v1.GoodsReceiptService/CreateGoodsReceipt", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.GoodsReceiptService/GetGoodsReceipt", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.GoodsReceiptService/ListGoodsReceipts", {kStaff, kManager, kHeadOffice, kAdmin}},
    // Checkers: store managers and above, never the receiver (domain).
    {"/backoffice.v1.GoodsReceiptService/ApproveGoodsReceipt", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.GoodsReceiptService/RejectGoodsReceipt", {kManager, kHeadOffice, kAdmin}, true},
  };
  // clang-format on
}

}  // namespace backoffice::domain
