// Stock counts as the transport layer sees them: validation, store scope,
// the pure rules, then the repository.
//
// Thread safety: stateless beyond its repository and clock; safe for
// concurrent use.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_COUNTS_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_COUNTS_H_

#include <string>

#include "core/domain/clock.h"
#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/count_model.h"
#include "stockcontrol/domain/count_repository.h"

namespace backoffice::domain {

class StockCounts {
 public:
  StockCounts(StockCountRepository& repository, Clock clock)
      : repository_(repository), clock_(std::move(clock)) {}

  StatusOr<CountOutcome> Open(const RequestContext& ctx,
                              const NewStockCount& count);
  StatusOr<CountEntryOutcome> Enter(const RequestContext& ctx,
                                    const CountEntry& entry);
  // kPost (with `uncounted_as_zero`), kApprove, kReject and kCancel (with
  // a reason).
  StatusOr<StockCount> Advance(const RequestContext& ctx,
                               const std::string& store_code,
                               const std::string& count_id, CountStep step,
                               const std::string& reason,
                               bool uncounted_as_zero);
  StatusOr<StockCount> Get(const RequestContext& ctx,
                           const std::string& store_code,
                           const std::string& count_id);
  StatusOr<Page<StockCount>> List(const RequestContext& ctx,
                                  const std::string& store_code,
                                  CountState state, int page_size,
                                  const std::string& page_token);

 private:
  StockCountRepository& repository_;
  Clock clock_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_COUNTS_H_
