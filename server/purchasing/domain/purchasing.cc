#include "purchasing/domain/purchasing.h"

#include <absl/time/civil_time.h>
#include <absl/time/time.h>

#include <set>
#include <utility>

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"
#include "purchasing/domain/demand.h"
#include "purchasing/domain/supplier_item_rules.h"

namespace backoffice::domain {

StatusOr<SupplierItem> Purchasing::CreateSupplierItem(
    const RequestContext& ctx, const SupplierItem& item) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateSupplierItem(item));
  return repository_.CreateSupplierItem(item, ctx);
}

StatusOr<SupplierItem> Purchasing::GetSupplierItem(
    const RequestContext&, const std::string& supplier_code,
    const std::string& sku) {
  BO_RETURN_IF_ERROR(ValidateSupplierItemKey(supplier_code, sku));
  return repository_.GetSupplierItem(supplier_code, sku);
}

StatusOr<SupplierItem> Purchasing::UpdateSupplierItem(
    const RequestContext& ctx, const SupplierItem& patch,
    const std::vector<std::string>& mask) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateSupplierItemKey(patch.supplier_code, patch.sku));
  return repository_.UpdateSupplierItem(
      patch.supplier_code, patch.sku,
      [&](SupplierItem& current) {
        return ApplySupplierItemMask(mask, patch, current);
      },
      ctx);
}

StatusOr<Page<SupplierItem>> Purchasing::ListSupplierItems(
    const RequestContext&, const SupplierItemFilter& filter, int page_size,
    const std::string& page_token) {
  if (filter.supplier_code.empty() && filter.sku.empty()) {
    return InvalidArgument("SUPPLIER_OR_SKU_REQUIRED",
                           "list the items of a supplier, of a product, or "
                           "both");
  }
  if (!filter.supplier_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("supplier_code", filter.supplier_code));
  }
  if (filter.sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is longer than 64 characters");
  }
  auto request = MakePageRequest(page_size, page_token,
                                 PageScope("supplier_items", PageKeyKind::kText)
                                     .Add(filter.supplier_code)
                                     .Add(filter.sku)
                                     .Add(filter.active_only));
  if (!request.ok()) return request.status();
  auto items = repository_.ListSupplierItems(filter, *request);
  if (!items.ok()) return items.status();
  // A supplier's items are keyed by SKU; a product's by supplier code.
  const bool by_sku = !filter.supplier_code.empty();
  return MakePage(std::move(*items), *request,
                  [by_sku](const SupplierItem& item) {
                    return by_sku ? item.sku : item.supplier_code;
                  });
}

StatusOr<std::vector<SupplierItemImportResult>> Purchasing::ImportSupplierItems(
    const RequestContext& ctx, std::vector<SupplierItemImportRow> rows) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  if (rows.empty()) {
    return InvalidArgument("NO_ROWS", "an import batch needs at least one row");
  }
  if (rows.size() > static_cast<std::size_t>(kMaxImportRows)) {
    return InvalidArgument("TOO_MANY_ROWS",
                           "an import batch holds at most 1000 rows");
  }
  std::vector<SupplierItemImportResult> results(rows.size());
  std::vector<SupplierItemImportRow> valid;
  std::vector<std::size_t> valid_index;
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const SupplierItem& item = rows[i].item;
    results[i].line_number = rows[i].line_number;
    results[i].supplier_code = item.supplier_code;
    results[i].sku = item.sku;
    Status status = ValidateSupplierItem(item);
    if (status.ok() && !seen.insert({item.supplier_code, item.sku}).second) {
      status =
          InvalidArgument("DUPLICATE_ITEM_IN_BATCH",
                          "supplier " + item.supplier_code + " and sku " +
                              item.sku + " appear twice in the same batch");
    }
    if (!status.ok()) {
      results[i].outcome = SupplierItemImportOutcome::kRejected;
      results[i].reason = status.reason();
      results[i].message = status.message();
      continue;
    }
    valid.push_back(std::move(rows[i]));
    valid_index.push_back(i);
  }
  if (!valid.empty()) {
    auto stored = repository_.ImportSupplierItems(valid, ctx);
    if (!stored.ok()) return stored.status();
    for (std::size_t k = 0; k < valid_index.size(); ++k) {
      results[valid_index[k]] = (*stored)[k];
    }
  }
  return results;
}

StatusOr<DemandReport> Purchasing::ListDemand(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& sku, int window_days, const std::string& end_day,
    int page_size, const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is longer than 64 characters");
  }
  std::string last_day = end_day;
  if (last_day.empty()) {
    // The last complete business day in the store's own time zone.
    auto zone_name = repository_.StoreTimeZone(store_code);
    if (!zone_name.ok()) return zone_name.status();
    absl::TimeZone zone;
    if (!absl::LoadTimeZone(*zone_name, &zone)) {
      return FailedPrecondition(
          "STORE_TIME_ZONE_INVALID",
          "the store's time zone '" + *zone_name + "' is not a time zone");
    }
    const absl::CivilDay today =
        absl::ToCivilDay(absl::FromUnixMicros(clock_()), zone);
    last_day = absl::FormatCivilTime(today - 1);
  }
  auto window = MakeDemandWindow(window_days, last_day);
  if (!window.ok()) return window.status();
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("demand", PageKeyKind::kText)
                          .Add(store_code)
                          .Add(sku)
                          .Add(static_cast<std::int64_t>(window->days))
                          .Add(window->end_day));
  if (!request.ok()) return request.status();
  auto rows = repository_.ListDemandDays(store_code, sku, window->start_day,
                                         window->end_day, request->after_key,
                                         request->page_size + 1);
  if (!rows.ok()) return rows.status();
  std::vector<ProductDemand> demands;
  if (!sku.empty()) {
    // One product, listed even without demand (the repository has checked
    // that it exists).
    if (request->after_key.empty()) {
      demands.push_back(SummarizeDemand(sku, *rows, *window));
    }
  } else {
    demands = SummarizeDemandBySku(*rows, *window);
  }
  DemandReport report;
  report.window = *window;
  report.page = MakePage(std::move(demands), *request,
                         [](const ProductDemand& d) { return d.sku; });
  return report;
}

}  // namespace backoffice::domain
