// Purchasing over MariaDB. See purchasing/domain/purchasing_repository.h for
// the contract.
#ifndef BACKOFFICE_SERVER_PURCHASING_STORAGE_MYSQL_PURCHASING_REPOSITORY_H_
#define BACKOFFICE_SERVER_PURCHASING_STORAGE_MYSQL_PURCHASING_REPOSITORY_H_

#include "core/storage/database.h"
#include "purchasing/domain/purchasing_repository.h"

namespace backoffice::storage {

class MySqlPurchasingRepository : public domain::PurchasingRepository {
 public:
  explicit MySqlPurchasingRepository(Database& db) : db_(db) {}

  StatusOr<domain::SupplierItem> CreateSupplierItem(
      const domain::SupplierItem& item,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::SupplierItem> GetSupplierItem(
      const std::string& supplier_code, const std::string& sku) override;
  StatusOr<domain::SupplierItem> UpdateSupplierItem(
      const std::string& supplier_code, const std::string& sku,
      const domain::SupplierItemMutation& mutate,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::SupplierItem>> ListSupplierItems(
      const domain::SupplierItemFilter& filter,
      const domain::PageRequest& page) override;
  StatusOr<std::vector<domain::SupplierItemImportResult>> ImportSupplierItems(
      const std::vector<domain::SupplierItemImportRow>& rows,
      const domain::RequestContext& ctx) override;

  StatusOr<std::string> StoreTimeZone(const std::string& store_code) override;
  StatusOr<std::vector<domain::DemandDay>> ListDemandDays(
      const std::string& store_code, const std::string& sku,
      const std::string& start_day, const std::string& end_day,
      const std::string& after_sku, int max_products) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_PURCHASING_STORAGE_MYSQL_PURCHASING_REPOSITORY_H_
