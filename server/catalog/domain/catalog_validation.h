// The catalog's input rules. Every rule that decides whether master data is
// acceptable lives here, so that the gRPC layer, the import and the tests all
// apply the same one.
#ifndef BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_VALIDATION_H_
#define BACKOFFICE_SERVER_CATALOG_DOMAIN_CATALOG_VALIDATION_H_

#include <string>
#include <vector>

#include "core/domain/status.h"
#include "catalog/domain/catalog_model.h"

namespace backoffice::domain {

Status ValidateStore(const Store& store);
Status ValidateTerminal(const Terminal& terminal);
// Also normalises: sorts the barcodes and refuses duplicates among them.
Status ValidateProduct(Product& product);
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
