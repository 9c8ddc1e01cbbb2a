// Purchase orders' storage contract. purchasing/storage implements it over
// MariaDB; transport tests implement it with mocks.
//
// Each mutating method is one short transaction that locks what it changes,
// applies the domain's rule to the locked rows, writes, and appends the
// audit record of the change. Database failures are kUnavailable or
// kAborted. Implementations are safe for concurrent use.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_REPOSITORY_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_REPOSITORY_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "purchasing/domain/purchase_order_model.h"

namespace backoffice::domain {

using SettingsMutation = std::function<Status(PurchasingSettings&)>;
// The demand window of a store, from its settings and time zone.
using WindowOf = std::function<StatusOr<DemandWindow>(
    const PurchasingSettings&, const std::string& time_zone)>;
// A store's suggestions from its data and window.
using SuggestionsOf = std::function<std::vector<SupplierSuggestion>(
    const ReplenishmentData&, const DemandWindow&)>;
// Adds lines to the locked draft, given the supplier's active items of the
// requested SKUs in the order's currency.
using LinesMutation = std::function<Status(
    PurchaseOrder&, const std::map<std::string, ReplenishmentItem>&)>;
// Applies a transition to the locked order; false: nothing to write.
using TransitionMutation =
    std::function<StatusOr<bool>(PurchaseOrder&, const TransitionFacts&)>;

class PurchaseOrderRepository {
 public:
  virtual ~PurchaseOrderRepository() = default;

  // NOT_FOUND (STORE_NOT_FOUND); the defaults when never set.
  virtual StatusOr<PurchasingSettings> GetSettings(
      const std::string& store_code) = 0;
  // Locks (creating when missing) the settings row and applies `mutate`.
  virtual StatusOr<PurchasingSettings> UpdateSettings(
      const std::string& store_code, const SettingsMutation& mutate,
      const RequestContext& ctx) = 0;
  // Up to `limit` store codes after `after_code`, by code.
  virtual StatusOr<std::vector<std::string>> ListStoreCodes(
      const std::string& after_code, int limit) = 0;

  // A store's replenishment data: settings, its active products with an
  // active supplier item (their items, stock, open orders) and the rollup
  // rows of the window that `window` gives. A few set-based queries.
  virtual StatusOr<ReplenishmentData> LoadReplenishment(
      const std::string& store_code, const WindowOf& window,
      DemandWindow* window_out) = 0;

  // One transaction: locks the store's settings row (creating it), replays
  // a recorded `run_id`, else loads the data, computes the suggestions and
  // adds each supplier's lines to its open draft, or creates the draft
  // `<run_id>-<supplier>`; records the run and its drafts.
  // `fingerprint` is the run's request: a recorded run_id with another
  // fingerprint is ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED).
  virtual StatusOr<DraftRunOutcome> DraftFromSuggestions(
      const std::string& store_code, const std::string& run_id,
      const std::string& fingerprint, const WindowOf& window,
      const SuggestionsOf& suggest, const RequestContext& ctx) = 0;

  // Creates a draft (ClientDocument: a replay returns the recorded order);
  // `add_lines` builds its lines from the supplier's items.
  // NOT_FOUND (STORE_NOT_FOUND, SUPPLIER_NOT_FOUND), ALREADY_EXISTS
  // (IDEMPOTENCY_KEY_REUSED, OPEN_DRAFT_EXISTS).
  virtual StatusOr<PurchaseOrderOutcome> CreateOrder(
      const NewPurchaseOrder& order, const std::string& fingerprint,
      const LinesMutation& add_lines, const RequestContext& ctx) = 0;
  // NOT_FOUND (PURCHASE_ORDER_NOT_FOUND).
  virtual StatusOr<PurchaseOrder> GetOrder(const std::string& store_code,
                                           const std::string& order_id) = 0;
  // Up to page.page_size + 1 orders by order id after page.after_key.
  virtual StatusOr<std::vector<PurchaseOrder>> ListOrders(
      const std::string& store_code, const PurchaseOrderFilter& filter,
      const PageRequest& page) = 0;
  // Locks the order, reads the supplier's items of `skus` and applies
  // `mutate`; bumps the version and records the actor as last changer.
  virtual StatusOr<PurchaseOrder> ChangeLines(
      const std::string& store_code, const std::string& order_id,
      const std::vector<std::string>& skus, const LinesMutation& mutate,
      const RequestContext& ctx) = 0;
  // Locks the order, reads the facts and applies `mutate`.
  // FAILED_PRECONDITION (OPEN_DRAFT_EXISTS) when a rejection would make a
  // second open draft for the supplier.
  virtual StatusOr<PurchaseOrder> Transition(const std::string& store_code,
                                             const std::string& order_id,
                                             const TransitionMutation& mutate,
                                             const RequestContext& ctx) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASE_ORDER_REPOSITORY_H_
