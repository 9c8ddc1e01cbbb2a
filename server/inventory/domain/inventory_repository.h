// The storage contract of stock reads and adjustments: one short transaction
// per change, audited in it; database failures as UNAVAILABLE or ABORTED.
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_REPOSITORY_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_REPOSITORY_H_

#include <string>
#include <vector>

#include "core/domain/status.h"
#include "core/domain/model.h"
#include "inventory/domain/stock_model.h"

namespace backoffice::domain {

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

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_REPOSITORY_H_
