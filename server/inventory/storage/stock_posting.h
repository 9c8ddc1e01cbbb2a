// The stock ledger's write side, shared by sales, returns, voids and
// adjustments: movements are appended as they come, and the balances they
// change are applied once per unit of work, in (store, product) order, by
// atomic arithmetic. The fixed order means two transactions never wait for
// each other's balance rows in a cycle; the arithmetic means no update is
// lost, whatever the isolation level.
#ifndef BACKOFFICE_SERVER_INVENTORY_STORAGE_STOCK_POSTING_H_
#define BACKOFFICE_SERVER_INVENTORY_STORAGE_STOCK_POSTING_H_

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "core/storage/multi_insert.h"
#include "sales/domain/sale_model.h"

namespace backoffice::storage {

class StockLedger {
 public:
  StockLedger();

  // Queues one movement; nothing is written until Flush.
  void Add(std::int64_t store_id, std::int64_t product_id,
           std::int64_t quantity_milli, domain::MovementType type,
           const std::string& reason, std::int64_t document_pk,
           const std::string& document_key, int document_line,
           domain::TimeMicros business_time, domain::TimeMicros record_time);
  // Writes the queued movements (one statement) and folds them into the
  // pending balance changes.
  void FlushMovements(soci::session& session);
  // Forgets queued movements that were not flushed (a document refused
  // after it queued some).
  void DiscardMovements();
  // Applies the pending balance changes in (store, product) order.
  void ApplyBalances(soci::session& session);

 private:
  struct Pending {
    std::int64_t store_id;
    std::int64_t product_id;
    std::int64_t quantity_milli;
    domain::TimeMicros business_time;
  };
  struct BalanceChange {
    std::int64_t quantity_milli = 0;
    std::int64_t last_movement_id = 0;
    domain::TimeMicros last_business_time = 0;
  };

  MultiInsert movements_;
  std::vector<Pending> pending_;
  std::map<std::pair<std::int64_t, std::int64_t>, BalanceChange> balances_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_INVENTORY_STORAGE_STOCK_POSTING_H_
