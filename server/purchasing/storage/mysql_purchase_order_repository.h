// Purchase orders and suggestions over MariaDB. See
// purchasing/domain/purchase_order_repository.h for the contract.
#ifndef BACKOFFICE_SERVER_PURCHASING_STORAGE_MYSQL_PURCHASE_ORDER_REPOSITORY_H_
#define BACKOFFICE_SERVER_PURCHASING_STORAGE_MYSQL_PURCHASE_ORDER_REPOSITORY_H_

#include "core/storage/database.h"
#include "purchasing/domain/purchase_order_repository.h"

namespace backoffice::storage {

class MySqlPurchaseOrderRepository : public domain::PurchaseOrderRepository {
 public:
  explicit MySqlPurchaseOrderRepository(Database& db) : db_(db) {}

  StatusOr<domain::PurchasingSettings> GetSettings(
      const std::string& store_code) override;
  StatusOr<domain::PurchasingSettings> UpdateSettings(
      const std::string& store_code, const domain::SettingsMutation& mutate,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<std::string>> ListStoreCodes(
      const std::string& after_code, int limit) override;
  StatusOr<domain::ReplenishmentData> LoadReplenishment(
      const std::string& store_code, const domain::WindowOf& window,
      domain::DemandWindow* window_out) override;
  StatusOr<domain::DraftRunOutcome> DraftFromSuggestions(
      const std::string& store_code, const std::string& run_id,
      const std::string& fingerprint, const domain::WindowOf& window,
      const domain::SuggestionsOf& suggest,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::PurchaseOrderOutcome> CreateOrder(
      const domain::NewPurchaseOrder& order, const std::string& fingerprint,
      const domain::LinesMutation& add_lines,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::PurchaseOrder> GetOrder(
      const std::string& store_code, const std::string& order_id) override;
  StatusOr<std::vector<domain::PurchaseOrder>> ListOrders(
      const std::string& store_code, const domain::PurchaseOrderFilter& filter,
      const domain::PageRequest& page) override;
  StatusOr<domain::PurchaseOrder> ChangeLines(
      const std::string& store_code, const std::string& order_id,
      const std::vector<std::string>& skus, const domain::LinesMutation& mutate,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::PurchaseOrder> Transition(
      const std::string& store_code, const std::string& order_id,
      const domain::TransitionMutation& mutate,
      const domain::RequestContext& ctx) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_PURCHASING_STORAGE_MYSQL_PURCHASE_ORDER_REPOSITORY_H_
