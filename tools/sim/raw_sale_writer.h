// The raw side of backoffice_bench: a sale written straight into MariaDB
// with the server's statements, transaction shape and posting components
// (StockLedger, DemandRollup), but none of its work around them
// (authentication, validation, lookups, idempotency).
#ifndef BACKOFFICE_TOOLS_SIM_RAW_SALE_WRITER_H_
#define BACKOFFICE_TOOLS_SIM_RAW_SALE_WRITER_H_

#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

#include "backoffice/v1/sales_service.pb.h"
#include "core/domain/status.h"
#include "core/storage/database.h"

namespace backoffice::sim {

using DbStatus = backoffice::domain::Status;

// The ids that the server would look up per sale, looked up once: the raw
// phase measures the writes alone.
struct RawIds {
  long long store_id = 0;
  std::string business_day;
  std::vector<long long> terminal_ids;
  std::map<std::string, long long> product_by_sku;
  std::map<std::string, long long> product_by_barcode;
};

// The store's row, today's business day in its zone, the tills' rows (in
// the order of `terminals`) and every product by SKU and barcode.
DbStatus LoadRawIds(backoffice::storage::Database& db, const std::string& store,
                    const std::vector<std::string>& terminals, RawIds& ids);

// One sale, written the way the server writes it, in the caller's
// transaction.
void WriteSaleRaw(soci::session& s, const RawIds& ids, long long terminal_id,
                  const backoffice::v1::Sale& sale);

}  // namespace backoffice::sim

#endif  // BACKOFFICE_TOOLS_SIM_RAW_SALE_WRITER_H_
