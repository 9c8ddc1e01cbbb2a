// Stock levels, the stock ledger and adjustments, as the transport layer
// sees them.
//
// Thread safety: stateless beyond its repository; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_H_

#include <string>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "inventory/domain/inventory_repository.h"
#include "inventory/domain/stock_model.h"

namespace backoffice::domain {

class Inventory {
 public:
  explicit Inventory(InventoryRepository& repository)
      : repository_(repository) {}

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
  StatusOr<AdjustmentDecisionOutcome> DecideAdjustment(
      const RequestContext& ctx, const std::string& store_code,
      const std::string& adjustment_id, bool approve,
      const std::string& reason);
  StatusOr<Page<AdjustmentRequest>> ListAdjustmentRequests(
      const RequestContext& ctx, const std::string& store_code,
      AdjustmentRequestState state, int page_size,
      const std::string& page_token);
  StatusOr<InventorySettings> GetInventorySettings(
      const RequestContext& ctx, const std::string& store_code);
  StatusOr<InventorySettings> UpdateInventorySettings(
      const RequestContext& ctx, const InventorySettings& settings);

 private:
  InventoryRepository& repository_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_H_
