// Purchase orders, their approval and the replenishment suggestions that
// feed them. Quantities are thousandths of a unit; money is minor units of
// the store's currency.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_MODEL_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "purchasing/domain/purchasing_model.h"

namespace backoffice::domain {

inline constexpr int kDefaultReviewPeriodDays = 7;
inline constexpr int kMaxReviewPeriodDays = 365;
inline constexpr int kMaxStateReasonLength = 500;
inline constexpr int kMaxOrderLines = 1000;

// A store's ordering settings; the defaults when the store never set them.
struct PurchasingSettings {
  std::string store_code;
  std::string currency_code;  // The store's.
  // Orders above this total with VAT need head office; unset: no limit.
  std::optional<std::int64_t> approval_limit_minor;
  int review_period_days = kDefaultReviewPeriodDays;
  int demand_window_days = kDefaultDemandWindowDays;
  TimeMicros update_time = 0;  // 0: never set.
  // How much more than ordered a receipt may bring without approval, in
  // basis points of the ordered quantity.
  int receipt_tolerance_basis_points = 0;
};

enum class PurchaseOrderState {
  kUnspecified = 0,
  kDraft = 1,
  kSubmitted = 2,
  kApproved = 3,
  kSent = 4,
  kPartiallyReceived = 5,
  kReceived = 6,
  kClosedShort = 7,
  kCancelled = 8,
};

// "DRAFT", ... as stored; the reverse gives kUnspecified for unknown names.
const char* PurchaseOrderStateName(PurchaseOrderState state);
PurchaseOrderState PurchaseOrderStateFromName(const std::string& name);

struct PurchaseOrderLine {
  int line_number = 0;
  std::string sku;
  std::int64_t quantity_milli = 0;
  std::int64_t pack_size_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::int32_t tax_rate_basis_points = 0;
  std::int64_t line_cost_minor = 0;
  std::int64_t line_tax_minor = 0;
  std::int64_t received_milli = 0;
  std::int64_t rejected_milli = 0;
};

struct PurchaseOrder {
  std::string store_code;
  std::string order_id;
  std::string supplier_code;
  PurchaseOrderState state = PurchaseOrderState::kUnspecified;
  std::string currency_code;
  std::int64_t version = 0;  // The etag.
  // Principals as FormatTokenId ("tok_<n>"): the identity maker-checker
  // compares. Display names only inform.
  std::string created_by;
  std::string created_by_name;
  std::string last_changed_by;  // The last to change the lines (or create).
  std::string submitted_by;
  std::string approved_by;
  std::string approved_by_name;
  TimeMicros approve_time = 0;
  TimeMicros send_time = 0;
  std::string state_reason;
  std::int64_t total_cost_minor = 0;
  std::int64_t total_tax_minor = 0;
  std::string expected_date;  // YYYY-MM-DD or empty.
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
  std::vector<PurchaseOrderLine> lines;
};

// A line as a client asks for it.
struct OrderLineInput {
  std::string sku;
  std::int64_t quantity_milli = 0;
  std::optional<std::int64_t> unit_cost_minor;  // Unset: the item's cost.
  std::string unit_cost_currency;  // Empty, or the order's currency.
};

struct NewPurchaseOrder {
  std::string store_code;
  std::string order_id;
  std::string supplier_code;
  std::vector<OrderLineInput> lines;
};

struct PurchaseOrderOutcome {
  PurchaseOrder order;
  bool replayed = false;
};

enum class OrderAction {
  kSubmit,
  kApprove,
  kReject,
  kSend,
  kCancel,
  kClose,
};
const char* OrderActionName(OrderAction action);

// What a transition needs besides the order: read in its transaction.
struct TransitionFacts {
  std::optional<std::int64_t> approval_limit_minor;
  int max_lead_time_days = 0;   // Of the order's supplier items, for send.
  std::string store_time_zone;  // For the expected date.
  bool supplier_active = true;  // An order to a deactivated supplier stops.
};

struct PurchaseOrderFilter {
  PurchaseOrderState state = PurchaseOrderState::kUnspecified;
  std::string supplier_code;
};

// ---- Replenishment -------------------------------------------------------

// How a product's supplier was chosen.
enum class SupplierRule {
  kStorePreferred,
  kProductPreferred,
  kOnlySupplier,
  kCheapestSupplier,
};
const char* SupplierRuleName(SupplierRule rule);

// One orderable supplier item as suggestions read it.
struct ReplenishmentItem {
  std::string supplier_code;
  std::int64_t pack_size_milli = 0;
  std::int64_t min_order_quantity_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::string cost_currency_code;
  std::int32_t tax_rate_basis_points = 0;
  std::int32_t lead_time_days = 0;
};

// One active product of a store with what suggestions need to know.
struct ReplenishmentProduct {
  std::string sku;
  std::string display_name;
  std::int64_t on_hand_milli = 0;
  std::int64_t on_order_approved_milli = 0;  // APPROVED and later, open.
  std::int64_t on_order_draft_milli = 0;     // DRAFT and SUBMITTED.
  std::int64_t in_transit_milli = 0;  // Sent here by other stores.
  std::int64_t reorder_point_milli = 0;      // 0: not set.
  std::int64_t max_quantity_milli = 0;       // 0: not set.
  int shelf_life_days = 0;                   // 0: does not expire.
  int sell_by_margin_days = 0;
  std::string store_preferred_supplier;    // Empty: none.
  std::string product_preferred_supplier;  // Empty: none.
  std::vector<ReplenishmentItem> items;    // Active items, by supplier code.
};

// Everything one store's suggestions are computed from.
struct ReplenishmentData {
  PurchasingSettings settings;
  std::string store_time_zone;
  std::vector<ReplenishmentProduct> products;  // By SKU.
  std::vector<DemandDay> demand_days;          // The window's rollup rows.
};

struct SuggestionLine {
  std::string sku;
  std::string display_name;
  std::string supplier_code;
  SupplierRule supplier_rule = SupplierRule::kOnlySupplier;
  std::int64_t on_hand_milli = 0;
  std::int64_t on_order_approved_milli = 0;
  std::int64_t on_order_draft_milli = 0;
  std::int64_t in_transit_milli = 0;
  std::int64_t projected_milli = 0;
  std::int64_t window_demand_milli = 0;
  int window_days = 0;
  std::int64_t demand_per_day_milli = 0;
  int lead_time_days = 0;
  int review_period_days = 0;
  std::int64_t trigger_milli = 0;
  bool trigger_is_reorder_point = false;
  std::int64_t target_milli = 0;
  bool target_is_max_quantity = false;
  std::int64_t need_milli = 0;
  std::int64_t pack_size_milli = 0;
  std::int64_t min_order_quantity_milli = 0;
  std::int64_t rounded_milli = 0;
  std::int64_t expiry_cap_milli = -1;  // -1: no cap.
  bool cap_binds = false;
  std::int64_t suggested_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::int32_t tax_rate_basis_points = 0;
  std::int64_t line_cost_minor = 0;
  std::int64_t line_tax_minor = 0;
  std::string explanation;
  std::string zero_reason;
};

struct SupplierSuggestion {
  std::string store_code;
  std::string supplier_code;
  std::string currency_code;
  std::vector<SuggestionLine> lines;
  std::int64_t total_cost_minor = 0;
  std::int64_t total_tax_minor = 0;
};

struct SuggestionReport {
  std::string as_of_day;
  std::vector<SupplierSuggestion> groups;
  std::string next_page_token;
};

struct DraftRunOutcome {
  std::vector<PurchaseOrder> orders;
  bool replayed = false;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_MODEL_H_
