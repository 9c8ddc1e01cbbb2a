// Stock control's storage contract. stockcontrol/storage implements it over
// MariaDB; transport tests may implement it with mocks.
//
// The reads run store by store on the report pool. Each mutating method is
// one short transaction; shipping a return takes the return's row, then
// its products' balance rows and lots in (store, product) order, then the
// supplier's account, as every posting does. Database failures are
// kUnavailable or kAborted. Safe for concurrent use.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_REPOSITORY_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_REPOSITORY_H_

#include <functional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/stock_control_model.h"

namespace backoffice::domain {

class StockControlRepository {
 public:
  virtual ~StockControlRepository() = default;

  // Up to page.page_size + 1 lots holding stock whose sellable-until day
  // is within `within_days` of their store's today at `now` (or before it,
  // with `expired`), store by store in id order, then by sellable-until
  // day and lot, after page.after_key ("<store id>/<day>/<lot id>").
  // NOT_FOUND (STORE_NOT_FOUND).
  virtual StatusOr<std::vector<ExpiringLot>> ListExpiringLots(
      const ExpiringLotsQuery& query, const PageRequest& page,
      TimeMicros now) = 0;
  // Up to page.page_size + 1 slow movers, most value tied up first, after
  // page.after_key ("<value>/<store id>/<product id>").
  virtual StatusOr<std::vector<SlowMover>> ListSlowMovers(
      const SlowMoversQuery& query, const PageRequest& page,
      TimeMicros now) = 0;

  // Drafts a return after checking its supplier, products, lots (each
  // holding the quantity now) and supplier items. NOT_FOUND
  // (SUPPLIER_NOT_FOUND, PRODUCT_NOT_FOUND, LOT_NOT_FOUND,
  // SUPPLIER_ITEM_NOT_FOUND), FAILED_PRECONDITION (LOT_QUANTITY_SHORT),
  // ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED). A replay returns the return.
  virtual StatusOr<SupplierReturnOutcome> CreateSupplierReturn(
      const NewSupplierReturn& supplier_return, const std::string& fingerprint,
      const RequestContext& ctx) = 0;
  // Takes a return one step (approve, reject, ship) once `check` accepts
  // it on the locked row; a return already where the step leads is
  // returned as is. NOT_FOUND (SUPPLIER_RETURN_NOT_FOUND),
  // FAILED_PRECONDITION (LOT_QUANTITY_SHORT when shipping).
  virtual StatusOr<SupplierReturn> AdvanceSupplierReturn(
      const std::string& store_code, const std::string& return_id,
      ReturnStep step, const std::string& reason,
      const std::function<Status(const SupplierReturn&)>& check, TimeMicros now,
      const RequestContext& ctx) = 0;
  // NOT_FOUND (SUPPLIER_RETURN_NOT_FOUND).
  virtual StatusOr<SupplierReturn> GetSupplierReturn(
      const std::string& store_code, const std::string& return_id) = 0;
  // Up to page.page_size + 1, newest first, below page.after_sequence.
  virtual StatusOr<std::vector<SupplierReturn>> ListSupplierReturns(
      const std::string& store_code, SupplierReturnState state,
      const PageRequest& page) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_STOCK_CONTROL_REPOSITORY_H_
