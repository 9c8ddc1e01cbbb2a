#include "stockcontrol/domain/stock_control.h"

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "credit/domain/credit_rules.h"
#include "stockcontrol/domain/stock_control_rules.h"

namespace backoffice::domain {
namespace {

__extension__ typedef __int128 Int128;

// One store in scope, or every store for head office.
Status CheckReadScope(const Principal& principal,
                      const std::string& store_code) {
  if (store_code.empty()) {
    if (!IsChainWide(principal.role)) {
      return PermissionDenied("STORE_OUT_OF_SCOPE",
                              "only head office reads every store");
    }
    return Status();
  }
  return CheckStoreScope(principal, store_code);
}

}  // namespace

StatusOr<Page<ExpiringLot>> StockControl::ListExpiringLots(
    const RequestContext& ctx, const ExpiringLotsQuery& query, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateExpiringLotsQuery(query));
  BO_RETURN_IF_ERROR(CheckReadScope(ctx.principal, query.store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("expiring_lots", PageKeyKind::kText)
                          .Add(query.store_code)
                          .Add(static_cast<std::int64_t>(query.within_days))
                          .Add(query.expired));
  if (!request.ok()) return request.status();
  auto items = repository_.ListExpiringLots(query, *request, clock_());
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const ExpiringLot& l) {
    return std::to_string(l.facts.store_id) + "/" + l.sellable_until + "/" +
           std::to_string(l.facts.lot_id);
  });
}

StatusOr<Page<SlowMover>> StockControl::ListSlowMovers(
    const RequestContext& ctx, const SlowMoversQuery& query, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateSlowMoversQuery(query));
  BO_RETURN_IF_ERROR(CheckReadScope(ctx.principal, query.store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("slow_movers", PageKeyKind::kText)
                          .Add(query.store_code)
                          .Add(static_cast<std::int64_t>(query.cover_days))
                          .Add(static_cast<std::int64_t>(query.idle_days))
                          .Add(static_cast<std::int64_t>(query.window_days)));
  if (!request.ok()) return request.status();
  auto items = repository_.ListSlowMovers(query, *request, clock_());
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const SlowMover& m) {
    // The exact ordering value: on hand times unit cost, in milli-minor.
    const Int128 key =
        static_cast<Int128>(m.facts.on_hand_milli) * m.facts.unit_cost_minor;
    std::string digits;
    Int128 v = key;
    do {
      digits.insert(digits.begin(), static_cast<char>('0' + v % 10));
      v /= 10;
    } while (v > 0);
    return digits + "/" + std::to_string(m.facts.store_id) + "/" +
           std::to_string(m.facts.product_id);
  });
}

StatusOr<SupplierReturnOutcome> StockControl::CreateSupplierReturn(
    const RequestContext& ctx, const NewSupplierReturn& supplier_return) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateNewSupplierReturn(supplier_return));
  BO_RETURN_IF_ERROR(
      CheckStoreScope(ctx.principal, supplier_return.store_code));
  NewSupplierReturn r = supplier_return;
  if (r.settlement == ReturnSettlement::kUnspecified) {
    r.settlement = ReturnSettlement::kCreditNote;
  }
  return repository_.CreateSupplierReturn(r, SupplierReturnFingerprint(r), ctx);
}

StatusOr<SupplierReturn> StockControl::AdvanceSupplierReturn(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& return_id, ReturnStep step, const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("return_id", return_id));
  if (step == ReturnStep::kReject) BO_RETURN_IF_ERROR(ValidateReason(reason));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.AdvanceSupplierReturn(
      store_code, return_id, step, reason,
      [&](const SupplierReturn& r) {
        return CheckReturnStep(r, step, ctx.principal);
      },
      clock_(), ctx);
}

StatusOr<SupplierReturn> StockControl::GetSupplierReturn(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& return_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("return_id", return_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetSupplierReturn(store_code, return_id);
}

StatusOr<Page<SupplierReturn>> StockControl::ListSupplierReturns(
    const RequestContext& ctx, const std::string& store_code,
    SupplierReturnState state, int page_size, const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("supplier_returns", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(state)));
  if (!request.ok()) return request.status();
  auto items = repository_.ListSupplierReturns(store_code, state, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const SupplierReturn& r) {
    return std::to_string(r.sequence);
  });
}

}  // namespace backoffice::domain
