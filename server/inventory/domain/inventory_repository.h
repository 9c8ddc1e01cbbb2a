// The storage contract of stock reads and adjustments: one short transaction
// per change, audited in it; database failures as UNAVAILABLE or ABORTED.
#ifndef BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_REPOSITORY_H_
#define BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_REPOSITORY_H_

#include <functional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
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
  // Posts the adjustment, or records it as a request for a second person
  // when `needs_approval` says so on its value at the (store, product)'s
  // cost and the store's threshold; a replay returns what was recorded.
  virtual StatusOr<AdjustmentOutcome> AdjustStock(
      const StockAdjustment& adjustment,
      const std::function<bool(std::int64_t value_minor,
                               std::int64_t threshold_minor, bool cost_known)>&
          needs_approval,
      const RequestContext& ctx) = 0;
  // Approves (posts) or rejects a waiting write-off once `check` accepts
  // it on the locked row; one already where the decision leads is
  // returned to whom `check` accepts as its decider. NOT_FOUND
  // (ADJUSTMENT_REQUEST_NOT_FOUND).
  virtual StatusOr<AdjustmentDecisionOutcome> DecideAdjustment(
      const std::string& store_code, const std::string& adjustment_id,
      bool approve, const std::string& reason,
      const std::function<Status(const AdjustmentRequest&)>& check,
      const RequestContext& ctx) = 0;
  // Up to page.page_size + 1, newest first, below page.after_sequence.
  virtual StatusOr<std::vector<AdjustmentRequest>> ListAdjustmentRequests(
      const std::string& store_code, AdjustmentRequestState state,
      const PageRequest& page) = 0;
  virtual StatusOr<InventorySettings> GetInventorySettings(
      const std::string& store_code) = 0;
  virtual StatusOr<InventorySettings> UpdateInventorySettings(
      const InventorySettings& settings, const RequestContext& ctx) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_INVENTORY_DOMAIN_INVENTORY_REPOSITORY_H_
