// The catalog's storage contract. catalog/storage implements it over MariaDB;
// unit tests implement it in memory.
//
// Each mutating method is one short transaction that also appends the audit
// records of the change: either both are committed or neither is. A failure
// of the database is reported as kUnavailable (retry the call) or kAborted
// (a conflict that persisted after internal retries), never as success.
//
// Implementations are safe for concurrent use from many threads.
#ifndef BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_REPOSITORY_H_
#define BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_REPOSITORY_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/status.h"
#include "catalog/domain/catalog_model.h"

namespace backoffice::domain {

// Lists return up to `page.page_size + 1` items ordered by their key, so that
// the caller can tell whether another page follows.
template <typename T>
using Mutation = std::function<Status(T&)>;
// A store's mutation also sees what is counted in the store's currency.
using StoreMutation = std::function<Status(Store&, const StoreMoneyUse&)>;

class CatalogRepository {
 public:
  virtual ~CatalogRepository() = default;

  virtual StatusOr<Store> CreateStore(const Store& store,
                                      const RequestContext& ctx) = 0;
  virtual StatusOr<Store> GetStore(const std::string& code) = 0;
  // Locks the store's row, reads what is counted in its currency (sales,
  // price overrides, customers: rows that cannot be added while the store's
  // row is locked), applies `mutate` to both, and writes the store back; an
  // error from `mutate` rolls back and is returned unchanged.
  virtual StatusOr<Store> UpdateStore(const std::string& code,
                                      const StoreMutation& mutate,
                                      const RequestContext& ctx) = 0;
  virtual StatusOr<std::vector<Store>> ListStores(
      const PageRequest& page, const std::string& only_code) = 0;

  virtual StatusOr<Terminal> CreateTerminal(const Terminal& terminal,
                                            const RequestContext& ctx) = 0;
  virtual StatusOr<Terminal> GetTerminal(const std::string& store_code,
                                         const std::string& code) = 0;
  virtual StatusOr<Terminal> UpdateTerminal(const std::string& store_code,
                                            const std::string& code,
                                            const Mutation<Terminal>& mutate,
                                            const RequestContext& ctx) = 0;
  virtual StatusOr<std::vector<Terminal>> ListTerminals(
      const std::string& store_code, const PageRequest& page) = 0;

  virtual StatusOr<Product> CreateProduct(const Product& product,
                                          const RequestContext& ctx) = 0;
  virtual StatusOr<Product> GetProductBySku(const std::string& sku) = 0;
  virtual StatusOr<Product> GetProductByBarcode(const std::string& barcode) = 0;
  virtual StatusOr<Product> UpdateProduct(const std::string& sku,
                                          const Mutation<Product>& mutate,
                                          const RequestContext& ctx) = 0;
  virtual StatusOr<std::vector<Product>> ListProducts(
      const ProductFilter& filter, const PageRequest& page) = 0;
  // Creates, updates or leaves unchanged each (already validated) row on its
  // own: a rejected row does not undo the others.
  virtual StatusOr<std::vector<ImportResult>> ImportProducts(
      const std::vector<ImportRow>& rows, const RequestContext& ctx) = 0;

  virtual StatusOr<ProductStoreSetting> SetProductStoreSetting(
      const ProductStoreSetting& setting, const RequestContext& ctx) = 0;
  virtual StatusOr<ProductStoreSetting> GetProductStoreSetting(
      const std::string& store_code, const std::string& sku) = 0;
  virtual StatusOr<std::vector<ProductStoreSetting>> ListProductStoreSettings(
      const std::string& store_code, const PageRequest& page) = 0;

  virtual StatusOr<Supplier> CreateSupplier(const Supplier& supplier,
                                            const RequestContext& ctx) = 0;
  virtual StatusOr<Supplier> GetSupplier(const std::string& code) = 0;
  virtual StatusOr<Supplier> UpdateSupplier(const std::string& code,
                                            const Mutation<Supplier>& mutate,
                                            const RequestContext& ctx) = 0;
  virtual StatusOr<std::vector<Supplier>> ListSuppliers(
      bool active_only, const PageRequest& page) = 0;

  virtual StatusOr<Customer> CreateCustomer(const Customer& customer,
                                            const RequestContext& ctx) = 0;
  virtual StatusOr<Customer> GetCustomer(const std::string& store_code,
                                         const std::string& code) = 0;
  virtual StatusOr<Customer> UpdateCustomer(const std::string& store_code,
                                            const std::string& code,
                                            const Mutation<Customer>& mutate,
                                            const RequestContext& ctx) = 0;
  virtual StatusOr<std::vector<Customer>> ListCustomers(
      const std::string& store_code, const PageRequest& page) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_REPOSITORY_H_
