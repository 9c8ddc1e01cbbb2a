// The storage contracts of sales, stock and reconciliation. Same rules as
// repositories.h: one short transaction per unit of work, audited in it,
// database failures as UNAVAILABLE or ABORTED, safe for concurrent use.
#ifndef BACKOFFICE_SERVER_DOMAIN_SALES_REPOSITORIES_H_
#define BACKOFFICE_SERVER_DOMAIN_SALES_REPOSITORIES_H_

#include <string>
#include <vector>

#include "backoffice/status.h"
#include "domain/model.h"
#include "domain/sales_model.h"

namespace backoffice::domain {

class SalesRepository {
 public:
  virtual ~SalesRepository() = default;

  // Records validated sales in one transaction, each in its own savepoint,
  // with their lines, tenders, stock movements, balances and audit record.
  // One outcome per sale, in order: recorded, replayed (same id, same
  // fingerprint), or refused (IDEMPOTENCY_KEY_REUSED, DUPLICATE_RECEIPT_NUMBER,
  // unknown product, terminal or customer). An error of the whole call means
  // nothing of it was committed.
  virtual StatusOr<std::vector<SaleOutcome>> RecordSales(
      const std::vector<Sale>& sales, const RequestContext& ctx) = 0;
  virtual StatusOr<ReturnOutcome> RecordReturn(const SaleReturn& sale_return,
                                               const RequestContext& ctx) = 0;
  virtual StatusOr<VoidOutcome> VoidSale(const std::string& store_code,
                                         const std::string& sale_id,
                                         const std::string& reason,
                                         const RequestContext& ctx) = 0;
  virtual StatusOr<Sale> GetSale(const std::string& store_code,
                                 const std::string& sale_id) = 0;
  // Newest first; `page.after_key` is the sequence below which to go on.
  virtual StatusOr<std::vector<Sale>> ListSales(const SaleFilter& filter,
                                                const PageRequest& page) = 0;
  virtual StatusOr<ReceiptCheck> CheckReceipts(const std::string& store_code,
                                               const std::string& terminal_code,
                                               const std::string& business_day) = 0;
};

class InventoryRepository {
 public:
  virtual ~InventoryRepository() = default;

  virtual StatusOr<StockLevel> GetStockLevel(const std::string& store_code,
                                             const std::string& sku) = 0;
  virtual StatusOr<std::vector<StockLevel>> ListStockLevels(
      const std::string& store_code, const StockLevelFilter& filter,
      const PageRequest& page) = 0;
  // Newest first.
  virtual StatusOr<std::vector<StockMovement>> ListStockMovements(
      const std::string& store_code, const MovementFilter& filter,
      const PageRequest& page) = 0;
  virtual StatusOr<AdjustmentOutcome> AdjustStock(
      const StockAdjustment& adjustment, const RequestContext& ctx) = 0;
};

class ReconciliationRepository {
 public:
  virtual ~ReconciliationRepository() = default;
  // Checks one store, or every store when `store_code` is empty.
  virtual StatusOr<LedgerReport> VerifyLedger(const std::string& store_code) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_SALES_REPOSITORIES_H_
