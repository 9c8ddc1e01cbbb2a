// The storage contract of stock counts. stockcontrol/storage implements it
// over MariaDB.
//
// Each mutating method is one short transaction that locks the count's row
// first. Opening reads the book quantities as they stand; an entry reads
// each product's book quantity at that moment beside what was counted;
// posting locks the variances' balance rows in (store, product) order and
// posts them through the stock posting component. Database failures are
// kUnavailable or kAborted. Safe for concurrent use.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_REPOSITORY_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_REPOSITORY_H_

#include <functional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/count_model.h"

namespace backoffice::domain {

class StockCountRepository {
 public:
  virtual ~StockCountRepository() = default;

  // Opens a count of the named products (or every product the store has
  // a balance row of), freezing their book quantities. NOT_FOUND
  // (STORE_NOT_FOUND, PRODUCT_NOT_FOUND), FAILED_PRECONDITION
  // (COUNT_ALREADY_OPEN, COUNT_EMPTY), ALREADY_EXISTS
  // (IDEMPOTENCY_KEY_REUSED). A replay returns the count.
  virtual StatusOr<CountOutcome> OpenCount(const NewStockCount& count,
                                           const std::string& fingerprint,
                                           TimeMicros now,
                                           const RequestContext& ctx) = 0;
  // Records an entry once `check` accepts the locked count (CountStep
  // kPost's rule: an open count). NOT_FOUND (COUNT_NOT_FOUND,
  // COUNT_LINE_NOT_FOUND), ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED).
  virtual StatusOr<CountEntryOutcome> EnterCount(
      const CountEntry& entry, const std::string& fingerprint,
      const std::function<Status(const StockCount&)>& check, TimeMicros now,
      const RequestContext& ctx) = 0;
  // Takes a count a step once `check` accepts it: posting judges the
  // variances' value against the store's thresholds and posts at once or
  // waits; approving posts; rejecting reopens; cancelling frees its
  // products. A step already taken is answered as is, after `check` on the
  // count as it stood before. NOT_FOUND (COUNT_NOT_FOUND),
  // FAILED_PRECONDITION (COUNT_INCOMPLETE).
  virtual StatusOr<StockCount> AdvanceCount(
      const std::string& store_code, const std::string& count_id,
      CountStep step, const std::string& reason, bool uncounted_as_zero,
      const std::function<Status(const StockCount&)>& check, TimeMicros now,
      const RequestContext& ctx) = 0;
  // NOT_FOUND (COUNT_NOT_FOUND).
  virtual StatusOr<StockCount> GetCount(const std::string& store_code,
                                        const std::string& count_id) = 0;
  // Up to page.page_size + 1, newest first, below page.after_sequence,
  // without lines.
  virtual StatusOr<std::vector<StockCount>> ListCounts(
      const std::string& store_code, CountState state,
      const PageRequest& page) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_COUNT_REPOSITORY_H_
