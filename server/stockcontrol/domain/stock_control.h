// Stock control as the transport layer sees it: validation, store scope
// (chain-wide reads for head office only), the pure rules, then the
// repository.
//
// Thread safety: stateless beyond its repository and clock; safe for
// concurrent use.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_H_

#include <string>

#include "core/domain/clock.h"
#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/stock_control_model.h"
#include "stockcontrol/domain/stock_control_repository.h"

namespace backoffice::domain {

class StockControl {
 public:
  StockControl(StockControlRepository& repository, Clock clock)
      : repository_(repository), clock_(std::move(clock)) {}

  StatusOr<Page<ExpiringLot>> ListExpiringLots(const RequestContext& ctx,
                                               const ExpiringLotsQuery& query,
                                               int page_size,
                                               const std::string& page_token);
  StatusOr<Page<SlowMover>> ListSlowMovers(const RequestContext& ctx,
                                           const SlowMoversQuery& query,
                                           int page_size,
                                           const std::string& page_token);
  StatusOr<SupplierReturnOutcome> CreateSupplierReturn(
      const RequestContext& ctx, const NewSupplierReturn& supplier_return);
  StatusOr<SupplierReturn> AdvanceSupplierReturn(const RequestContext& ctx,
                                                 const std::string& store_code,
                                                 const std::string& return_id,
                                                 ReturnStep step,
                                                 const std::string& reason);
  StatusOr<SupplierReturn> GetSupplierReturn(const RequestContext& ctx,
                                             const std::string& store_code,
                                             const std::string& return_id);
  StatusOr<Page<SupplierReturn>> ListSupplierReturns(
      const RequestContext& ctx, const std::string& store_code,
      SupplierReturnState state, int page_size, const std::string& page_token);

 private:
  StockControlRepository& repository_;
  Clock clock_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_H_
