// The catalog's values: stores, tills, products, per-store settings,
// suppliers and credit customers.
#ifndef BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_MODEL_H_
#define BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"

namespace backoffice::domain {

struct Store {
  std::string code;
  std::string display_name;
  std::string time_zone;
  std::string currency_code;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
};

// What of a store is already counted in its currency. Once any of it
// exists, the store's currency is fixed (see CheckStoreCurrencyChange).
struct StoreMoneyUse {
  bool has_sales = false;
  bool has_price_overrides = false;  // product_store_settings with a price
  bool has_customers = false;        // credit limits
};

struct Terminal {
  std::string store_code;
  std::string code;
  std::string display_name;
  bool active = true;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
};

struct Product {
  std::string sku;
  std::vector<std::string> barcodes;  // Kept sorted, without duplicates.
  std::string display_name;
  std::string unit_of_measure;
  bool sold_by_weight = false;
  std::int32_t tax_rate_basis_points = 0;
  Money default_price;
  bool active = true;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
  // The ordering fields, last so that positional initialisers written
  // before them stay valid.
  // The supplier's code; empty for none. Must have an active supplier item
  // for the product (checked by the repository, on locked rows).
  std::string preferred_supplier;
  // 0: the product does not expire.
  std::int32_t shelf_life_days = 0;
  // Days before expiry when a lot stops being sellable.
  std::int32_t sell_by_margin_days = 0;

  // Whether the business fields (not the timestamps) are equal.
  bool SameContentAs(const Product& other) const;
};

struct ProductStoreSetting {
  std::string store_code;
  std::string sku;
  std::optional<Money> price_override;
  std::int64_t reorder_point_milli = 0;
  std::int64_t min_quantity_milli = 0;
  std::int64_t max_quantity_milli = 0;
  TimeMicros update_time = 0;
  // The store's own preferred supplier of the product; empty: the
  // product's. Last, so that positional initialisers stay valid.
  std::string preferred_supplier;
};

struct Supplier {
  std::string code;
  std::string display_name;
  std::string phone;
  std::string email;
  std::string address;
  std::int32_t payment_terms_days = 0;
  bool active = true;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
};

struct Customer {
  std::string store_code;
  std::string code;
  std::string display_name;
  std::string phone;
  Money credit_limit;
  bool active = true;
  // Days after a charge's business day until it falls due.
  int credit_terms_days = 30;
  TimeMicros create_time = 0;
  TimeMicros update_time = 0;
};

struct ProductFilter {
  std::string text;
  bool active_only = false;
};

enum class ImportOutcome { kCreated, kUpdated, kUnchanged, kRejected };

// The fields of a product that an import row may leave out (a field it
// leaves out keeps its stored value; a new product takes the default).
inline constexpr const char* kProductImportOptionalFields[] = {
    "preferred_supplier", "shelf_life_days", "sell_by_margin_days"};

struct ImportRow {
  int line_number = 0;
  Product product;
  // Which of kProductImportOptionalFields the row sets.
  std::vector<std::string> optional_fields;
};

struct ImportResult {
  int line_number = 0;
  std::string sku;
  ImportOutcome outcome = ImportOutcome::kRejected;
  std::string reason;
  std::string message;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_MODEL_H_
