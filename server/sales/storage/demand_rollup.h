// The daily demand rollup's write side, shared by sales, returns and voids:
// each unit of work queues its quantities, folded per (store, product,
// business day), and writes them with one multi-row upsert in that sorted
// order, so that concurrent writers lock the rollup's rows in one order and
// never wait for each other in a cycle. The additions are arithmetic
// (`sold_milli = sold_milli + ?`): no update is lost at READ COMMITTED.
//
// Attribution: a sale, and its void, count on the sale's business day (a
// void cancels what that day's sale asked for, whenever it is made); a
// return counts on the return's own business day, in the store's time zone
// (the goods came back that day; the earlier day's demand was real).
#ifndef BACKOFFICE_SERVER_SALES_STORAGE_DEMAND_ROLLUP_H_
#define BACKOFFICE_SERVER_SALES_STORAGE_DEMAND_ROLLUP_H_

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <tuple>

namespace backoffice::storage {

class DemandRollup {
 public:
  // Queues quantities for one (store, product, business day "YYYY-MM-DD").
  // `counts_sale` adds one to the day's sale count: pass it once per sale
  // and product.
  void AddSold(std::int64_t store_id, std::int64_t product_id,
               const std::string& business_day, std::int64_t quantity_milli,
               bool counts_sale);
  void AddReturned(std::int64_t store_id, std::int64_t product_id,
                   const std::string& business_day,
                   std::int64_t quantity_milli);
  void AddVoided(std::int64_t store_id, std::int64_t product_id,
                 const std::string& business_day, std::int64_t quantity_milli);
  bool empty() const { return changes_.empty(); }
  // Writes every queued change in one statement, in (store, product, day)
  // order, and forgets them.
  void Flush(soci::session& session);
  // Forgets what was queued without writing it.
  void Discard() { changes_.clear(); }

 private:
  struct Change {
    std::int64_t sold_milli = 0;
    std::int64_t returned_milli = 0;
    std::int64_t voided_milli = 0;
    std::int64_t sale_count = 0;
  };
  Change& At(std::int64_t store_id, std::int64_t product_id,
             const std::string& business_day);

  std::map<std::tuple<std::int64_t, std::int64_t, std::string>, Change>
      changes_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_SALES_STORAGE_DEMAND_ROLLUP_H_
