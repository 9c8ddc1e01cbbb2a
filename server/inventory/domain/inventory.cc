#include "inventory/domain/inventory.h"

#include "access/domain/access_policy.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "inventory/domain/stock_rules.h"

namespace backoffice::domain {

StatusOr<StockLevel> Inventory::GetStockLevel(const RequestContext& ctx,
                                              const std::string& store_code,
                                              const std::string& sku) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (sku.empty() || sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is required, at most 64 characters");
  }
  return repository_.GetStockLevel(store_code, sku);
}

StatusOr<Page<StockLevel>> Inventory::ListStockLevels(
    const RequestContext& ctx, const std::string& store_code,
    const StockLevelFilter& filter, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (filter.sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is longer than 64 characters");
  }
  auto request = MakePageRequest(page_size, page_token,
                                 PageScope("stock_levels", PageKeyKind::kText)
                                     .Add(store_code)
                                     .Add(filter.at_or_below_reorder_point)
                                     .Add(filter.negative_only)
                                     .Add(filter.sku));
  if (!request.ok()) return request.status();
  auto items = repository_.ListStockLevels(store_code, filter, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request,
                  [](const StockLevel& l) { return l.sku; });
}

StatusOr<Page<StockMovement>> Inventory::ListStockMovements(
    const RequestContext& ctx, const std::string& store_code,
    const MovementFilter& filter, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (filter.sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is longer than 64 characters");
  }
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("stock_movements", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(filter.sku)
                          .Add(static_cast<std::int64_t>(filter.type))
                          .Add(filter.start_time)
                          .Add(filter.end_time));
  if (!request.ok()) return request.status();
  auto items = repository_.ListStockMovements(store_code, filter, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request,
                  [](const StockMovement& m) { return std::to_string(m.id); });
}

StatusOr<AdjustmentOutcome> Inventory::AdjustStock(
    const RequestContext& ctx, const StockAdjustment& adjustment) {
  BO_RETURN_IF_ERROR(ValidateAdjustment(adjustment));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, adjustment.store_code));
  return repository_.AdjustStock(
      adjustment,
      [&](std::int64_t value_minor, std::int64_t threshold_minor,
          bool cost_known) {
        return WriteOffNeedsApproval(ctx.principal,
                                     adjustment.quantity_delta_milli,
                                     value_minor, threshold_minor, cost_known);
      },
      ctx);
}

StatusOr<AdjustmentDecisionOutcome> Inventory::DecideAdjustment(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& adjustment_id, bool approve, const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("adjustment_id", adjustment_id));
  if (!approve) {
    if (reason.empty()) {
      return InvalidArgument("REASON_REQUIRED", "say why");
    }
    BO_RETURN_IF_ERROR(ValidateOptionalText("reason", reason, 500));
  }
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.DecideAdjustment(
      store_code, adjustment_id, approve, reason,
      [&](const AdjustmentRequest& request) {
        return CheckAdjustmentDecider(request, ctx.principal);
      },
      ctx);
}

StatusOr<Page<AdjustmentRequest>> Inventory::ListAdjustmentRequests(
    const RequestContext& ctx, const std::string& store_code,
    AdjustmentRequestState state, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("adjustment_requests", PageKeyKind::kSequence)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(state)));
  if (!request.ok()) return request.status();
  auto items = repository_.ListAdjustmentRequests(store_code, state, *request);
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), *request, [](const AdjustmentRequest& r) {
    return std::to_string(r.sequence);
  });
}

StatusOr<InventorySettings> Inventory::GetInventorySettings(
    const RequestContext& ctx, const std::string& store_code) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetInventorySettings(store_code);
}

StatusOr<InventorySettings> Inventory::UpdateInventorySettings(
    const RequestContext& ctx, const InventorySettings& settings) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateInventorySettings(settings));
  return repository_.UpdateInventorySettings(settings, ctx);
}

}  // namespace backoffice::domain
