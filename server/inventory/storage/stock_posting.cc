#include "inventory/storage/stock_posting.h"

#include <algorithm>
#include <set>

#include "core/storage/sql_util.h"
#include "inventory/domain/lots.h"

namespace backoffice::storage {
namespace {

using ProductKey = std::pair<std::int64_t, std::int64_t>;  // (store, product)

MultiInsert NewMovementInsert() {
  return MultiInsert(
      "INSERT INTO stock_movements (store_id, product_id, quantity_milli, "
      "movement_type, reason, document_pk, document_key, document_line, "
      "business_time, record_time)",
      10,
      "(?, ?, ?, ?, ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, ?, '1970-01-01'), "
      "TIMESTAMPADD(MICROSECOND, ?, '1970-01-01'))");
}

// ":in0, :in1, ..." for n values.
std::string Placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += (i == 0 ? ":in" : ", :in") + std::to_string(i);
  }
  return out;
}

// Runs `sql` ("... store_id = :store AND product_id IN ({in}) ...") for one
// store's products and reads every row.
template <typename Read>
void ForEachRowOfProducts(soci::session& session, const std::string& sql,
                          long long store_id,
                          const std::vector<long long>& products, Read read) {
  std::string text = sql;
  text.replace(text.find("{in}"), 4, Placeholders(products.size()));
  soci::details::prepare_temp_type prepared = (session.prepare << text);
  prepared, soci::use(store_id);
  for (const long long& product : products) prepared, soci::use(product);
  soci::rowset<soci::row> rows(prepared);
  for (const auto& row : rows) read(row);
}

struct BalanceState {
  std::int64_t on_hand_milli = 0;
  std::int64_t average_cost_minor = 0;
  std::int64_t quantity_change = 0;
  std::int64_t last_movement_id = 0;
  domain::TimeMicros last_business_time = 0;
  bool exists = false;
};

struct LotState {
  std::int64_t store_id = 0;
  std::int64_t product_id = 0;
  LotRef ref;
  std::int64_t change = 0;
};

// Locks the balance rows of one store's products, creating the missing
// ones first (a product's first movement in a store).
void LockBalances(soci::session& session, long long store_id,
                  const std::vector<long long>& products,
                  std::map<ProductKey, BalanceState>& balances) {
  const std::string select =
      "SELECT product_id, on_hand_milli, average_unit_cost_minor FROM "
      "stock_balances FORCE INDEX (PRIMARY) WHERE store_id = :store AND "
      "product_id IN ({in}) ORDER "
      "BY "
      "product_id FOR UPDATE";
  auto read = [&](const soci::row& row) {
    BalanceState& state = balances[{store_id, GetInt64(row, 0)}];
    state.on_hand_milli = GetInt64(row, 1);
    state.average_cost_minor = GetInt64(row, 2);
    state.exists = true;
  };
  ForEachRowOfProducts(session, select, store_id, products, read);
  std::vector<long long> missing;
  for (long long product : products) {
    if (!balances[{store_id, product}].exists) missing.push_back(product);
  }
  if (missing.empty()) return;
  MultiInsert create(
      "INSERT IGNORE INTO stock_balances (store_id, product_id, "
      "on_hand_milli, last_movement_id, last_movement_time, update_time, "
      "average_unit_cost_minor)",
      2, "(?, ?, 0, 0, '1970-01-01', UTC_TIMESTAMP(6), 0)");
  for (long long product : missing) create.AddRow({store_id, product});
  create.Execute(session);
  ForEachRowOfProducts(session, select, store_id, missing, read);
}

// The id of a lot, creating its row (empty) when it has none. The caller
// holds the product's balance row, so no one else creates it meanwhile.
std::int64_t EnsureLot(soci::session& session, std::int64_t store_id,
                       std::int64_t product_id, const LotRef& ref) {
  long long store = store_id;
  long long product = product_id;
  std::string code = ref.code;
  std::optional<std::string> expiry;
  if (!ref.expiry_date.empty()) expiry = ref.expiry_date;
  soci::indicator expiry_ind = expiry ? soci::i_ok : soci::i_null;
  std::string expiry_text = expiry.value_or("");
  session << "INSERT INTO stock_lots (store_id, product_id, lot_code, "
             "expiry_date, quantity_milli, create_time, update_time) VALUES "
             "(:s, :p, :c, :e, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)) ON "
             "DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
      soci::use(store), soci::use(product), soci::use(code),
      soci::use(expiry_text, expiry_ind);
  return LastInsertId(session);
}

}  // namespace

StockLedger::StockLedger() : movements_(NewMovementInsert()) {}

void StockLedger::Post(const StockDocument& document,
                       const std::vector<StockLine>& lines) {
  for (const StockLine& line : lines) {
    movements_.AddRow({static_cast<long long>(document.store_id),
                       static_cast<long long>(line.product_id),
                       static_cast<long long>(line.quantity_milli),
                       std::string(domain::MovementTypeName(document.type)),
                       document.reason, static_cast<long long>(document.pk),
                       document.key, static_cast<long long>(line.line_number),
                       static_cast<long long>(document.business_time),
                       static_cast<long long>(document.record_time)});
    queued_.push_back({document, line, 0});
  }
}

void StockLedger::FlushMovements(soci::session& session) {
  if (queued_.empty()) return;
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
  for (std::size_t i = 0; i < queued_.size(); ++i) {
    queued_[i].movement_id = first_id + step * static_cast<long long>(i);
    flushed_.push_back(std::move(queued_[i]));
  }
  DiscardMovements();
}

void StockLedger::DiscardMovements() {
  queued_.clear();
  movements_ = NewMovementInsert();
}

void StockLedger::ApplyBalances(soci::session& session) {
  if (flushed_.empty()) return;
  // std::map and std::set iterate in (store, product) order: the fixed lock
  // order, balance rows first, then lots.
  std::map<std::int64_t, std::set<long long>> products_by_store;
  for (const Pending& p : flushed_) {
    products_by_store[p.document.store_id].insert(p.line.product_id);
  }
  std::map<ProductKey, BalanceState> balances;
  for (const auto& [store_id, products] : products_by_store) {
    LockBalances(session, store_id,
                 std::vector<long long>(products.begin(), products.end()),
                 balances);
  }
  std::map<ProductKey, std::vector<domain::LotStock>> lots_of;
  std::map<std::int64_t, LotState> lots;  // By id.
  for (const auto& [store_id, products] : products_by_store) {
    const long long store = store_id;
    ForEachRowOfProducts(
        session,
        "SELECT id, product_id, lot_code, IFNULL(DATE_FORMAT(expiry_date, "
        "'%Y-%m-%d'), ''), quantity_milli FROM stock_lots FORCE INDEX "
        "(uk_stock_lots) WHERE "
        "store_id = "
        ":store "
        "AND product_id IN ({in}) AND (quantity_milli <> 0 OR (lot_code = '' "
        "AND expiry_date IS NULL)) ORDER BY product_id, id FOR UPDATE",
        store, std::vector<long long>(products.begin(), products.end()),
        [&](const soci::row& row) {
          const std::int64_t id = GetInt64(row, 0);
          const std::int64_t product = GetInt64(row, 1);
          LotRef ref{GetString(row, 2), GetString(row, 3)};
          const bool unknown = ref.code.empty() && ref.expiry_date.empty();
          lots_of[{store, product}].push_back(
              {id, ref.expiry_date, GetInt64(row, 4), unknown});
          lots[id] = LotState{store, product, ref, 0};
        });
  }
  // The id of a named lot of a product, created when missing.
  auto lot_id_of = [&](std::int64_t store, std::int64_t product,
                       const LotRef& ref) {
    auto& known = lots_of[{store, product}];
    for (const auto& lot : known) {
      const LotState& state = lots[lot.lot_id];
      if (state.ref.code == ref.code &&
          state.ref.expiry_date == ref.expiry_date) {
        return lot.lot_id;
      }
    }
    const std::int64_t id = EnsureLot(session, store, product, ref);
    const bool unknown = ref.code.empty() && ref.expiry_date.empty();
    known.push_back({id, ref.expiry_date, 0, unknown});
    lots[id] = LotState{store, product, ref, 0};
    return id;
  };
  auto add_to_lot = [&](const ProductKey& key, std::int64_t id,
                        std::int64_t quantity) {
    for (auto& lot : lots_of[key]) {
      if (lot.lot_id == id) lot.quantity_milli += quantity;
    }
  };

  MultiInsert movement_lots(
      "INSERT INTO stock_movement_lots (movement_id, sequence, lot_id, "
      "quantity_milli)",
      4);
  for (const Pending& p : flushed_) {
    const ProductKey key{p.document.store_id, p.line.product_id};
    BalanceState& balance = balances[key];
    std::vector<LotShare> shares = p.line.shares;
    std::int64_t rest = p.line.quantity_milli;
    for (const LotShare& share : shares) {
      rest -= share.quantity_milli;
      add_to_lot(key, share.lot_id, share.quantity_milli);
    }
    if (rest > 0 || (rest < 0 && p.line.lot)) {
      const std::int64_t id =
          lot_id_of(key.first, key.second, p.line.lot.value_or(LotRef{}));
      shares.push_back({id, rest});
      add_to_lot(key, id, rest);
    } else if (rest < 0) {
      const std::int64_t unknown = lot_id_of(key.first, key.second, LotRef{});
      for (const auto& take : domain::TakeFirstExpiryFirstOut(
               lots_of[key], -rest, p.line.sell_by_margin_days,
               p.document.business_day, unknown)) {
        shares.push_back({take.lot_id, -take.quantity_milli});
      }
    }
    int sequence = 0;
    for (const LotShare& share : shares) {
      if (share.quantity_milli == 0) continue;
      lots[share.lot_id].change += share.quantity_milli;
      movement_lots.AddRow({static_cast<long long>(p.movement_id),
                            static_cast<long long>(++sequence),
                            static_cast<long long>(share.lot_id),
                            static_cast<long long>(share.quantity_milli)});
    }
    if (p.line.unit_cost_minor) {
      balance.average_cost_minor = domain::MovingAverageCost(
          balance.on_hand_milli, balance.average_cost_minor,
          p.line.quantity_milli, *p.line.unit_cost_minor);
    }
    balance.on_hand_milli += p.line.quantity_milli;
    balance.quantity_change += p.line.quantity_milli;
    balance.last_movement_id =
        std::max<std::int64_t>(balance.last_movement_id, p.movement_id);
    balance.last_business_time =
        std::max(balance.last_business_time, p.document.business_time);
  }

  for (const auto& [key, change] : balances) {
    long long store_id = key.first;
    long long product_id = key.second;
    long long quantity = change.quantity_change;
    long long average = change.average_cost_minor;
    long long movement_id = change.last_movement_id;
    long long business_time = change.last_business_time;
    session << "UPDATE stock_balances SET on_hand_milli = on_hand_milli + :q, "
               "average_unit_cost_minor = :c, last_movement_id = "
               "GREATEST(last_movement_id, :m), last_movement_time = "
               "GREATEST(last_movement_time, TIMESTAMPADD(MICROSECOND, :t, "
               "'1970-01-01')), update_time = UTC_TIMESTAMP(6) WHERE "
               "store_id = :s AND product_id = :p",
        soci::use(quantity), soci::use(average), soci::use(movement_id),
        soci::use(business_time), soci::use(store_id), soci::use(product_id);
    average_cost_[key] = change.average_cost_minor;
  }
  // Every lot row exists by now: the upsert is an update by id, one
  // statement for all of them.
  MultiInsert lot_changes(
      "INSERT INTO stock_lots (id, store_id, product_id, lot_code, "
      "expiry_date, quantity_milli, create_time, update_time)",
      6, "(?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
      "ON DUPLICATE KEY UPDATE quantity_milli = quantity_milli + "
      "VALUES(quantity_milli), update_time = VALUES(update_time)");
  for (const auto& [id, lot] : lots) {
    if (lot.change == 0) continue;
    MultiInsert::Value expiry = lot.ref.expiry_date.empty()
                                    ? MultiInsert::Value(std::nullopt)
                                    : MultiInsert::Value(lot.ref.expiry_date);
    lot_changes.AddRow({static_cast<long long>(id),
                        static_cast<long long>(lot.store_id),
                        static_cast<long long>(lot.product_id), lot.ref.code,
                        expiry, static_cast<long long>(lot.change)});
  }
  lot_changes.Execute(session);
  movement_lots.Execute(session);
  flushed_.clear();
}

std::int64_t StockLedger::AverageUnitCost(std::int64_t store_id,
                                          std::int64_t product_id) const {
  auto it = average_cost_.find({store_id, product_id});
  return it == average_cost_.end() ? 0 : it->second;
}

}  // namespace backoffice::storage
