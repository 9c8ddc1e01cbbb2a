// The rules of a supplier item: its own fields, and what it must agree with
// in its product. Errors are INVALID_ARGUMENT with stable reasons.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_SUPPLIER_ITEM_RULES_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_SUPPLIER_ITEM_RULES_H_

#include <string>
#include <vector>

#include "core/domain/status.h"
#include "purchasing/domain/purchasing_model.h"

namespace backoffice::domain {

// The identifying fields: a supplier code and a SKU.
Status ValidateSupplierItemKey(const std::string& supplier_code,
                               const std::string& sku);
// Every field on its own (INVALID_<FIELD>).
Status ValidateSupplierItem(const SupplierItem& item);
// Against its product: the cost is in the product's price currency
// (CURRENCY_MISMATCH); a product not sold by weight is packed and ordered
// in whole units (INVALID_PACK_SIZE_MILLI, INVALID_MIN_ORDER_QUANTITY_MILLI).
Status CheckSupplierItemFitsProduct(const SupplierItem& item,
                                    const ItemProductFacts& product);
// Applies the fields of `mask` (AIP-134) from `patch` to `target` and
// validates the result.
Status ApplySupplierItemMask(const std::vector<std::string>& mask,
                             const SupplierItem& patch, SupplierItem& target);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_SUPPLIER_ITEM_RULES_H_
