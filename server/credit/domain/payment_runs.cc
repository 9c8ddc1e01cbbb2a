// Payment runs: validation and scope, then the repository. The decision's
// maker-checker runs on the locked run (CheckPaymentRunDecider).
#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "credit/domain/credit.h"
#include "credit/domain/credit_rules.h"
#include "credit/domain/payment_run_rules.h"

namespace backoffice::domain {

StatusOr<PaymentRunOutcome> Credit::PreparePaymentRun(
    const RequestContext& ctx, const NewPaymentRun& run) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewPaymentRun(run));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, run.store_code));
  NewPaymentRun prepared = run;
  if (prepared.method == PaymentMethod::kUnspecified) {
    prepared.method = PaymentMethod::kBankTransfer;
  }
  return repository_.PreparePaymentRun(prepared,
                                       PaymentRunFingerprint(prepared), ctx);
}

StatusOr<PaymentRun> Credit::DecidePaymentRun(const RequestContext& ctx,
                                              const std::string& store_code,
                                              const std::string& payment_run_id,
                                              bool approve,
                                              const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("payment_run_id", payment_run_id));
  if (!approve) BO_RETURN_IF_ERROR(ValidateReason(reason));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.DecidePaymentRun(
      store_code, payment_run_id, approve, reason,
      [&](const PaymentRun& run) {
        return CheckPaymentRunDecider(run, ctx.principal);
      },
      clock_(), ctx);
}

StatusOr<PaymentRun> Credit::GetPaymentRun(const RequestContext& ctx,
                                           const std::string& store_code,
                                           const std::string& payment_run_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("payment_run_id", payment_run_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetPaymentRun(store_code, payment_run_id);
}

StatusOr<Page<PaymentRun>> Credit::ListPaymentRuns(
    const RequestContext& ctx, const std::string& store_code,
    LedgerRequestState state, int page_size, const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("payment_runs", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(state)));
  if (!request.ok()) return request.status();
  auto items = repository_.ListPaymentRuns(store_code, state, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const PaymentRun& r) {
    return std::to_string(r.sequence);
  });
}

}  // namespace backoffice::domain
