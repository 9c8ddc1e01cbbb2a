// Purchasing's storage contract. purchasing/storage implements it over
// MariaDB; unit tests implement it in memory.
//
// Each mutating method is one short transaction that also appends the audit
// records of the change. Database failures are kUnavailable or kAborted.
// Implementations are safe for concurrent use from many threads.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_REPOSITORY_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_REPOSITORY_H_

#include <functional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "purchasing/domain/purchasing_model.h"

namespace backoffice::domain {

using SupplierItemMutation = std::function<Status(SupplierItem&)>;

class PurchasingRepository {
 public:
  virtual ~PurchasingRepository() = default;

  // NOT_FOUND (SUPPLIER_NOT_FOUND, PRODUCT_NOT_FOUND) for unknown references;
  // ALREADY_EXISTS (SUPPLIER_ITEM_ALREADY_EXISTS); the item is checked
  // against its product (CheckSupplierItemFitsProduct) in the transaction.
  virtual StatusOr<SupplierItem> CreateSupplierItem(
      const SupplierItem& item, const RequestContext& ctx) = 0;
  virtual StatusOr<SupplierItem> GetSupplierItem(
      const std::string& supplier_code, const std::string& sku) = 0;
  // Locks the item, applies `mutate`, re-checks it against its product, and
  // refuses to deactivate a preferred supplier's item
  // (FAILED_PRECONDITION, SUPPLIER_ITEM_IS_PREFERRED).
  virtual StatusOr<SupplierItem> UpdateSupplierItem(
      const std::string& supplier_code, const std::string& sku,
      const SupplierItemMutation& mutate, const RequestContext& ctx) = 0;
  // Up to page.page_size + 1 items: by SKU for a supplier, by supplier code
  // for a product alone.
  virtual StatusOr<std::vector<SupplierItem>> ListSupplierItems(
      const SupplierItemFilter& filter, const PageRequest& page) = 0;
  // Creates, updates or leaves unchanged each (already validated) row on its
  // own: a rejected row does not undo the others.
  virtual StatusOr<std::vector<SupplierItemImportResult>> ImportSupplierItems(
      const std::vector<SupplierItemImportRow>& rows,
      const RequestContext& ctx) = 0;

  // The store's time zone; NOT_FOUND (STORE_NOT_FOUND).
  virtual StatusOr<std::string> StoreTimeZone(
      const std::string& store_code) = 0;
  // The rollup rows of one store within [start_day, end_day], ordered by SKU
  // then day, for at most `max_products` products with SKUs after
  // `after_sku` (only `sku` when it is set; NOT_FOUND PRODUCT_NOT_FOUND when
  // that product does not exist).
  virtual StatusOr<std::vector<DemandDay>> ListDemandDays(
      const std::string& store_code, const std::string& sku,
      const std::string& start_day, const std::string& end_day,
      const std::string& after_sku, int max_products) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_PURCHASING_REPOSITORY_H_
