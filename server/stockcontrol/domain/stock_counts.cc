#include "stockcontrol/domain/stock_counts.h"

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"
#include "stockcontrol/domain/count_rules.h"

namespace backoffice::domain {

StatusOr<CountOutcome> StockCounts::Open(const RequestContext& ctx,
                                         const NewStockCount& count) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewStockCount(count));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, count.store_code));
  return repository_.OpenCount(count, StockCountFingerprint(count), clock_(),
                               ctx);
}

StatusOr<CountEntryOutcome> StockCounts::Enter(const RequestContext& ctx,
                                               const CountEntry& entry) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCountEntry(entry));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, entry.store_code));
  return repository_.EnterCount(
      entry, CountEntryFingerprint(entry),
      [&](const StockCount& c) {
        if (c.state != CountState::kOpen) {
          const char* state = CountStateName(c.state);
          return FailedPrecondition("COUNT_STATE_CONFLICT",
                                    "count " + c.count_id + " is " + state +
                                        "; only an open count takes entries")
              .WithMetadata("state", state);
        }
        return Status();
      },
      clock_(), ctx);
}

StatusOr<StockCount> StockCounts::Advance(const RequestContext& ctx,
                                          const std::string& store_code,
                                          const std::string& count_id,
                                          CountStep step,
                                          const std::string& reason,
                                          bool uncounted_as_zero) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("count_id", count_id));
  if (step == CountStep::kReject || step == CountStep::kCancel) {
    BO_RETURN_IF_ERROR(ValidateReason(reason));
  }
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.AdvanceCount(
      store_code, count_id, step, reason, uncounted_as_zero,
      [&](const StockCount& c) {
        return CheckCountStep(c, step, ctx.principal);
      },
      clock_(), ctx);
}

StatusOr<StockCount> StockCounts::Get(const RequestContext& ctx,
                                      const std::string& store_code,
                                      const std::string& count_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("count_id", count_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetCount(store_code, count_id);
}

StatusOr<Page<StockCount>> StockCounts::List(const RequestContext& ctx,
                                             const std::string& store_code,
                                             CountState state, int page_size,
                                             const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("stock_counts", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(state)));
  if (!request.ok()) return request.status();
  auto items = repository_.ListCounts(store_code, state, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const StockCount& c) {
    return std::to_string(c.sequence);
  });
}

}  // namespace backoffice::domain
