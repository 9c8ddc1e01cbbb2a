#include "purchasing/domain/purchase_orders.h"

#include <absl/time/civil_time.h>
#include <absl/time/time.h>

#include <utility>

#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"
#include "core/domain/validation.h"
#include "purchasing/domain/demand.h"
#include "purchasing/domain/purchase_order_rules.h"
#include "purchasing/domain/replenishment.h"

namespace backoffice::domain {
namespace {

constexpr int kDefaultStoresPerPage = 10;
constexpr int kMaxStoresPerPage = 50;

Status ValidateOrderKey(const std::string& store_code,
                        const std::string& order_id) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  return ValidateIdempotencyKey("order_id", order_id);
}

std::vector<std::string> SkusOf(const std::vector<OrderLineInput>& lines) {
  std::vector<std::string> skus;
  for (const auto& l : lines) skus.push_back(l.sku);
  return skus;
}

}  // namespace

StatusOr<PurchasingSettings> PurchaseOrders::GetSettings(
    const RequestContext& ctx, const std::string& store_code) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetSettings(store_code);
}

StatusOr<PurchasingSettings> PurchaseOrders::UpdateSettings(
    const RequestContext& ctx, const PurchasingSettings& patch,
    const std::vector<std::string>& mask) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", patch.store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, patch.store_code));
  BO_RETURN_IF_ERROR(CheckMaskPaths(
      mask, {"approval_limit", "review_period_days", "demand_window_days",
             "receipt_tolerance_basis_points"}));
  if (mask.empty()) {
    return InvalidArgument("EMPTY_UPDATE_MASK", "nothing to update");
  }
  return repository_.UpdateSettings(
      patch.store_code,
      [&](PurchasingSettings& current) -> Status {
        if (MaskHas(mask, "approval_limit")) {
          if (patch.approval_limit_minor && *patch.approval_limit_minor < 0) {
            return InvalidField("approval_limit", "must not be negative");
          }
          current.approval_limit_minor = patch.approval_limit_minor;
        }
        if (MaskHas(mask, "review_period_days")) {
          if (patch.review_period_days < 1 ||
              patch.review_period_days > kMaxReviewPeriodDays) {
            return InvalidField("review_period_days", "must be 1-365");
          }
          current.review_period_days = patch.review_period_days;
        }
        if (MaskHas(mask, "demand_window_days")) {
          if (patch.demand_window_days < 1 ||
              patch.demand_window_days > kMaxDemandWindowDays) {
            return InvalidField("demand_window_days", "must be 1-366");
          }
          current.demand_window_days = patch.demand_window_days;
        }
        if (MaskHas(mask, "receipt_tolerance_basis_points")) {
          if (patch.receipt_tolerance_basis_points < 0 ||
              patch.receipt_tolerance_basis_points > 10000) {
            return InvalidField("receipt_tolerance_basis_points",
                                "must be 0-10000");
          }
          current.receipt_tolerance_basis_points =
              patch.receipt_tolerance_basis_points;
        }
        return Status();
      },
      ctx);
}

WindowOf PurchaseOrders::WindowFor(const std::string& as_of_day) const {
  const TimeMicros now = clock_();
  return
      [as_of_day, now](const PurchasingSettings& settings,
                       const std::string& time_zone) -> StatusOr<DemandWindow> {
        std::string day = as_of_day;
        if (day.empty()) {
          absl::TimeZone zone;
          if (!absl::LoadTimeZone(time_zone, &zone)) {
            return FailedPrecondition(
                "STORE_TIME_ZONE_INVALID",
                "the store's time zone '" + time_zone + "' is not a time zone");
          }
          day = absl::FormatCivilTime(
              absl::ToCivilDay(absl::FromUnixMicros(now), zone));
        }
        absl::CivilDay parsed;
        if (day.size() != 10 || !absl::ParseCivilTime(day, &parsed)) {
          return InvalidField("as_of_day", "must be a date YYYY-MM-DD");
        }
        return MakeDemandWindow(settings.demand_window_days,
                                absl::FormatCivilTime(parsed - 1));
      };
}

StatusOr<SuggestionReport> PurchaseOrders::SuggestOrders(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& supplier_code, const std::string& as_of_day,
    int page_size, const std::string& page_token) {
  if (!supplier_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("supplier_code", supplier_code));
  }
  if (!as_of_day.empty()) {
    absl::CivilDay parsed;
    if (as_of_day.size() != 10 || !absl::ParseCivilTime(as_of_day, &parsed)) {
      return InvalidField("as_of_day", "must be a date YYYY-MM-DD");
    }
  }
  std::vector<std::string> stores;
  SuggestionReport report;
  if (!store_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
    BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
    if (!page_token.empty()) {
      return InvalidArgument("INVALID_PAGE_TOKEN",
                             "a single store's suggestions have one page");
    }
    stores.push_back(store_code);
  } else {
    if (!IsChainWide(ctx.principal.role)) {
      return PermissionDenied("STORE_OUT_OF_SCOPE",
                              "name your store: only head office suggests "
                              "for every store");
    }
    if (page_size < 0 || page_size > kMaxStoresPerPage) {
      return InvalidField("page_size", "must be 0-50");
    }
    const int size = page_size == 0 ? kDefaultStoresPerPage : page_size;
    auto request = MakePageRequest(size, page_token,
                                   PageScope("suggestions", PageKeyKind::kText)
                                       .Add(supplier_code)
                                       .Add(as_of_day));
    if (!request.ok()) return request.status();
    auto codes = repository_.ListStoreCodes(request->after_key, size + 1);
    if (!codes.ok()) return codes.status();
    auto page = MakePage(std::move(*codes), *request,
                         [](const std::string& code) { return code; });
    stores = std::move(page.items);
    report.next_page_token = page.next_page_token;
  }
  const WindowOf window_of = WindowFor(as_of_day);
  for (const auto& code : stores) {
    DemandWindow window;
    auto data = repository_.LoadReplenishment(code, window_of, &window);
    if (!data.ok()) return data.status();
    if (report.as_of_day.empty()) {
      absl::CivilDay end;
      absl::ParseCivilTime(window.end_day, &end);
      report.as_of_day = absl::FormatCivilTime(end + 1);
    }
    for (auto& group : SuggestForStore(*data, window, code, supplier_code)) {
      report.groups.push_back(std::move(group));
    }
  }
  return report;
}

StatusOr<DraftRunOutcome> PurchaseOrders::DraftOrdersFromSuggestions(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& run_id, const std::string& as_of_day) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  BO_RETURN_IF_ERROR(ValidateIdempotencyKey("run_id", run_id));
  if (run_id.size() + 1 + 32 > 64) {
    return InvalidField("run_id",
                        "must leave room for '-<supplier code>' in 64 "
                        "characters (at most 31)");
  }
  if (!as_of_day.empty()) {
    absl::CivilDay parsed;
    if (as_of_day.size() != 10 || !absl::ParseCivilTime(as_of_day, &parsed)) {
      return InvalidField("as_of_day", "must be a date YYYY-MM-DD");
    }
  }
  // The request as sent: an empty day means "today" on every replay.
  const std::string fingerprint = FingerprintBuilder("suggestion_run/v1")
                                      .Add(store_code)
                                      .Add(run_id)
                                      .Add(as_of_day)
                                      .Finish();
  return repository_.DraftFromSuggestions(
      store_code, run_id, fingerprint, WindowFor(as_of_day),
      [store_code](const ReplenishmentData& data, const DemandWindow& window) {
        return SuggestForStore(data, window, store_code, "");
      },
      ctx);
}

StatusOr<PurchaseOrderOutcome> PurchaseOrders::CreateOrder(
    const RequestContext& ctx, const NewPurchaseOrder& order) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateOrderKey(order.store_code, order.order_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, order.store_code));
  BO_RETURN_IF_ERROR(ValidateCode("supplier_code", order.supplier_code));
  BO_RETURN_IF_ERROR(ValidateLineInputs(order.lines));
  return repository_.CreateOrder(
      order, PurchaseOrderFingerprint(order),
      [&order](PurchaseOrder& draft,
               const std::map<std::string, ReplenishmentItem>& items) {
        return AddLinesToOrder(draft, order.lines, items);
      },
      ctx);
}

StatusOr<PurchaseOrder> PurchaseOrders::GetOrder(const RequestContext& ctx,
                                                 const std::string& store_code,
                                                 const std::string& order_id) {
  BO_RETURN_IF_ERROR(ValidateOrderKey(store_code, order_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  return repository_.GetOrder(store_code, order_id);
}

StatusOr<Page<PurchaseOrder>> PurchaseOrders::ListOrders(
    const RequestContext& ctx, const std::string& store_code,
    const PurchaseOrderFilter& filter, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateCode("store_code", store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (!filter.supplier_code.empty()) {
    BO_RETURN_IF_ERROR(ValidateCode("supplier_code", filter.supplier_code));
  }
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("purchase_orders", PageKeyKind::kText)
                          .Add(store_code)
                          .Add(static_cast<std::int64_t>(filter.state))
                          .Add(filter.supplier_code));
  if (!request.ok()) return request.status();
  auto orders = repository_.ListOrders(store_code, filter, *request);
  if (!orders.ok()) return orders.status();
  return MakePage(std::move(*orders), *request,
                  [](const PurchaseOrder& o) { return o.order_id; });
}

StatusOr<PurchaseOrder> PurchaseOrders::AddLines(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& order_id, const std::string& etag,
    const std::vector<OrderLineInput>& lines) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateOrderKey(store_code, order_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (lines.empty()) {
    return InvalidArgument("NO_LINES", "add at least one line");
  }
  BO_RETURN_IF_ERROR(ValidateLineInputs(lines));
  if (etag.empty()) {
    return InvalidArgument("ETAG_REQUIRED",
                           "send the etag of the order as read");
  }
  return repository_.ChangeLines(
      store_code, order_id, SkusOf(lines),
      [&](PurchaseOrder& order,
          const std::map<std::string, ReplenishmentItem>& items) -> Status {
        BO_RETURN_IF_ERROR(CheckEtag(order, etag));
        BO_RETURN_IF_ERROR(CheckEditable(order));
        BO_RETURN_IF_ERROR(AddLinesToOrder(order, lines, items));
        order.version += 1;
        order.last_changed_by = ActorId(ctx.principal);
        return Status();
      },
      ctx);
}

StatusOr<PurchaseOrder> PurchaseOrders::Transition(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& order_id, OrderAction action, const std::string& etag,
    const std::string& reason) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateOrderKey(store_code, order_id));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  BO_RETURN_IF_ERROR(
      ValidateOptionalText("reason", reason, kMaxStateReasonLength));
  const TimeMicros now = clock_();
  return repository_.Transition(
      store_code, order_id,
      [&](PurchaseOrder& order, const TransitionFacts& facts) {
        return ApplyTransition(order, action, ctx.principal, etag, reason,
                               facts, now);
      },
      ctx);
}

}  // namespace backoffice::domain
