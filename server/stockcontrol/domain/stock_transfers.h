// Transfers between stores as the transport layer sees them: validation,
// store scope (the sender's store sends, the receiver's receives and
// resolves, either reads), the pure rules, then the repository.
//
// Thread safety: stateless beyond its repository and clock; safe for
// concurrent use.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_TRANSFERS_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_TRANSFERS_H_

#include <string>

#include "core/domain/clock.h"
#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/transfer_model.h"
#include "stockcontrol/domain/transfer_repository.h"

namespace backoffice::domain {

class StockTransfers {
 public:
  StockTransfers(StockTransferRepository& repository, Clock clock)
      : repository_(repository), clock_(std::move(clock)) {}

  StatusOr<TransferOutcome> Send(const RequestContext& ctx,
                                 const NewStockTransfer& transfer);
  StatusOr<TransferOutcome> Receive(const RequestContext& ctx,
                                    const TransferReceipt& receipt);
  StatusOr<StockTransfer> Resolve(const RequestContext& ctx,
                                  const std::string& to_store_code,
                                  const std::string& from_store_code,
                                  const std::string& transfer_id,
                                  TransferResolution resolution,
                                  const std::string& reason);
  StatusOr<StockTransfer> Get(const RequestContext& ctx,
                              const std::string& from_store_code,
                              const std::string& transfer_id);
  StatusOr<Page<StockTransfer>> List(const RequestContext& ctx,
                                     const std::string& store_code,
                                     TransferDirection direction,
                                     TransferState state, int page_size,
                                     const std::string& page_token);

 private:
  StockTransferRepository& repository_;
  Clock clock_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_TRANSFERS_H_
