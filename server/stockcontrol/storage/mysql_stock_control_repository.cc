// The reads of MySqlStockControlRepository: near expiry store by store,
// slow movers across the stores in scope, both on the report pool.
#include "stockcontrol/storage/mysql_stock_control_repository.h"

#include "core/domain/errors.h"
#include "core/storage/sql_util.h"
#include "stockcontrol/domain/stock_control_rules.h"
#include "stockcontrol/storage/stock_control_reads.h"

namespace backoffice::storage {
namespace {

Status InvalidPageToken() {
  return domain::InvalidArgument("INVALID_PAGE_TOKEN",
                                 "the page token does not belong to this "
                                 "list");
}

// Splits "a/b/c" into its three parts.
bool SplitKey(const std::string& key, std::string* a, std::string* b,
              std::string* c) {
  const auto first = key.find('/');
  if (first == std::string::npos) return false;
  const auto second = key.find('/', first + 1);
  if (second == std::string::npos) return false;
  *a = key.substr(0, first);
  *b = key.substr(first + 1, second - first - 1);
  *c = key.substr(second + 1);
  return !a->empty() && !b->empty() && !c->empty();
}

bool ParseId(const std::string& text, long long* out) {
  if (text.empty() || text.size() > 18) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  *out = std::stoll(text);
  return true;
}

bool IsDigits(const std::string& text) {
  if (text.empty() || text.size() > 40) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

}  // namespace

StatusOr<std::vector<domain::ExpiringLot>>
MySqlStockControlRepository::ListExpiringLots(
    const domain::ExpiringLotsQuery& query, const domain::PageRequest& page,
    domain::TimeMicros now) {
  long long after_store = 0, after_lot = 0;
  std::string after_day;
  if (!page.after_key.empty()) {
    std::string store, lot;
    if (!SplitKey(page.after_key, &store, &after_day, &lot) ||
        !ParseId(store, &after_store) || !ParseId(lot, &after_lot) ||
        after_day.size() != 10) {
      return InvalidPageToken();
    }
  }
  std::vector<domain::ExpiringLot> items;
  Status status = report_db_.WithSession([&](soci::session& s) -> Status {
    items.clear();
    const long long wanted = page.page_size + 1;
    for (const StoreDay& store :
         StoresInScope(s, query.store_code, after_store, now)) {
      const bool same = store.store_id == after_store;
      for (auto& facts :
           ReadExpiringLots(s, store, query.within_days, query.expired,
                            same ? after_day : "", same ? after_lot : 0,
                            wanted - static_cast<long long>(items.size()))) {
        items.push_back(domain::JudgeExpiringLot(facts));
      }
      if (static_cast<long long>(items.size()) >= wanted) break;
    }
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

StatusOr<std::vector<domain::SlowMover>>
MySqlStockControlRepository::ListSlowMovers(
    const domain::SlowMoversQuery& query, const domain::PageRequest& page,
    domain::TimeMicros now) {
  long long after_store = 0, after_product = 0;
  std::string after_value;
  if (!page.after_key.empty()) {
    std::string store, product;
    if (!SplitKey(page.after_key, &after_value, &store, &product) ||
        !IsDigits(after_value) || !ParseId(store, &after_store) ||
        !ParseId(product, &after_product)) {
      return InvalidPageToken();
    }
  }
  std::vector<domain::SlowMover> items;
  Status status = report_db_.WithSession([&](soci::session& s) -> Status {
    items.clear();
    const auto stores = StoresInScope(s, query.store_code, 0, now);
    for (const auto& facts :
         ReadSlowMovers(s, stores, query, after_value, after_store,
                        after_product, page.page_size + 1)) {
      // The SQL selected it by the same rule; the domain states why.
      if (auto mover = domain::JudgeSlowMover(facts, query)) {
        items.push_back(std::move(*mover));
      }
    }
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

}  // namespace backoffice::storage
