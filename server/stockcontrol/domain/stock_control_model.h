// Stock control as the domain sees it: lots close to their sellable-until
// day, slow movers, and returns of lots to their supplier. Quantities are
// thousandths of a unit; money is minor units of the store's currency;
// days are "YYYY-MM-DD".
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_MODEL_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/clock.h"

namespace backoffice::domain {

enum class ExpiryAction {
  kUnspecified,
  kSellFirst,
  kDiscount,
  kReturnToSupplier,
  kWriteOff
};

// A lot as the near-expiry read finds it, before the rule judges it.
struct LotFacts {
  std::int64_t store_id = 0;  // The paging key, with sellable_until, lot_id.
  std::int64_t lot_id = 0;
  std::string store_code;
  std::string sku;
  std::string display_name;
  std::string lot_code;
  std::string expiry_date;
  int sell_by_margin_days = 0;
  std::int64_t quantity_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::string currency_code;
  std::int64_t window_demand_milli = 0;  // Net, over kExpiryDemandDays.
  // What the product's lots that FEFO sells before this one hold (sellable
  // today, earlier expiry): the demand they take first.
  std::int64_t earlier_lots_milli = 0;
  std::string supplier_code;
  std::string as_of_day;  // The store's today.
};

struct ExpiringLot {
  LotFacts facts;
  std::string sellable_until;
  int days_left = 0;
  std::int64_t value_minor = 0;
  std::int64_t demand_per_day_milli = 0;
  std::int64_t expected_sales_milli = 0;
  std::int64_t excess_milli = 0;
  ExpiryAction action = ExpiryAction::kUnspecified;
};

struct ExpiringLotsQuery {
  std::string store_code;  // Empty: every store.
  int within_days = 7;
  bool expired = false;
};

enum class SlowMoverReason { kUnspecified, kNoSales, kCoverExceeded };

// A (store, product) with stock, as the slow-mover read finds it.
struct StockFacts {
  std::int64_t store_id = 0;
  std::int64_t product_id = 0;
  std::string store_code;
  std::string sku;
  std::string display_name;
  std::int64_t on_hand_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::string currency_code;
  std::int64_t window_demand_milli = 0;  // Net, over the window.
  std::string last_sale_day;             // "" when none in the lookback.
  std::string as_of_day;
};

struct SlowMover {
  StockFacts facts;
  std::int64_t value_minor = 0;
  std::int64_t demand_per_day_milli = 0;
  int cover_days = 0;
  SlowMoverReason reason = SlowMoverReason::kUnspecified;
};

struct SlowMoversQuery {
  std::string store_code;  // Empty: every store.
  int cover_days = 60;
  int idle_days = 30;
  int window_days = 28;
};

enum class SupplierReturnState {
  kUnspecified,
  kDraft,
  kApproved,
  kShipped,
  kRejected
};
enum class ReturnSettlement { kUnspecified, kCreditNote, kExchange };
enum class ReturnReason {
  kUnspecified,
  kExpired,
  kNearExpiry,
  kDamaged,
  kSlowMoving,
  kRecall
};

struct SupplierReturnLine {
  int line_number = 0;
  std::string sku;
  std::string lot_code;
  std::string expiry_date;
  std::int64_t quantity_milli = 0;
  ReturnReason reason = ReturnReason::kUnspecified;
  std::int64_t unit_cost_minor = 0;
  std::int64_t line_cost_minor = 0;
  std::int32_t tax_rate_basis_points = 0;
  std::int64_t line_tax_minor = 0;
};

struct SupplierReturn {
  std::string store_code;
  std::string return_id;
  std::string supplier_code;
  std::string currency_code;
  SupplierReturnState state = SupplierReturnState::kUnspecified;
  ReturnSettlement settlement = ReturnSettlement::kUnspecified;
  std::string note;
  std::vector<SupplierReturnLine> lines;
  std::int64_t total_cost_minor = 0;
  std::int64_t total_tax_minor = 0;
  std::int64_t credit_note_document_number = 0;
  std::string created_by;
  std::string decided_by;
  std::string decision_reason;
  std::string shipped_by;
  TimeMicros create_time = 0;
  TimeMicros decide_time = 0;
  TimeMicros ship_time = 0;
  std::int64_t sequence = 0;  // The paging key.
};

struct NewSupplierReturnLine {
  std::string sku;
  std::string lot_code;
  std::string expiry_date;
  std::int64_t quantity_milli = 0;
  ReturnReason reason = ReturnReason::kUnspecified;
};

struct NewSupplierReturn {
  std::string store_code;
  std::string return_id;
  std::string supplier_code;
  ReturnSettlement settlement = ReturnSettlement::kUnspecified;
  std::vector<NewSupplierReturnLine> lines;
  std::string note;
};

struct SupplierReturnOutcome {
  SupplierReturn supplier_return;
  bool replayed = false;
};

enum class ReturnStep { kApprove, kReject, kShip };

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_MODEL_H_
