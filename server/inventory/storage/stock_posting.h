// The stock ledger's write side, the one way stock changes: sales, returns,
// voids and adjustments post a document and its lines (receipts, supplier
// returns, transfers, counts and write-offs will too). Movements are
// appended as documents come, and the balances they change are applied
// once per unit of work, in (store, product) order, by atomic arithmetic. The
// fixed order means two transactions never wait for each other's balance rows
// in a cycle; the arithmetic means no update is lost, whatever the isolation
// level.
#ifndef BACKOFFICE_SERVER_INVENTORY_STORAGE_STOCK_POSTING_H_
#define BACKOFFICE_SERVER_INVENTORY_STORAGE_STOCK_POSTING_H_

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/multi_insert.h"
#include "sales/domain/sale_model.h"

namespace backoffice::storage {

// What a document is to stock: its kind, its row and client id, its store
// and its times. Each movement records them.
struct StockDocument {
  domain::MovementType type;
  // Stored with each movement: "SALE", "RETURN", or an adjustment's reason.
  std::string reason;
  std::int64_t store_id = 0;
  std::int64_t pk = 0;
  std::string key;
  domain::TimeMicros business_time = 0;
  domain::TimeMicros record_time = 0;
};

// One line of a document: a signed change of a product's stock (a sale's
// lines are negative). The lot and the unit cost join here when stock is
// kept per (store, product, lot).
struct StockLine {
  int line_number = 0;
  std::int64_t product_id = 0;
  std::int64_t quantity_milli = 0;
};

class StockLedger {
 public:
  StockLedger();

  // Queues one movement per line; nothing is written until FlushMovements.
  void Post(const StockDocument& document, const std::vector<StockLine>& lines);
  // Writes the queued movements (one statement) and folds them into the
  // pending balance changes.
  void FlushMovements(soci::session& session);
  // Forgets queued movements that were not flushed (a document refused
  // after it queued some).
  void DiscardMovements();
  // Applies the pending balance changes in (store, product) order.
  void ApplyBalances(soci::session& session);

 private:
  void Add(const StockDocument& document, const StockLine& line);

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
