#include "sales/domain/sales.h"

#include <absl/time/civil_time.h>

#include "access/domain/access_policy.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "sales/domain/sales_rules.h"

namespace backoffice::domain {
StatusOr<SaleOutcome> Sales::RecordSale(const RequestContext& ctx, Sale sale) {
  BO_RETURN_IF_ERROR(ValidateSale(sale, clock_()));
  BO_RETURN_IF_ERROR(
      CheckMayPostFor(ctx.principal, sale.store_code, sale.terminal_code));
  auto outcomes = repository_.RecordSales({sale}, ctx);
  if (!outcomes.ok()) return outcomes.status();
  SaleOutcome outcome = std::move(outcomes->front());
  if (!outcome.status.ok()) return outcome.status;
  return outcome;
}

StatusOr<std::vector<SaleOutcome>> Sales::UploadSales(const RequestContext& ctx,
                                                      std::vector<Sale> sales) {
  if (sales.empty()) {
    return InvalidArgument("NO_SALES", "an upload needs at least one sale");
  }
  if (sales.size() > kMaxUploadSales) {
    return InvalidArgument("TOO_MANY_SALES",
                           "an upload holds at most 1000 sales");
  }
  const TimeMicros now = clock_();
  std::vector<SaleOutcome> outcomes(sales.size());
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < sales.size(); ++i) {
    outcomes[i].sale.sale_id = sales[i].sale_id;
    Status status = ValidateSale(sales[i], now);
    if (status.ok()) {
      status = CheckMayPostFor(ctx.principal, sales[i].store_code,
                               sales[i].terminal_code);
    }
    if (!status.ok()) {
      outcomes[i].status = std::move(status);
      continue;
    }
    pending.push_back(i);
  }
  for (std::size_t start = 0; start < pending.size();
       start += kUploadGroupSize) {
    if (ctx.deadline && clock_() >= *ctx.deadline) {
      // The caller has given up; what is committed replays on its resend.
      return Status(StatusCode::kDeadlineExceeded, "DEADLINE_EXCEEDED",
                    "the upload ran past its deadline; send it again");
    }
    if (ctx.IsCancelled()) {
      // Nobody waits for the answer: stop before the next group.
      return Status(StatusCode::kCancelled, "CANCELLED",
                    "the caller cancelled the upload; send it again");
    }
    const std::size_t end = std::min(pending.size(), start + kUploadGroupSize);
    std::vector<Sale> group;
    for (std::size_t k = start; k < end; ++k)
      group.push_back(sales[pending[k]]);
    auto recorded = repository_.RecordSales(group, ctx);
    if (!recorded.ok()) {
      // The whole call fails, so that no sale is left without a final
      // answer: every sale is replayable, and the groups committed before
      // come back as replays when the same sales are sent again.
      return recorded.status();
    }
    for (std::size_t k = start; k < end; ++k) {
      outcomes[pending[k]] = std::move((*recorded)[k - start]);
    }
  }
  return outcomes;
}

StatusOr<ReturnOutcome> Sales::RecordReturn(const RequestContext& ctx,
                                            const SaleReturn& sale_return) {
  BO_RETURN_IF_ERROR(ValidateReturn(sale_return, clock_()));
  BO_RETURN_IF_ERROR(CheckMayPostFor(ctx.principal, sale_return.store_code,
                                     sale_return.terminal_code));
  return repository_.RecordReturn(sale_return, ctx);
}

StatusOr<VoidOutcome> Sales::VoidSale(const RequestContext& ctx,
                                      const std::string& store_code,
                                      const std::string& sale_id,
                                      const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("sale_id", sale_id));
  BO_RETURN_IF_ERROR(ValidateName("reason", reason, 200));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.VoidSale(store_code, sale_id, reason, ctx);
}

StatusOr<Sale> Sales::GetSale(const RequestContext& ctx,
                              const std::string& store_code,
                              const std::string& sale_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("sale_id", sale_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetSale(store_code, sale_id);
}

StatusOr<Page<Sale>> Sales::ListSales(const RequestContext& ctx,
                                      const SaleFilter& filter, int page_size,
                                      const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", filter.store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, filter.store_code));
  if (!filter.terminal_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("terminal_code", filter.terminal_code));
  }
  if (!filter.business_day.empty()) {
    BO_RETURN_IF_ERROR(
        ValidateBusinessDay("business_day", filter.business_day));
  }
  auto request = MakePageRequest(page_size, page_token,
                                 PageScope("sales", PageKeyKind::kSequence)
                                     .Add(filter.store_code)
                                     .Add(filter.terminal_code)
                                     .Add(filter.business_day));
  if (!request.ok()) return request.status();
  auto items = repository_.ListSales(filter, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request,
                  [](const Sale& s) { return std::to_string(s.sequence); });
}

StatusOr<ReceiptCheck> Sales::CheckReceipts(const RequestContext& ctx,
                                            const std::string& store_code,
                                            const std::string& terminal_code,
                                            const std::string& business_day) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateCode("terminal_code", terminal_code));
  BO_RETURN_IF_ERROR(ValidateBusinessDay("business_day", business_day));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.CheckReceipts(store_code, terminal_code, business_day);
}

StatusOr<SalesSummary> Sales::SummarizeSales(const RequestContext& ctx,
                                             const std::string& store_code,
                                             const std::string& from_day,
                                             const std::string& to_day) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateBusinessDay("from_day", from_day));
  BO_RETURN_IF_ERROR(ValidateBusinessDay("to_day", to_day));
  absl::CivilDay from;
  absl::CivilDay to;
  absl::ParseCivilTime(from_day, &from);
  absl::ParseCivilTime(to_day, &to);
  if (to < from || to - from > 366) {
    return InvalidArgument("INVALID_DAY_RANGE",
                           "to_day must be from_day to 366 days after it");
  }
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.SummarizeSales(store_code, from_day, to_day);
}

}  // namespace backoffice::domain
