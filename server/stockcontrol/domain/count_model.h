// Counts of a store's stock as the domain sees them. Quantities are
// thousandths of a unit; money is minor units of the store's currency.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_MODEL_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/clock.h"

namespace backoffice::domain {

enum class CountState {
  kUnspecified,
  kOpen,
  kPendingApproval,
  kPosted,
  kCancelled
};
enum class CountApprovalLevel { kUnspecified, kNone, kManager, kHeadOffice };

struct CountLine {
  int line_number = 0;
  std::string sku;
  std::int64_t frozen_milli = 0;
  bool counted = false;
  std::int64_t counted_milli = 0;
  std::int64_t moved_since_open_milli = 0;
  std::int64_t variance_milli = 0;
  std::int64_t unit_cost_minor = 0;
  std::int64_t variance_value_minor = 0;
  std::string counted_by;
  int entries = 0;
  TimeMicros count_time = 0;
};

struct StockCount {
  std::string store_code;
  std::string count_id;
  std::string currency_code;
  CountState state = CountState::kUnspecified;
  bool whole_store = false;
  std::string note;
  std::vector<CountLine> lines;
  int line_count = 0;
  int counted_count = 0;
  std::int64_t variance_value_minor = 0;
  std::int64_t net_variance_value_minor = 0;
  CountApprovalLevel approval_level = CountApprovalLevel::kUnspecified;
  std::vector<std::string> counted_by;
  std::string opened_by;
  TimeMicros open_time = 0;
  std::string post_requested_by;
  std::string decided_by;
  std::string decision_reason;
  TimeMicros post_time = 0;
  std::int64_t sequence = 0;  // The paging key.
};

struct NewStockCount {
  std::string store_code;
  std::string count_id;
  std::vector<std::string> skus;  // Empty: the whole store.
  std::string note;
};

struct CountEntryLine {
  std::string sku;
  std::int64_t counted_milli = 0;
};

struct CountEntry {
  std::string store_code;
  std::string count_id;
  std::string entry_id;
  std::vector<CountEntryLine> lines;
};

struct CountOutcome {
  StockCount count;
  bool replayed = false;
};

struct CountEntryOutcome {
  std::string currency_code;
  std::vector<CountLine> lines;
  bool replayed = false;
};

// The store's thresholds at cost (see InventorySettings).
struct CountThresholds {
  std::int64_t manager_minor = 0;
  std::int64_t head_office_minor = 0;  // 0: head office is never needed.
};

enum class CountStep { kPost, kApprove, kReject, kCancel };

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_MODEL_H_
