// Sales, stock and reconciliation as the transport layer sees them: checks
// who may do what for which store and till, validates, and hands whole
// units of work to the repositories.
//
// Thread safety: stateless beyond its repositories; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_DOMAIN_SALES_SERVICE_H_
#define BACKOFFICE_SERVER_DOMAIN_SALES_SERVICE_H_

#include <functional>
#include <string>
#include <vector>

#include "backoffice/status.h"
#include "domain/sales_model.h"
#include "domain/sales_repositories.h"

namespace backoffice::domain {

using Clock = std::function<TimeMicros()>;
// The system clock, in microseconds since the epoch.
TimeMicros SystemNowMicros();

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
  StatusOr<Sale> GetSale(const RequestContext& ctx, const std::string& store_code,
                         const std::string& sale_id);
  StatusOr<Page<Sale>> ListSales(const RequestContext& ctx,
                                 const SaleFilter& filter, int page_size,
                                 const std::string& page_token);
  StatusOr<ReceiptCheck> CheckReceipts(const RequestContext& ctx,
                                       const std::string& store_code,
                                       const std::string& terminal_code,
                                       const std::string& business_day);

 private:
  SalesRepository& repository_;
  Clock clock_;
};

class Inventory {
 public:
  explicit Inventory(InventoryRepository& repository) : repository_(repository) {}

  StatusOr<StockLevel> GetStockLevel(const RequestContext& ctx,
                                     const std::string& store_code,
                                     const std::string& sku);
  StatusOr<Page<StockLevel>> ListStockLevels(const RequestContext& ctx,
                                             const std::string& store_code,
                                             const StockLevelFilter& filter,
                                             int page_size,
                                             const std::string& page_token);
  StatusOr<Page<StockMovement>> ListStockMovements(
      const RequestContext& ctx, const std::string& store_code,
      const MovementFilter& filter, int page_size,
      const std::string& page_token);
  StatusOr<AdjustmentOutcome> AdjustStock(const RequestContext& ctx,
                                          const StockAdjustment& adjustment);

 private:
  InventoryRepository& repository_;
};

class Reconciliation {
 public:
  explicit Reconciliation(ReconciliationRepository& repository)
      : repository_(repository) {}
  StatusOr<LedgerReport> VerifyLedger(const RequestContext& ctx,
                                      const std::string& store_code);

 private:
  ReconciliationRepository& repository_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_SALES_SERVICE_H_
