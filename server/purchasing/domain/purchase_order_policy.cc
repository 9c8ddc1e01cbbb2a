#include "purchasing/domain/purchase_order_policy.h"

namespace backoffice::domain {

std::vector<MethodPolicy> PurchaseOrderMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // A store reads its settings; head office sets limits and periods.
    {"/backoffice.v1.PurchaseOrderService/GetPurchasingSettings", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.PurchaseOrderService/UpdatePurchasingSettings", {kHeadOffice, kAdmin}, true},
    // Store back offices suggest, write and submit orders (makers).
    {"/backoffice.v1.PurchaseOrderService/SuggestOrders", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.PurchaseOrderService/DraftOrdersFromSuggestions", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.PurchaseOrderService/CreatePurchaseOrder", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.PurchaseOrderService/GetPurchaseOrder", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.PurchaseOrderService/ListPurchaseOrders", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.PurchaseOrderService/AddPurchaseOrderLines", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.PurchaseOrderService/SubmitPurchaseOrder", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    // Checkers: store managers and above, never the maker (domain rule).
    {"/backoffice.v1.PurchaseOrderService/ApprovePurchaseOrder", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.PurchaseOrderService/RejectPurchaseOrder", {kManager, kHeadOffice, kAdmin}, true},
    // Sending an approved order is clerical; cancelling an approved or sent
    // order needs a manager (domain rule), closing short too.
    {"/backoffice.v1.PurchaseOrderService/SendPurchaseOrder", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.PurchaseOrderService/CancelPurchaseOrder", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.PurchaseOrderService/ClosePurchaseOrder", {kManager, kHeadOffice, kAdmin}, true},
  };
  // clang-format on
}

}  // namespace backoffice::domain
