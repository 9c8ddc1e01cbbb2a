// The catalog over MariaDB. See domain/repositories.h for the contract.
#ifndef BACKOFFICE_SERVER_STORAGE_CATALOG_REPOSITORY_H_
#define BACKOFFICE_SERVER_STORAGE_CATALOG_REPOSITORY_H_

#include "catalog/domain/catalog_repository.h"
#include "core/storage/database.h"

namespace backoffice::storage {

class MySqlCatalogRepository : public domain::CatalogRepository {
 public:
  explicit MySqlCatalogRepository(Database& db) : db_(db) {}

  StatusOr<domain::Store> CreateStore(
      const domain::Store& store, const domain::RequestContext& ctx) override;
  StatusOr<domain::Store> GetStore(const std::string& code) override;
  StatusOr<domain::Store> UpdateStore(
      const std::string& code, const domain::StoreMutation& mutate,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::Store>> ListStores(
      const domain::PageRequest& page, const std::string& only_code) override;

  StatusOr<domain::Terminal> CreateTerminal(
      const domain::Terminal& terminal,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::Terminal> GetTerminal(const std::string& store_code,
                                         const std::string& code) override;
  StatusOr<domain::Terminal> UpdateTerminal(
      const std::string& store_code, const std::string& code,
      const domain::Mutation<domain::Terminal>& mutate,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::Terminal>> ListTerminals(
      const std::string& store_code, const domain::PageRequest& page) override;

  StatusOr<domain::Product> CreateProduct(
      const domain::Product& product,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::Product> GetProductBySku(const std::string& sku) override;
  StatusOr<domain::Product> GetProductByBarcode(
      const std::string& barcode) override;
  StatusOr<domain::Product> UpdateProduct(
      const std::string& sku, const domain::Mutation<domain::Product>& mutate,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::Product>> ListProducts(
      const domain::ProductFilter& filter,
      const domain::PageRequest& page) override;
  StatusOr<std::vector<domain::ImportResult>> ImportProducts(
      const std::vector<domain::ImportRow>& rows,
      const domain::RequestContext& ctx) override;

  StatusOr<domain::ProductStoreSetting> SetProductStoreSetting(
      const domain::ProductStoreSetting& setting,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::ProductStoreSetting> GetProductStoreSetting(
      const std::string& store_code, const std::string& sku) override;
  StatusOr<std::vector<domain::ProductStoreSetting>> ListProductStoreSettings(
      const std::string& store_code, const domain::PageRequest& page) override;

  StatusOr<domain::Supplier> CreateSupplier(
      const domain::Supplier& supplier,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::Supplier> GetSupplier(const std::string& code) override;
  StatusOr<domain::Supplier> UpdateSupplier(
      const std::string& code, const domain::Mutation<domain::Supplier>& mutate,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::Supplier>> ListSuppliers(
      bool active_only, const domain::PageRequest& page) override;

  StatusOr<domain::Customer> CreateCustomer(
      const domain::Customer& customer,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::Customer> GetCustomer(const std::string& store_code,
                                         const std::string& code) override;
  StatusOr<domain::Customer> UpdateCustomer(
      const std::string& store_code, const std::string& code,
      const domain::Mutation<domain::Customer>& mutate,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::Customer>> ListCustomers(
      const std::string& store_code, const domain::PageRequest& page) override;

 private:
  Database& db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STORAGE_CATALOG_REPOSITORY_H_
