#include "approvals/domain/approvals.h"

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"

namespace backoffice::domain {

const char* ApproveWith(ApprovalKind kind) {
  switch (kind) {
    case ApprovalKind::kPurchaseOrder:
      return "PurchaseOrderService/ApprovePurchaseOrder";
    case ApprovalKind::kGoodsReceipt:
      return "GoodsReceiptService/ApproveGoodsReceipt";
    case ApprovalKind::kCreditOverride:
      return "CreditService/OverrideCreditAuthorization";
    case ApprovalKind::kSupplierPayment:
    case ApprovalKind::kCustomerWriteOff:
      return "CreditService/ApproveLedgerRequest";
    case ApprovalKind::kPaymentRun:
      return "CreditService/ApprovePaymentRun";
    case ApprovalKind::kSupplierReturn:
      return "StockControlService/ApproveSupplierReturn";
    case ApprovalKind::kStockWriteOff:
      return "InventoryService/ApproveStockAdjustment";
    case ApprovalKind::kTransferDifference:
      return "StockControlService/ResolveStockTransfer";
    case ApprovalKind::kStockCount:
      return "StockControlService/ApproveStockCount";
    case ApprovalKind::kTillVariance:
      return "ClosingService/AcceptTillVariance";
    default:
      return "";
  }
}

StatusOr<Page<Approval>> Approvals::ListApprovals(
    const RequestContext& ctx, const std::string& store_code, int page_size,
    const std::string& page_token) {
  if (store_code.empty()) {
    if (!IsChainWide(ctx.principal.role)) {
      return PermissionDenied("STORE_OUT_OF_SCOPE",
                              "only head office lists every store");
    }
  } else {
    BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
    BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  }
  auto request = MakePageRequest(
      page_size, page_token,
      PageScope("approvals", PageKeyKind::kText).Add(store_code));
  if (!request.ok()) return request.status();
  auto items = repository_.ListApprovals(store_code, *request, clock_());
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const Approval& a) {
    return std::to_string(a.since) + "/" +
           std::to_string(static_cast<int>(a.kind)) + "/" +
           std::to_string(a.store_id) + "/" + std::to_string(a.row_id);
  });
}

std::vector<MethodPolicy> ApprovalMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // The inbox is the checkers': managers and above (store scope in the
    // domain); staff see what they asked for in each module's lists.
    {"/backoffice.v1.ApprovalService/ListApprovals", {kManager, kHeadOffice, kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
