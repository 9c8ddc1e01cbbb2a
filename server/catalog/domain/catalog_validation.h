// The catalog's input rules. Every rule that decides whether master data is
// acceptable lives here, so that the gRPC layer, the import and the tests all
// apply the same one.
#ifndef BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_VALIDATION_H_
#define BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_VALIDATION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/status.h"
#include "catalog/domain/catalog_model.h"

namespace backoffice::domain {

// The longest shelf life, and sell-by margin, a product may have: ten years.
inline constexpr std::int32_t kMaxShelfLifeDays = 3650;

Status ValidateStore(const Store& store);
Status ValidateTerminal(const Terminal& terminal);
// Also normalises: sorts the barcodes and refuses duplicates among them.
// Whether a preferred supplier may be one is the repository's check
// (PREFERRED_SUPPLIER_HAS_NO_ITEM), made on locked rows.
Status ValidateProduct(Product& product);
// Shelf life and sell-by margin within 0-kMaxShelfLifeDays, the margin less
// than the shelf life when there is one (INVALID_SHELF_LIFE_DAYS,
// INVALID_SELL_BY_MARGIN_DAYS).
Status ValidateShelfLife(std::int32_t shelf_life_days,
                         std::int32_t sell_by_margin_days);
// An import row's optional_fields name only kProductImportOptionalFields
// (INVALID_OPTIONAL_FIELDS).
Status CheckImportOptionalFields(const std::vector<std::string>& fields);
// Gives `row` the stored values of the optional fields it does not set.
void KeepUnsetOptionalFields(const std::vector<std::string>& fields,
                             const Product& stored, Product& row);
Status ValidateProductStoreSetting(const ProductStoreSetting& setting,
                                   const std::string& store_currency);
Status ValidateSupplier(const Supplier& supplier);
Status ValidateCustomer(const Customer& customer,
                        const std::string& store_currency);

// Applies the fields named in `mask` from `patch` to `target`: the mask is
// explicit (transport computes one when a request sends none, AIP-134), an
// empty one changes nothing and "*" every mutable field. Unknown or
// immutable paths are refused.
Status ApplyStoreMask(const std::vector<std::string>& mask, const Store& patch,
                      Store& target);
Status ApplyTerminalMask(const std::vector<std::string>& mask,
                         const Terminal& patch, Terminal& target);
Status ApplyProductMask(const std::vector<std::string>& mask,
                        const Product& patch, Product& target);
Status ApplySupplierMask(const std::vector<std::string>& mask,
                         const Supplier& patch, Supplier& target);
Status ApplyCustomerMask(const std::vector<std::string>& mask,
                         const Customer& patch, Customer& target);

// A store's currency cannot change once money is counted in it: sales,
// price overrides or customers' credit limits. FAILED_PRECONDITION
// (STORE_CURRENCY_IN_USE) when `after` changes the currency of `before` and
// `use` shows any.
Status CheckStoreCurrencyChange(const Store& before, const Store& after,
                                const StoreMoneyUse& use);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_VALIDATION_H_
