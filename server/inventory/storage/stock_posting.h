// The stock ledger's write side, the one way stock changes: sales, returns,
// voids, adjustments (write-offs among them), receipts, supplier returns,
// transfers and counts post a document and its lines. Movements are
// appended as documents come; once per unit of work the balance rows they
// change are locked in (store, product) order, then those products' lots,
// and each movement is spread over lots (first-expiry-first-out for what
// leaves without a named lot), with the moving-average cost kept on the
// balance row. The fixed order means two transactions never wait for each
// other's rows in a cycle; the locks mean no update is lost.
#ifndef BACKOFFICE_SERVER_INVENTORY_STORAGE_STOCK_POSTING_H_
#define BACKOFFICE_SERVER_INVENTORY_STORAGE_STOCK_POSTING_H_

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
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
  // The store's business day of the document: what FEFO calls sellable
  // depends on it.
  std::string business_day;
};

// A lot as a document names it: its code and expiry ("" for none). The
// empty code without an expiry is the unknown lot.
struct LotRef {
  std::string code;
  std::string expiry_date;
};

// A part of a line's quantity that goes to a lot known by its id (a return
// goes back to the lots its sale took from).
struct LotShare {
  std::int64_t lot_id = 0;
  std::int64_t quantity_milli = 0;
};

// One line of a document: a signed change of a product's stock (a sale's
// lines are negative).
struct StockLine {
  int line_number = 0;
  std::int64_t product_id = 0;
  std::int64_t quantity_milli = 0;
  // Where the quantity goes: the `shares` first, then the rest to `lot`
  // when set; otherwise a positive rest enters the unknown lot and a
  // negative one leaves the lots first-expiry-first-out.
  std::vector<LotShare> shares;
  std::optional<LotRef> lot;
  // Set by a receipt: the stock comes in at this cost and moves the
  // moving average.
  std::optional<std::int64_t> unit_cost_minor;
  // The product's sell-by margin, for FEFO's sellable rule.
  int sell_by_margin_days = 0;
};

class StockLedger {
 public:
  StockLedger();

  // Queues one movement per line; nothing is written until FlushMovements.
  void Post(const StockDocument& document, const std::vector<StockLine>& lines);
  // Writes the queued movements (one statement) and keeps them for
  // ApplyBalances.
  void FlushMovements(soci::session& session);
  // Forgets queued movements that were not flushed (a document refused
  // after it queued some).
  void DiscardMovements();
  // Locks the balance rows of the flushed movements, then their lots, in
  // (store, product) order; spreads each movement over lots, moves the
  // moving average for receipts, and writes balances, lots and the
  // movement-lot rows.
  void ApplyBalances(soci::session& session);

  // After ApplyBalances: the moving-average unit cost of a (store, product)
  // the flushed movements touched, as it stood when they were applied.
  std::int64_t AverageUnitCost(std::int64_t store_id,
                               std::int64_t product_id) const;

 private:
  struct Pending {
    StockDocument document;
    StockLine line;
    std::int64_t movement_id = 0;
  };

  MultiInsert movements_;
  std::vector<Pending> queued_;
  std::vector<Pending> flushed_;
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> average_cost_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_INVENTORY_STORAGE_STOCK_POSTING_H_
