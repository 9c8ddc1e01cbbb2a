// The values of stock: balances, movements and adjustments.
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_MODEL_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "inventory/domain/movement_type.h"

namespace backoffice::domain {

enum class AdjustmentReason {
  kUnspecified,
  kDamage,
  kTheft,
  kCountCorrection,
  kExpiryWriteOff,
  kOther
};

const char* AdjustmentReasonName(AdjustmentReason reason);

struct StockLevel {
  std::string store_code;
  std::string sku;
  std::string display_name;
  std::int64_t on_hand_milli = 0;
  std::int64_t reorder_point_milli = 0;
  std::int64_t max_quantity_milli = 0;
  TimeMicros last_movement_time = 0;
};

struct StockLevelFilter {
  bool at_or_below_reorder_point = false;
  bool negative_only = false;
  std::string sku;
};

struct StockMovement {
  std::int64_t id = 0;
  std::string store_code;
  std::string sku;
  std::int64_t quantity_milli = 0;
  MovementType type = MovementType::kUnspecified;
  std::string reason;
  std::string document_id;
  int document_line = 0;
  TimeMicros business_time = 0;
  TimeMicros record_time = 0;
};

struct MovementFilter {
  std::string sku;
  MovementType type = MovementType::kUnspecified;
  std::optional<TimeMicros> start_time;
  std::optional<TimeMicros> end_time;
};

struct StockAdjustment {
  std::string adjustment_id;
  std::string store_code;
  std::string sku;
  std::int64_t quantity_delta_milli = 0;
  AdjustmentReason reason = AdjustmentReason::kUnspecified;
  std::string note;
};

enum class AdjustmentRequestState {
  kUnspecified,
  kPendingApproval,
  kPosted,
  kRejected
};
const char* AdjustmentRequestStateName(AdjustmentRequestState state);
AdjustmentRequestState AdjustmentRequestStateFromName(const std::string& name);
AdjustmentReason AdjustmentReasonFromName(const std::string& name);

// A write-off that waits (or waited) for a second person.
struct AdjustmentRequest {
  std::string store_code;
  std::string adjustment_id;
  std::string sku;
  std::int64_t quantity_delta_milli = 0;
  AdjustmentReason reason = AdjustmentReason::kUnspecified;
  std::string note;
  std::string currency_code;
  std::int64_t value_minor = 0;  // Negative: a write-off.
  AdjustmentRequestState state = AdjustmentRequestState::kUnspecified;
  std::string requested_by;
  std::string decided_by;
  std::string decision_reason;
  TimeMicros create_time = 0;
  TimeMicros decide_time = 0;
  std::int64_t sequence = 0;  // The paging key.
};

struct AdjustmentOutcome {
  StockMovement movement;
  StockLevel level;
  bool replayed = false;
  // The value at cost it moved at (negative for a write-off).
  std::string currency_code;
  std::int64_t value_minor = 0;
  // Set when it waits for a second person: nothing moved.
  std::optional<AdjustmentRequest> approval_request;
};

struct AdjustmentDecisionOutcome {
  AdjustmentRequest request;
  std::optional<AdjustmentOutcome> posted;
};

struct InventorySettings {
  std::string store_code;
  std::string currency_code;
  std::int64_t write_off_approval_threshold_minor = 0;
  // Counts: above this at cost a manager who did not count approves;
  // above the head-office one (0: never), head office.
  std::int64_t count_approval_threshold_minor = 0;
  std::int64_t count_head_office_threshold_minor = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_MODEL_H_
