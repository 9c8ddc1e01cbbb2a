#include "receiving/domain/goods_receipts.h"

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "receiving/domain/receipt_rules.h"

namespace backoffice::domain {
namespace {

Status ValidateReceiptKey(const std::string& store_code,
                          const std::string& receipt_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  return ValidateIdempotencyKey("receipt_id", receipt_id);
}

}  // namespace

StatusOr<GoodsReceiptOutcome> GoodsReceipts::CreateReceipt(
    const RequestContext& ctx, const NewGoodsReceipt& receipt) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewReceipt(receipt));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, receipt.store_code));
  return repository_.CreateReceipt(
      receipt, ReceiptFingerprint(receipt),
      [&](const ReceiptFacts& facts) {
        return PlanReceipt(receipt, facts, ctx.principal);
      },
      ctx);
}

StatusOr<GoodsReceipt> GoodsReceipts::GetReceipt(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& receipt_id) {
  BO_RETURN_IF_ERROR(ValidateReceiptKey(store_code, receipt_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetReceipt(store_code, receipt_id);
}

StatusOr<Page<GoodsReceipt>> GoodsReceipts::ListReceipts(
    const RequestContext& ctx, const std::string& store_code,
    const GoodsReceiptFilter& filter, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (!filter.order_id.empty()) {
    BO_RETURN_IF_ERROR(ValidateIdempotencyKey("order_id", filter.order_id));
  }
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("goods_receipts", PageKeyKind::kText)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(filter.state))
                          .Add(filter.order_id));
  if (!request.ok()) return request.status();
  auto receipts = repository_.ListReceipts(store_code, filter, *request);
  if (!receipts.ok()) return receipts.status();
  return MakePage(std::move(*receipts), *request,
                  [](const GoodsReceipt& r) { return r.receipt_id; });
}

StatusOr<GoodsReceipt> GoodsReceipts::ApproveReceipt(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& receipt_id) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateReceiptKey(store_code, receipt_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.DecideReceipt(
      store_code, receipt_id, ReceiptDecision::kApprove, "",
      [&](const GoodsReceipt& receipt, const ReceiptFacts& facts) -> Status {
        BO_RETURN_IF_ERROR(CheckReceiptDecider(receipt, ctx.principal));
        if (facts.has_order) {
          BO_RETURN_IF_ERROR(
              CheckOrderReceivable(receipt.order_id, facts.order_state));
        }
        if (!facts.supplier_active) {
          return FailedPrecondition(
              "SUPPLIER_INACTIVE",
              "supplier " + facts.supplier_code + " is deactivated");
        }
        return CheckLotsStillSellable(receipt, facts);
      },
      ctx);
}

StatusOr<GoodsReceipt> GoodsReceipts::RejectReceipt(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& receipt_id, const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateReceiptKey(store_code, receipt_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (reason.empty()) {
    return InvalidArgument("REASON_REQUIRED", "say why the receipt is refused");
  }
  BO_RETURN_IF_ERROR(ValidateOptionalText("reason", reason, 500));
  return repository_.DecideReceipt(
      store_code, receipt_id, ReceiptDecision::kReject, reason,
      [&](const GoodsReceipt& receipt, const ReceiptFacts&) {
        return CheckReceiptDecider(receipt, ctx.principal);
      },
      ctx);
}

}  // namespace backoffice::domain
