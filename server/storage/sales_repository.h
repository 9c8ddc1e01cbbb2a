// Sales, stock and reconciliation over MariaDB. See
// domain/sales_repositories.h for the contracts.
#ifndef BACKOFFICE_SERVER_STORAGE_SALES_REPOSITORY_H_
#define BACKOFFICE_SERVER_STORAGE_SALES_REPOSITORY_H_

#include "domain/sales_repositories.h"
#include "storage/database.h"

namespace backoffice::storage {

class MySqlSalesRepository : public domain::SalesRepository {
 public:
  explicit MySqlSalesRepository(Database& db) : db_(db) {}

  StatusOr<std::vector<domain::SaleOutcome>> RecordSales(
      const std::vector<domain::Sale>& sales,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::ReturnOutcome> RecordReturn(
      const domain::SaleReturn& sale_return,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::VoidOutcome> VoidSale(const std::string& store_code,
                                         const std::string& sale_id,
                                         const std::string& reason,
                                         const domain::RequestContext& ctx) override;
  StatusOr<domain::Sale> GetSale(const std::string& store_code,
                                 const std::string& sale_id) override;
  StatusOr<std::vector<domain::Sale>> ListSales(
      const domain::SaleFilter& filter, const domain::PageRequest& page) override;
  StatusOr<domain::ReceiptCheck> CheckReceipts(
      const std::string& store_code, const std::string& terminal_code,
      const std::string& business_day) override;

 private:
  Database& db_;
};

class MySqlInventoryRepository : public domain::InventoryRepository {
 public:
  explicit MySqlInventoryRepository(Database& db) : db_(db) {}

  StatusOr<domain::StockLevel> GetStockLevel(const std::string& store_code,
                                             const std::string& sku) override;
  StatusOr<std::vector<domain::StockLevel>> ListStockLevels(
      const std::string& store_code, const domain::StockLevelFilter& filter,
      const domain::PageRequest& page) override;
  StatusOr<std::vector<domain::StockMovement>> ListStockMovements(
      const std::string& store_code, const domain::MovementFilter& filter,
      const domain::PageRequest& page) override;
  StatusOr<domain::AdjustmentOutcome> AdjustStock(
      const domain::StockAdjustment& adjustment,
      const domain::RequestContext& ctx) override;

 private:
  Database& db_;
};

class MySqlReconciliationRepository : public domain::ReconciliationRepository {
 public:
  explicit MySqlReconciliationRepository(Database& db) : db_(db) {}
  StatusOr<domain::LedgerReport> VerifyLedger(const std::string& store_code) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STORAGE_SALES_REPOSITORY_H_
