#include "catalog/domain/catalog.h"

#include <set>
#include <utility>

#include "catalog/domain/catalog_validation.h"
#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/validation.h"

namespace backoffice::domain {
namespace {

template <typename T>
StatusOr<Page<T>> ToPage(StatusOr<std::vector<T>> items,
                         const PageRequest& request,
                         std::string (*key_of)(const T&)) {
  if (!items.ok()) return items.status();
  return MakePage(std::move(*items), request, key_of);
}

std::string StoreKey(const Store& s) { return s.code; }
std::string TerminalKey(const Terminal& t) { return t.code; }
std::string ProductKey(const Product& p) { return p.sku; }
std::string SettingKey(const ProductStoreSetting& s) { return s.sku; }
std::string SupplierKey(const Supplier& s) { return s.code; }
std::string CustomerKey(const Customer& c) { return c.code; }

Status RequireStoreCode(const std::string& store_code) {
  return ValidateCode("store_code", store_code);
}

}  // namespace

StatusOr<Store> Catalog::CreateStore(const RequestContext& ctx, Store store) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateStore(store));
  return repository_.CreateStore(store, ctx);
}

StatusOr<Store> Catalog::GetStore(const RequestContext& ctx,
                                  const std::string& code) {
  BO_RETURN_IF_ERROR(ValidateCode("code", code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, code));
  return repository_.GetStore(code);
}

StatusOr<Store> Catalog::UpdateStore(const RequestContext& ctx,
                                     const Store& patch,
                                     const FieldMask& mask) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("code", patch.code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, patch.code));
  return repository_.UpdateStore(
      patch.code,
      [&](Store& current, const StoreMoneyUse& use) {
        const Store before = current;
        BO_RETURN_IF_ERROR(ApplyStoreMask(mask, patch, current));
        return CheckStoreCurrencyChange(before, current, use);
      },
      ctx);
}

StatusOr<Page<Store>> Catalog::ListStores(const RequestContext& ctx,
                                          int page_size,
                                          const std::string& page_token) {
  // A store's principals list only their own store.
  std::string only_code =
      IsChainWide(ctx.principal.role) ? "" : ctx.principal.store_code;
  auto request =
      MakePageRequest(page_size, page_token,
                      PageScope("stores", PageKeyKind::kText).Add(only_code));
  if (!request.ok()) return request.status();
  return ToPage(repository_.ListStores(*request, only_code), *request,
                &StoreKey);
}

StatusOr<Terminal> Catalog::CreateTerminal(const RequestContext& ctx,
                                           Terminal terminal) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(RequireStoreCode(terminal.store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, terminal.store_code));
  BO_RETURN_IF_ERROR(ValidateTerminal(terminal));
  return repository_.CreateTerminal(terminal, ctx);
}

StatusOr<Terminal> Catalog::GetTerminal(const RequestContext& ctx,
                                        const std::string& store_code,
                                        const std::string& code) {
  BO_RETURN_IF_ERROR(RequireStoreCode(store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  BO_RETURN_IF_ERROR(ValidateCode("code", code));
  return repository_.GetTerminal(store_code, code);
}

StatusOr<Terminal> Catalog::UpdateTerminal(const RequestContext& ctx,
                                           const Terminal& patch,
                                           const FieldMask& mask) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(RequireStoreCode(patch.store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, patch.store_code));
  BO_RETURN_IF_ERROR(ValidateCode("code", patch.code));
  return repository_.UpdateTerminal(
      patch.store_code, patch.code,
      [&](Terminal& current) {
        return ApplyTerminalMask(mask, patch, current);
      },
      ctx);
}

StatusOr<Page<Terminal>> Catalog::ListTerminals(const RequestContext& ctx,
                                                const std::string& store_code,
                                                int page_size,
                                                const std::string& page_token) {
  BO_RETURN_IF_ERROR(RequireStoreCode(store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request = MakePageRequest(
      page_size, page_token,
      PageScope("terminals", PageKeyKind::kText).Add(store_code));
  if (!request.ok()) return request.status();
  return ToPage(repository_.ListTerminals(store_code, *request), *request,
                &TerminalKey);
}

StatusOr<Product> Catalog::CreateProduct(const RequestContext& ctx,
                                         Product product) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateProduct(product));
  return repository_.CreateProduct(product, ctx);
}

StatusOr<Product> Catalog::GetProduct(const RequestContext&,
                                      const std::string& sku,
                                      const std::string& barcode) {
  if (sku.empty() == barcode.empty()) {
    return InvalidArgument("SKU_OR_BARCODE_REQUIRED",
                           "set exactly one of sku and barcode");
  }
  if (!sku.empty()) {
    if (sku.size() > kMaxSkuLength) {
      return InvalidField("sku", "is longer than 64 characters");
    }
    return repository_.GetProductBySku(sku);
  }
  if (barcode.size() > kMaxBarcodeLength) {
    return InvalidField("barcode", "is longer than 64 characters");
  }
  return repository_.GetProductByBarcode(barcode);
}

StatusOr<Product> Catalog::UpdateProduct(const RequestContext& ctx,
                                         const Product& patch,
                                         const FieldMask& mask) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  if (patch.sku.empty() || patch.sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is required, at most 64 characters");
  }
  return repository_.UpdateProduct(
      patch.sku,
      [&](Product& current) { return ApplyProductMask(mask, patch, current); },
      ctx);
}

StatusOr<Page<Product>> Catalog::ListProducts(const RequestContext&,
                                              const ProductFilter& filter,
                                              int page_size,
                                              const std::string& page_token) {
  BO_RETURN_IF_ERROR(ValidateOptionalText("text_filter", filter.text, 200));
  auto request = MakePageRequest(page_size, page_token,
                                 PageScope("products", PageKeyKind::kText)
                                     .Add(filter.text)
                                     .Add(filter.active_only));
  if (!request.ok()) return request.status();
  return ToPage(repository_.ListProducts(filter, *request), *request,
                &ProductKey);
}

StatusOr<std::vector<ImportResult>> Catalog::ImportProducts(
    const RequestContext& ctx, std::vector<ImportRow> rows) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  if (rows.empty()) {
    return InvalidArgument("NO_ROWS", "an import batch needs at least one row");
  }
  if (rows.size() > kMaxImportRows) {
    return InvalidArgument("TOO_MANY_ROWS",
                           "an import batch holds at most 1000 rows");
  }
  std::vector<ImportResult> results(rows.size());
  std::vector<ImportRow> valid;
  std::vector<std::size_t> valid_index;
  std::set<std::string> skus_seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    results[i].line_number = rows[i].line_number;
    results[i].sku = rows[i].product.sku;
    Status status = CheckImportOptionalFields(rows[i].optional_fields);
    if (status.ok()) status = ValidateProduct(rows[i].product);
    if (status.ok() && !skus_seen.insert(rows[i].product.sku).second) {
      status = InvalidArgument(
          "DUPLICATE_SKU_IN_BATCH",
          "sku " + rows[i].product.sku + " appears twice in the same batch");
    }
    if (!status.ok()) {
      results[i].outcome = ImportOutcome::kRejected;
      results[i].reason = status.reason();
      results[i].message = status.message();
      continue;
    }
    valid.push_back(std::move(rows[i]));
    valid_index.push_back(i);
  }
  if (!valid.empty()) {
    auto stored = repository_.ImportProducts(valid, ctx);
    if (!stored.ok()) return stored.status();
    for (std::size_t k = 0; k < valid_index.size(); ++k) {
      results[valid_index[k]] = (*stored)[k];
    }
  }
  return results;
}

StatusOr<ProductStoreSetting> Catalog::SetProductStoreSetting(
    const RequestContext& ctx, const ProductStoreSetting& setting) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(RequireStoreCode(setting.store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, setting.store_code));
  auto store = repository_.GetStore(setting.store_code);
  if (!store.ok()) return store.status();
  BO_RETURN_IF_ERROR(
      ValidateProductStoreSetting(setting, store->currency_code));
  return repository_.SetProductStoreSetting(setting, ctx);
}

StatusOr<ProductStoreSetting> Catalog::GetProductStoreSetting(
    const RequestContext& ctx, const std::string& store_code,
    const std::string& sku) {
  BO_RETURN_IF_ERROR(RequireStoreCode(store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  if (sku.empty() || sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is required, at most 64 characters");
  }
  return repository_.GetProductStoreSetting(store_code, sku);
}

StatusOr<Page<ProductStoreSetting>> Catalog::ListProductStoreSettings(
    const RequestContext& ctx, const std::string& store_code, int page_size,
    const std::string& page_token) {
  BO_RETURN_IF_ERROR(RequireStoreCode(store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request = MakePageRequest(
      page_size, page_token,
      PageScope("product_store_settings", PageKeyKind::kText).Add(store_code));
  if (!request.ok()) return request.status();
  return ToPage(repository_.ListProductStoreSettings(store_code, *request),
                *request, &SettingKey);
}

StatusOr<Supplier> Catalog::CreateSupplier(const RequestContext& ctx,
                                           const Supplier& supplier) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateSupplier(supplier));
  return repository_.CreateSupplier(supplier, ctx);
}

StatusOr<Supplier> Catalog::GetSupplier(const RequestContext&,
                                        const std::string& code) {
  BO_RETURN_IF_ERROR(ValidateCode("code", code));
  return repository_.GetSupplier(code);
}

StatusOr<Supplier> Catalog::UpdateSupplier(const RequestContext& ctx,
                                           const Supplier& patch,
                                           const FieldMask& mask) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(ValidateCode("code", patch.code));
  return repository_.UpdateSupplier(
      patch.code,
      [&](Supplier& current) {
        return ApplySupplierMask(mask, patch, current);
      },
      ctx);
}

StatusOr<Page<Supplier>> Catalog::ListSuppliers(const RequestContext&,
                                                bool active_only, int page_size,
                                                const std::string& page_token) {
  auto request = MakePageRequest(
      page_size, page_token,
      PageScope("suppliers", PageKeyKind::kText).Add(active_only));
  if (!request.ok()) return request.status();
  return ToPage(repository_.ListSuppliers(active_only, *request), *request,
                &SupplierKey);
}

StatusOr<Customer> Catalog::CreateCustomer(const RequestContext& ctx,
                                           const Customer& customer) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(RequireStoreCode(customer.store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, customer.store_code));
  auto store = repository_.GetStore(customer.store_code);
  if (!store.ok()) return store.status();
  Customer created = customer;
  // The API's unset terms (0) mean the usual month.
  if (created.credit_terms_days == 0) created.credit_terms_days = 30;
  BO_RETURN_IF_ERROR(ValidateCustomer(created, store->currency_code));
  return repository_.CreateCustomer(created, ctx);
}

StatusOr<Customer> Catalog::GetCustomer(const RequestContext& ctx,
                                        const std::string& store_code,
                                        const std::string& code) {
  BO_RETURN_IF_ERROR(RequireStoreCode(store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  BO_RETURN_IF_ERROR(ValidateCode("code", code));
  return repository_.GetCustomer(store_code, code);
}

StatusOr<Customer> Catalog::UpdateCustomer(const RequestContext& ctx,
                                           const Customer& patch,
                                           const FieldMask& mask) {
  BO_RETURN_IF_ERROR(ValidateRequestId(ctx.request_id));
  BO_RETURN_IF_ERROR(RequireStoreCode(patch.store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, patch.store_code));
  BO_RETURN_IF_ERROR(ValidateCode("code", patch.code));
  return repository_.UpdateCustomer(
      patch.store_code, patch.code,
      [&](Customer& current) {
        return ApplyCustomerMask(mask, patch, current);
      },
      ctx);
}

StatusOr<Page<Customer>> Catalog::ListCustomers(const RequestContext& ctx,
                                                const std::string& store_code,
                                                int page_size,
                                                const std::string& page_token) {
  BO_RETURN_IF_ERROR(RequireStoreCode(store_code));
  BO_RETURN_IF_ERROR(CheckStoreScope(ctx.principal, store_code));
  auto request = MakePageRequest(
      page_size, page_token,
      PageScope("customers", PageKeyKind::kText).Add(store_code));
  if (!request.ok()) return request.status();
  return ToPage(repository_.ListCustomers(store_code, *request), *request,
                &CustomerKey);
}

}  // namespace backoffice::domain
