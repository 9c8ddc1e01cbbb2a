#include "stockcontrol/domain/stock_transfers.h"

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"
#include "stockcontrol/domain/transfer_rules.h"

namespace backoffice::domain {

StatusOr<TransferOutcome> StockTransfers::Send(
    const RequestContext& ctx, const NewStockTransfer& transfer) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewStockTransfer(transfer));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, transfer.from_store_code));
  return repository_.SendTransfer(transfer, StockTransferFingerprint(transfer),
                                  clock_(), ctx);
}

StatusOr<TransferOutcome> StockTransfers::Receive(
    const RequestContext& ctx, const TransferReceipt& receipt) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateTransferReceipt(receipt));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, receipt.to_store_code));
  return repository_.ReceiveTransfer(receipt, clock_(), ctx);
}

StatusOr<StockTransfer> StockTransfers::Resolve(
    const RequestContext& ctx, const std::string& to_store_code,
    const std::string& from_store_code, const std::string& transfer_id,
    TransferResolution resolution, const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("to_store_code", to_store_code));
  BO_RETURN_IF_ERROR(ValidateCode("from_store_code", from_store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("transfer_id", transfer_id));
  if (resolution == TransferResolution::kUnspecified) {
    return InvalidField("resolution", "write off, return to sender, or accept");
  }
  BO_RETURN_IF_ERROR(ValidateReason(reason));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, to_store_code));
  return repository_.ResolveTransfer(
      to_store_code, from_store_code, transfer_id, resolution, reason,
      [&](const StockTransfer& t) {
        return CheckTransferResolver(t, ctx.principal);
      },
      clock_(), ctx);
}

StatusOr<StockTransfer> StockTransfers::Get(const RequestContext& ctx,
                                            const std::string& from_store_code,
                                            const std::string& transfer_id) {
  BO_RETURN_IF_ERROR(ValidateCode("from_store_code", from_store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("transfer_id", transfer_id));
  auto transfer = repository_.GetTransfer(from_store_code, transfer_id);
  if (!transfer.ok()) return transfer.status();
  // Neither store's: as if it did not exist, so that ids do not leak.
  if (!CheckTransferScope(*transfer, ctx.principal).ok()) {
    return NotFound("TRANSFER_NOT_FOUND", "transfer " + transfer_id +
                                              " of store " + from_store_code +
                                              " not found");
  }
  return transfer;
}

StatusOr<Page<StockTransfer>> StockTransfers::List(
    const RequestContext& ctx, const std::string& store_code,
    TransferDirection direction, TransferState state, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("stock_transfers", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(direction))
                          .Add(static_cast<std::int64_t>(state)));
  if (!request.ok()) return request.status();
  auto items =
      repository_.ListTransfers(store_code, direction, state, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const StockTransfer& t) {
    return std::to_string(t.sequence);
  });
}

}  // namespace backoffice::domain
