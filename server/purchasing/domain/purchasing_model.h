// Purchasing's values: supplier items and the demand read from the daily
// rollup. Quantities are thousandths of a unit; money is minor units.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_MODEL_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/model.h"

namespace backoffice::domain {

inline constexpr int kMaxSupplierSkuLength = 64;
inline constexpr int kMaxLeadTimeDays = 365;
inline constexpr int kDefaultDemandWindowDays = 28;
inline constexpr int kMaxDemandWindowDays = 366;

// What one supplier sells of one product, and on what terms.
struct SupplierItem {
  std::string supplier_code;
  std::string sku;
  std::string supplier_sku;
  std::int64_t pack_size_milli = 0;
  std::int64_t min_order_quantity_milli = 0;
  Money unit_cost;  // Before VAT, in the product's price currency.
  std::int32_t tax_rate_basis_points = 0;
  std::int32_t lead_time_days = 0;
  bool active = true;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;

  // Whether the business fields (not the timestamps) are equal.
  bool SameContentAs(const SupplierItem& other) const;
};

// What a supplier item must agree with in its product.
struct ItemProductFacts {
  bool sold_by_weight = false;
  std::string price_currency_code;
};

struct SupplierItemFilter {
  std::string supplier_code;  // At least one of the two is set.
  std::string sku;
  bool active_only = false;
};

struct SupplierItemImportRow {
  int line_number = 0;
  SupplierItem item;
};

enum class SupplierItemImportOutcome {
  kCreated,
  kUpdated,
  kUnchanged,
  kRejected
};

struct SupplierItemImportResult {
  int line_number = 0;
  std::string supplier_code;
  std::string sku;
  SupplierItemImportOutcome outcome = SupplierItemImportOutcome::kRejected;
  std::string reason;
  std::string message;
};

// One row of the daily demand rollup.
struct DemandDay {
  std::string sku;
  std::string business_day;  // YYYY-MM-DD
  std::int64_t sold_milli = 0;
  std::int64_t returned_milli = 0;
  std::int64_t voided_milli = 0;
};

// A product's demand over a window of business days.
struct ProductDemand {
  std::string sku;
  std::int64_t sold_milli = 0;
  std::int64_t returned_milli = 0;
  std::int64_t voided_milli = 0;
  std::int64_t net_quantity_milli = 0;  // sold - returned - voided
  int days_in_window = 0;
  int days_with_sales = 0;
  std::int64_t average_daily_milli = 0;
};

struct DemandWindow {
  std::string start_day;  // YYYY-MM-DD, inclusive
  std::string end_day;    // YYYY-MM-DD, inclusive
  int days = 0;
};

struct DemandReport {
  DemandWindow window;
  Page<ProductDemand> page;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_MODEL_H_
