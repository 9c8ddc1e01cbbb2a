// Sales, returns and voids as the transport layer sees them: checks who may
// post for which store and till, validates, and hands whole units of work
// to the repository.
//
// Thread safety: stateless beyond its repositories; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_SALES_DOMAIN_SALES_H_
#define BACKOFFICE_SERVER_SALES_DOMAIN_SALES_H_

#include <functional>
#include <string>
#include <vector>

#include "core/domain/clock.h"
#include "core/domain/status.h"
#include "sales/domain/sale_model.h"
#include "sales/domain/sales_repository.h"

namespace backoffice::domain {

class Sales {
 public:
  Sales(SalesRepository& repository, Clock clock = SystemNowMicros)
      : repository_(repository), clock_(std::move(clock)) {}

  StatusOr<SaleOutcome> RecordSale(const RequestContext& ctx, Sale sale);
  // One outcome per sale, in order: recorded, replayed or refused for a
  // reason of its own. When the database fails (or the deadline passes) the
  // whole call fails instead, and the same sales are to be sent again: those
  // already committed then come back as replays.
  StatusOr<std::vector<SaleOutcome>> UploadSales(const RequestContext& ctx,
                                                 std::vector<Sale> sales);
  StatusOr<ReturnOutcome> RecordReturn(const RequestContext& ctx,
                                       const SaleReturn& sale_return);
  StatusOr<VoidOutcome> VoidSale(const RequestContext& ctx,
                                 const std::string& store_code,
                                 const std::string& sale_id,
                                 const std::string& reason);
  StatusOr<Sale> GetSale(const RequestContext& ctx,
                         const std::string& store_code,
                         const std::string& sale_id);
  StatusOr<Page<Sale>> ListSales(const RequestContext& ctx,
                                 const SaleFilter& filter, int page_size,
                                 const std::string& page_token);
  StatusOr<SalesSummary> SummarizeSales(const RequestContext& ctx,
                                        const std::string& store_code,
                                        const std::string& from_day,
                                        const std::string& to_day);
  StatusOr<ReceiptCheck> CheckReceipts(const RequestContext& ctx,
                                       const std::string& store_code,
                                       const std::string& terminal_code,
                                       const std::string& business_day);

 private:
  SalesRepository& repository_;
  Clock clock_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_SALES_DOMAIN_SALES_H_
