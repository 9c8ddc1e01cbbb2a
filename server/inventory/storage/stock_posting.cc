#include "inventory/storage/stock_posting.h"

#include <algorithm>

#include "core/storage/sql_util.h"

namespace backoffice::storage {
namespace {

MultiInsert NewMovementInsert() {
  return MultiInsert(
      "INSERT INTO stock_movements (store_id, product_id, quantity_milli, "
      "movement_type, reason, document_pk, document_key, document_line, "
      "business_time, record_time)",
      10,
      "(?, ?, ?, ?, ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, ?, '1970-01-01'), "
      "TIMESTAMPADD(MICROSECOND, ?, '1970-01-01'))");
}

}  // namespace

StockLedger::StockLedger() : movements_(NewMovementInsert()) {}

void StockLedger::Post(const StockDocument& document,
                       const std::vector<StockLine>& lines) {
  for (const StockLine& line : lines) Add(document, line);
}

void StockLedger::Add(const StockDocument& document, const StockLine& line) {
  movements_.AddRow({static_cast<long long>(document.store_id),
                     static_cast<long long>(line.product_id),
                     static_cast<long long>(line.quantity_milli),
                     std::string(domain::MovementTypeName(document.type)),
                     document.reason, static_cast<long long>(document.pk),
                     document.key, static_cast<long long>(line.line_number),
                     static_cast<long long>(document.business_time),
                     static_cast<long long>(document.record_time)});
  pending_.push_back({document.store_id, line.product_id, line.quantity_milli,
                      document.business_time});
}

void StockLedger::FlushMovements(soci::session& session) {
  if (pending_.empty()) return;
  movements_.Execute(session);
  // A multi-row insert takes the ids first_id, first_id + step, ... where
  // the step is the server's auto_increment_increment (1, or the size of a
  // Galera cluster); it is a server setting, read once.
  const long long first_id = LastInsertId(session);
  static const long long step = [&session] {
    long long increment = 1;
    session << "SELECT @@auto_increment_increment", soci::into(increment);
    return increment;
  }();
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const Pending& p = pending_[i];
    BalanceChange& change = balances_[{p.store_id, p.product_id}];
    change.quantity_milli += p.quantity_milli;
    change.last_movement_id = std::max<std::int64_t>(
        change.last_movement_id, first_id + step * static_cast<long long>(i));
    change.last_business_time =
        std::max(change.last_business_time, p.business_time);
  }
  DiscardMovements();
}

void StockLedger::DiscardMovements() {
  pending_.clear();
  movements_ = NewMovementInsert();
}

void StockLedger::ApplyBalances(soci::session& session) {
  // std::map iterates in (store, product) order: the fixed lock order.
  for (const auto& [key, change] : balances_) {
    long long store_id = key.first;
    long long product_id = key.second;
    long long quantity = change.quantity_milli;
    long long movement_id = change.last_movement_id;
    long long business_time = change.last_business_time;
    session
        << "INSERT INTO stock_balances (store_id, product_id, on_hand_milli, "
           "last_movement_id, last_movement_time, update_time) VALUES "
           "(:s, :p, :q, :m, TIMESTAMPADD(MICROSECOND, :t, '1970-01-01'), "
           "UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE "
           "on_hand_milli = on_hand_milli + :q2, "
           "last_movement_id = GREATEST(last_movement_id, :m2), "
           "last_movement_time = GREATEST(last_movement_time, "
           "TIMESTAMPADD(MICROSECOND, :t2, '1970-01-01')), "
           "update_time = UTC_TIMESTAMP(6)",
        soci::use(store_id), soci::use(product_id), soci::use(quantity),
        soci::use(movement_id), soci::use(business_time), soci::use(quantity),
        soci::use(movement_id), soci::use(business_time);
  }
  balances_.clear();
}

}  // namespace backoffice::storage
