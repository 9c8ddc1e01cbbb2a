// Sales, returns and voids over MariaDB. See sales/domain/sales_repository.h
// for the contract. Returns and voids are in
// mysql_sales_repository_returns.cc.
#ifndef BACKOFFICE_SERVER_SALES_STORAGE_MYSQL_SALES_REPOSITORY_H_
#define BACKOFFICE_SERVER_SALES_STORAGE_MYSQL_SALES_REPOSITORY_H_

#include "core/storage/database.h"
#include "sales/domain/sales_repository.h"

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
  StatusOr<domain::VoidOutcome> VoidSale(
      const std::string& store_code, const std::string& sale_id,
      const std::string& reason, const domain::RequestContext& ctx) override;
  StatusOr<domain::Sale> GetSale(const std::string& store_code,
                                 const std::string& sale_id) override;
  StatusOr<std::vector<domain::Sale>> ListSales(
      const domain::SaleFilter& filter,
      const domain::PageRequest& page) override;
  StatusOr<domain::SalesSummary> SummarizeSales(
      const std::string& store_code, const std::string& from_day,
      const std::string& to_day) override;
  StatusOr<domain::ReceiptCheck> CheckReceipts(
      const std::string& store_code, const std::string& terminal_code,
      const std::string& business_day) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_SALES_STORAGE_MYSQL_SALES_REPOSITORY_H_
