// The near-expiry and slow-mover reads, inside the caller's session: what
// MySqlStockControlRepository pages through, and what the benchmark runs
// raw beside the RPCs.
//
// The SQL states SellableUntil (inventory/domain/lots.h) as
// DATE_SUB(expiry_date, INTERVAL sell_by_margin_days DAY) to select and
// order lots; the domain's JudgeExpiringLot judges what it returns with the
// rule itself, and the tests hold the two to the same days.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_STOCK_CONTROL_READS_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_STOCK_CONTROL_READS_H_

#include <soci/soci.h>

#include <string>
#include <vector>

#include "stockcontrol/domain/stock_control_model.h"

namespace backoffice::storage {

// A store in a read's scope and its business day.
struct StoreDay {
  long long store_id = 0;
  std::string code;
  std::string currency_code;
  std::string today;
};

// The stores of `store_code` (empty: every store, by id) from
// `after_store_id` on, each with its business day at `now`.
// NOT_FOUND (STORE_NOT_FOUND) for an unknown code.
std::vector<StoreDay> StoresInScope(soci::session& s,
                                    const std::string& store_code,
                                    long long after_store_id,
                                    domain::TimeMicros now);

// Up to `limit` lots of one store with stock whose sellable-until day is
// within [today, today + within_days] (or before today, `expired`), by
// sellable-until day and lot id, after (after_day, after_lot).
std::vector<domain::LotFacts> ReadExpiringLots(
    soci::session& s, const StoreDay& store, int within_days, bool expired,
    const std::string& after_day, long long after_lot, long long limit);

// Up to `limit` slow movers of `stores`, most value tied up first, after
// the key (after_value, after_store, after_product); empty `after_value`
// starts at the top.
std::vector<domain::StockFacts> ReadSlowMovers(
    soci::session& s, const std::vector<StoreDay>& stores,
    const domain::SlowMoversQuery& query, const std::string& after_value,
    long long after_store, long long after_product, long long limit);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_STORAGE_STOCK_CONTROL_READS_H_
