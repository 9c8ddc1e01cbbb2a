// What the catalog repository's files share: product rows, the preferred
// supplier reference, and the small steps every catalog write takes.
// Internal to catalog storage.
#ifndef BACKOFFICE_SERVER_CATALOG_STORAGE_CATALOG_ROWS_H_
#define BACKOFFICE_SERVER_CATALOG_STORAGE_CATALOG_ROWS_H_

#include <soci/soci.h>

#include <cstdint>
#include <string>

#include "catalog/domain/catalog_model.h"
#include "core/domain/status.h"
#include "core/domain/validation.h"

namespace backoffice::storage {

struct ProductRow {
  std::int64_t id = 0;
  domain::Product product;
};

// The product with this SKU, or throws StatusError(NOT_FOUND,
// PRODUCT_NOT_FOUND); `for_update` locks its row.
ProductRow RequireProductRow(soci::session& s, const std::string& sku,
                             bool for_update = false);

// The preferred_supplier_id column's value: NULL for none.
struct SupplierRef {
  long long id = 0;
  soci::indicator ind = soci::i_null;
};

// The reference for `supplier_code` (NULL when empty), which must have an
// active supplier item for the product, share-locked until the transaction
// ends (see LockPreferredSupplier).
SupplierRef PreferredSupplierRef(soci::session& s, long long product_id,
                                 const std::string& sku,
                                 const std::string& supplier_code);

// Throws a failed status as StatusError, rolling the transaction back.
void ApplyMutation(Status status);

// Rows to fetch for a page: one more than asked tells whether more follow.
long long Limit(const domain::PageRequest& page);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CATALOG_STORAGE_CATALOG_ROWS_H_
