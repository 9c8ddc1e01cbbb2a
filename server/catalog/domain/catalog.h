// The catalog's business rules: validation, store scope, and paging, over a
// CatalogRepository. The role check per RPC happens before, in transport,
// from the one policy table (access_policy.h).
//
// Thread safety: stateless beyond its repository; safe for concurrent use.
#ifndef BACKOFFICE_SERVER_DOMAIN_CATALOG_H_
#define BACKOFFICE_SERVER_DOMAIN_CATALOG_H_

#include <string>
#include <vector>

#include "core/domain/status.h"
#include "catalog/domain/catalog_repository.h"
#include "core/domain/model.h"

namespace backoffice::domain {

using FieldMask = std::vector<std::string>;

class Catalog {
 public:
  explicit Catalog(CatalogRepository& repository) : repository_(repository) {}

  StatusOr<Store> CreateStore(const RequestContext& ctx, Store store);
  StatusOr<Store> GetStore(const RequestContext& ctx, const std::string& code);
  StatusOr<Store> UpdateStore(const RequestContext& ctx, const Store& patch,
                              const FieldMask& mask);
  StatusOr<Page<Store>> ListStores(const RequestContext& ctx, int page_size,
                                   const std::string& page_token);

  StatusOr<Terminal> CreateTerminal(const RequestContext& ctx,
                                    Terminal terminal);
  StatusOr<Terminal> GetTerminal(const RequestContext& ctx,
                                 const std::string& store_code,
                                 const std::string& code);
  StatusOr<Terminal> UpdateTerminal(const RequestContext& ctx,
                                    const Terminal& patch,
                                    const FieldMask& mask);
  StatusOr<Page<Terminal>> ListTerminals(const RequestContext& ctx,
                                         const std::string& store_code,
                                         int page_size,
                                         const std::string& page_token);

  StatusOr<Product> CreateProduct(const RequestContext& ctx, Product product);
  // Exactly one of `sku` and `barcode` must be set.
  StatusOr<Product> GetProduct(const RequestContext& ctx,
                               const std::string& sku,
                               const std::string& barcode);
  StatusOr<Product> UpdateProduct(const RequestContext& ctx,
                                  const Product& patch, const FieldMask& mask);
  StatusOr<Page<Product>> ListProducts(const RequestContext& ctx,
                                       const ProductFilter& filter,
                                       int page_size,
                                       const std::string& page_token);
  // Validates each row on its own; invalid rows are rejected with their
  // reason and the valid ones go to the repository.
  StatusOr<std::vector<ImportResult>> ImportProducts(
      const RequestContext& ctx, std::vector<ImportRow> rows);

  StatusOr<ProductStoreSetting> SetProductStoreSetting(
      const RequestContext& ctx, const ProductStoreSetting& setting);
  StatusOr<ProductStoreSetting> GetProductStoreSetting(
      const RequestContext& ctx, const std::string& store_code,
      const std::string& sku);
  StatusOr<Page<ProductStoreSetting>> ListProductStoreSettings(
      const RequestContext& ctx, const std::string& store_code, int page_size,
      const std::string& page_token);

  StatusOr<Supplier> CreateSupplier(const RequestContext& ctx,
                                    const Supplier& supplier);
  StatusOr<Supplier> GetSupplier(const RequestContext& ctx,
                                 const std::string& code);
  StatusOr<Supplier> UpdateSupplier(const RequestContext& ctx,
                                    const Supplier& patch,
                                    const FieldMask& mask);
  StatusOr<Page<Supplier>> ListSuppliers(const RequestContext& ctx,
                                         bool active_only, int page_size,
                                         const std::string& page_token);

  StatusOr<Customer> CreateCustomer(const RequestContext& ctx,
                                    const Customer& customer);
  StatusOr<Customer> GetCustomer(const RequestContext& ctx,
                                 const std::string& store_code,
                                 const std::string& code);
  StatusOr<Customer> UpdateCustomer(const RequestContext& ctx,
                                    const Customer& patch,
                                    const FieldMask& mask);
  StatusOr<Page<Customer>> ListCustomers(const RequestContext& ctx,
                                         const std::string& store_code,
                                         int page_size,
                                         const std::string& page_token);

 private:
  CatalogRepository& repository_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_CATALOG_H_
