// Reading sales back from their rows; shared by the sales repository's
// files.
#ifndef BACKOFFICE_SERVER_SALES_STORAGE_SALE_ROWS_H_
#define BACKOFFICE_SERVER_SALES_STORAGE_SALE_ROWS_H_

#include <soci/soci.h>

#include <optional>
#include <string>

#include "core/storage/idempotency.h"
#include "sales/domain/sale_model.h"

namespace backoffice::storage {

struct SaleHeader {
  long long pk = 0;
  std::string fingerprint;
  std::string store_code;  // Only where the query says so.
  std::string state;
  std::string sale_id;
  std::string currency_code;
};

SaleHeader ReadSaleHeader(const soci::row& r);
// The header of the store's sale with this id, read as `read` says. Sale
// ids are scoped to their store.
std::optional<SaleHeader> FindSaleHeader(soci::session& s, long long store_id,
                                         const std::string& sale_id,
                                         KeyRead read);
// The columns ReadSale reads, without a WHERE clause.
extern const std::string kSelectSale;
domain::Sale ReadSale(const soci::row& r);
// The sale with its lines (as the till named their products) and tenders.
domain::Sale LoadSale(soci::session& s, long long pk);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_SALES_STORAGE_SALE_ROWS_H_
