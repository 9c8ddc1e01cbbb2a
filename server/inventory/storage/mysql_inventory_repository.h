// Stock reads and adjustments over MariaDB.
#ifndef BACKOFFICE_SERVER_INVENTORY_STORAGE_MYSQL_INVENTORY_REPOSITORY_H_
#define BACKOFFICE_SERVER_INVENTORY_STORAGE_MYSQL_INVENTORY_REPOSITORY_H_

#include "core/storage/database.h"
#include "inventory/domain/inventory_repository.h"

namespace backoffice::storage {

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
      const std::function<bool(std::int64_t, std::int64_t, bool)>&
          needs_approval,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::AdjustmentDecisionOutcome> DecideAdjustment(
      const std::string& store_code, const std::string& adjustment_id,
      bool approve, const std::string& reason,
      const std::function<Status(const domain::AdjustmentRequest&)>& check,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::AdjustmentRequest>> ListAdjustmentRequests(
      const std::string& store_code, domain::AdjustmentRequestState state,
      const domain::PageRequest& page) override;
  StatusOr<domain::InventorySettings> GetInventorySettings(
      const std::string& store_code) override;
  StatusOr<domain::InventorySettings> UpdateInventorySettings(
      const domain::InventorySettings& settings,
      const domain::RequestContext& ctx) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_INVENTORY_STORAGE_MYSQL_INVENTORY_REPOSITORY_H_
