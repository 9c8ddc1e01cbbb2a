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

struct AdjustmentOutcome {
  StockMovement movement;
  StockLevel level;
  bool replayed = false;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_STOCK_MODEL_H_
