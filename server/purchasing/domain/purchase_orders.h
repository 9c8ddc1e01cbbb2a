// Purchase orders, their approval and replenishment suggestions, as the
// transport layer sees them: validation, store scope, the pure rules, then
// the repository.
//
// Thread safety: stateless beyond its repository; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDERS_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDERS_H_

#include <string>
#include <vector>

#include "core/domain/clock.h"
#include "core/domain/model.h"
#include "core/domain/status.h"
#include "purchasing/domain/purchase_order_model.h"
#include "purchasing/domain/purchase_order_repository.h"

namespace backoffice::domain {

class PurchaseOrders {
 public:
  explicit PurchaseOrders(PurchaseOrderRepository& repository,
                          Clock clock = SystemNowMicros)
      : repository_(repository), clock_(std::move(clock)) {}

  StatusOr<PurchasingSettings> GetSettings(const RequestContext& ctx,
                                           const std::string& store_code);
  // Mask paths: approval_limit, review_period_days, demand_window_days.
  StatusOr<PurchasingSettings> UpdateSettings(
      const RequestContext& ctx, const PurchasingSettings& patch,
      const std::vector<std::string>& mask);

  // A store's suggestions; without a store (chain-wide principals only),
  // a page of stores by code.
  StatusOr<SuggestionReport> SuggestOrders(const RequestContext& ctx,
                                           const std::string& store_code,
                                           const std::string& supplier_code,
                                           const std::string& as_of_day,
                                           int page_size,
                                           const std::string& page_token);
  StatusOr<DraftRunOutcome> DraftOrdersFromSuggestions(
      const RequestContext& ctx, const std::string& store_code,
      const std::string& run_id, const std::string& as_of_day = "");

  StatusOr<PurchaseOrderOutcome> CreateOrder(const RequestContext& ctx,
                                             const NewPurchaseOrder& order);
  StatusOr<PurchaseOrder> GetOrder(const RequestContext& ctx,
                                   const std::string& store_code,
                                   const std::string& order_id);
  StatusOr<Page<PurchaseOrder>> ListOrders(const RequestContext& ctx,
                                           const std::string& store_code,
                                           const PurchaseOrderFilter& filter,
                                           int page_size,
                                           const std::string& page_token);
  StatusOr<PurchaseOrder> AddLines(const RequestContext& ctx,
                                   const std::string& store_code,
                                   const std::string& order_id,
                                   const std::string& etag,
                                   const std::vector<OrderLineInput>& lines);
  StatusOr<PurchaseOrder> Transition(const RequestContext& ctx,
                                     const std::string& store_code,
                                     const std::string& order_id,
                                     OrderAction action,
                                     const std::string& etag,
                                     const std::string& reason);

 private:
  // The window ending the day before `as_of_day` (empty: today in the
  // store's zone) over the settings' window days.
  WindowOf WindowFor(const std::string& as_of_day) const;

  PurchaseOrderRepository& repository_;
  Clock clock_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDERS_H_
