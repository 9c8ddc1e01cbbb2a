#include "sales/storage/demand_rollup.h"

#include "core/storage/multi_insert.h"

namespace backoffice::storage {

DemandRollup::Change& DemandRollup::At(std::int64_t store_id,
                                       std::int64_t product_id,
                                       const std::string& business_day) {
  return changes_[std::make_tuple(store_id, product_id, business_day)];
}

void DemandRollup::AddSold(std::int64_t store_id, std::int64_t product_id,
                           const std::string& business_day,
                           std::int64_t quantity_milli, bool counts_sale) {
  Change& c = At(store_id, product_id, business_day);
  c.sold_milli += quantity_milli;
  if (counts_sale) ++c.sale_count;
}

void DemandRollup::AddReturned(std::int64_t store_id, std::int64_t product_id,
                               const std::string& business_day,
                               std::int64_t quantity_milli) {
  At(store_id, product_id, business_day).returned_milli += quantity_milli;
}

void DemandRollup::AddVoided(std::int64_t store_id, std::int64_t product_id,
                             const std::string& business_day,
                             std::int64_t quantity_milli) {
  At(store_id, product_id, business_day).voided_milli += quantity_milli;
}

void DemandRollup::Flush(soci::session& session) {
  if (changes_.empty()) return;
  // VALUES() names the row's own value; MariaDB has no row alias, and
  // MySQL 8 still accepts VALUES() here.
  MultiInsert upsert(
      "INSERT INTO daily_demand (store_id, product_id, business_day, "
      "sold_milli, returned_milli, voided_milli, sale_count)",
      7, "",
      "ON DUPLICATE KEY UPDATE sold_milli = sold_milli + VALUES(sold_milli), "
      "returned_milli = returned_milli + VALUES(returned_milli), "
      "voided_milli = voided_milli + VALUES(voided_milli), "
      "sale_count = sale_count + VALUES(sale_count)");
  // std::map iterates in (store, product, day) order: the fixed lock order.
  for (const auto& [key, c] : changes_) {
    upsert.AddRow({static_cast<long long>(std::get<0>(key)),
                   static_cast<long long>(std::get<1>(key)), std::get<2>(key),
                   static_cast<long long>(c.sold_milli),
                   static_cast<long long>(c.returned_milli),
                   static_cast<long long>(c.voided_milli),
                   static_cast<long long>(c.sale_count)});
  }
  upsert.Execute(session);
  changes_.clear();
}

}  // namespace backoffice::storage
