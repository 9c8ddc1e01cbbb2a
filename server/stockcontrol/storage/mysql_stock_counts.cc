// Stock counts: opened with the book quantities frozen, counted entry by
// entry beside the book quantity of each moment, posted through the stock
// posting component by the variances, with a second person above the
// store's threshold.
#include "stockcontrol/storage/mysql_stock_counts.h"

#include <cstdlib>
#include <limits>
#include <map>
#include <set>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "inventory/domain/lots.h"
#include "inventory/storage/stock_posting.h"
#include "stockcontrol/domain/count_rules.h"

namespace backoffice::storage {

using domain::CountApprovalLevel;
using domain::CountLine;
using domain::CountState;
using domain::CountStep;
using domain::RequestContext;
using domain::StockCount;
using domain::TimeMicros;

namespace {

const std::string kSelectCount =
    std::string(
        "SELECT c.id, st.code, c.count_id, c.currency_code, c.state, "
        "c.whole_store, c.note, c.line_count, (SELECT COUNT(*) FROM "
        "stock_count_lines l WHERE l.count_pk = c.id AND l.counted_milli IS "
        "NOT NULL), c.variance_value_minor, c.net_variance_value_minor, "
        "IFNULL(c.approval_level, ''), c.opened_by, IFNULL(c.post_requested_by, "
        "''), IFNULL(c.decided_by, ''), c.decision_reason, ") +
    BO_MICROS("c.open_time") ", IFNULL(" BO_MICROS(
        "c.post_time") ", 0) FROM stock_counts c JOIN stores st ON st.id = "
                       "c.store_id";

StockCount ReadCount(const soci::row& r) {
  StockCount c;
  c.sequence = GetInt64(r, 0);
  c.store_code = GetString(r, 1);
  c.count_id = GetString(r, 2);
  c.currency_code = GetString(r, 3);
  c.state = domain::CountStateFromName(GetString(r, 4));
  c.whole_store = GetBool(r, 5);
  c.note = GetString(r, 6);
  c.line_count = static_cast<int>(GetInt64(r, 7));
  c.counted_count = static_cast<int>(GetInt64(r, 8));
  c.variance_value_minor = GetInt64(r, 9);
  c.net_variance_value_minor = GetInt64(r, 10);
  c.approval_level = domain::CountApprovalLevelFromName(GetString(r, 11));
  c.opened_by = GetString(r, 12);
  c.post_requested_by = GetString(r, 13);
  c.decided_by = GetString(r, 14);
  c.decision_reason = GetString(r, 15);
  c.open_time = GetInt64(r, 16);
  c.post_time = GetInt64(r, 17);
  return c;
}

std::vector<std::string> CountersOf(soci::session& s, long long pk) {
  return QueryAll(
      s,
      "SELECT DISTINCT counted_by FROM stock_count_entries WHERE count_pk = "
      ":pk ORDER BY counted_by",
      +[](const soci::row& r) { return GetString(r, 0); }, pk);
}

StockCount RequireCount(soci::session& s, long long pk) {
  auto row = QueryOne(s, kSelectCount + " WHERE c.id = :pk", &ReadCount, pk);
  if (!row) {
    Fail(domain::Internal("COUNT_VANISHED",
                          "a recorded count could not be read"));
  }
  row->counted_by = CountersOf(s, pk);
  return *row;
}

// A line's variance valued at `unit_cost_minor`, signed.
std::int64_t ValueOfVariance(std::int64_t variance_milli,
                             std::int64_t unit_cost_minor) {
  const std::int64_t value =
      domain::CostOfQuantity(std::llabs(variance_milli), unit_cost_minor);
  return variance_milli < 0 ? -value : value;
}

// The count's lines, each valued at the cost written when posting was
// asked (or posted), or before that at today's cost.
std::vector<CountLine> LoadLines(soci::session& s, long long pk,
                                 long long store_id) {
  auto lines = QueryAll(
      s,
      "SELECT l.line_number, p.sku, l.frozen_milli, l.counted_milli IS NOT "
      "NULL, IFNULL(l.counted_milli, 0), l.moved_since_open_milli, "
      "l.unit_cost_minor, IFNULL(l.counted_by, ''), l.entries, "
      "IFNULL(" BO_MICROS("l.count_time") ", 0), "
      "IFNULL(b.average_unit_cost_minor, 0) FROM stock_count_lines l JOIN "
      "products p ON p.id = l.product_id LEFT JOIN stock_balances b ON "
      "b.store_id = :s AND b.product_id = l.product_id WHERE l.count_pk = "
      ":pk ORDER BY l.line_number",
      +[](const soci::row& r) {
        CountLine l;
        l.line_number = static_cast<int>(GetInt64(r, 0));
        l.sku = GetString(r, 1);
        l.frozen_milli = GetInt64(r, 2);
        l.counted = GetBool(r, 3);
        l.counted_milli = GetInt64(r, 4);
        l.moved_since_open_milli = GetInt64(r, 5);
        l.unit_cost_minor = GetInt64(r, 6);
        l.counted_by = GetString(r, 7);
        l.entries = static_cast<int>(GetInt64(r, 8));
        l.count_time = GetInt64(r, 9);
        const std::int64_t today_cost = GetInt64(r, 10);
        if (l.unit_cost_minor == 0) l.unit_cost_minor = today_cost;
        return l;
      },
      store_id, pk);
  for (auto& l : lines) {
    if (!l.counted) continue;
    l.variance_milli = domain::CountVariance(l.counted_milli, l.frozen_milli,
                                             l.moved_since_open_milli);
    l.variance_value_minor =
        ValueOfVariance(l.variance_milli, l.unit_cost_minor);
  }
  return lines;
}

// What one entry recorded, line by line: its counted quantity beside the
// book of its moment, its counter, and how many entries the product had
// up to it; valued at today's cost. A replay of the entry answers this,
// whatever recounts came after it.
std::vector<CountLine> LoadEntryLines(soci::session& s, long long pk,
                                      long long store_id, long long entry_pk) {
  auto lines = QueryAll(
      s,
      "SELECT l.line_number, p.sku, l.frozen_milli, e.counted_milli, "
      "e.book_milli - l.frozen_milli, en.counted_by, (SELECT COUNT(*) FROM "
      "stock_count_entry_lines e2 JOIN stock_count_entries en2 ON en2.id = "
      "e2.entry_pk WHERE en2.count_pk = l.count_pk AND e2.product_id = "
      "l.product_id AND e2.entry_pk <= e.entry_pk), " BO_MICROS(
          "en.entry_time") ", IFNULL(b.average_unit_cost_minor, 0) FROM "
                           "stock_count_entry_lines e JOIN "
                           "stock_count_entries en ON en.id = e.entry_pk "
                           "JOIN stock_count_lines l ON l.count_pk = :pk AND "
                           "l.product_id = e.product_id JOIN products p ON "
                           "p.id = l.product_id LEFT JOIN stock_balances b "
                           "ON b.store_id = :s AND b.product_id = "
                           "l.product_id WHERE e.entry_pk = :e ORDER BY "
                           "l.line_number",
      +[](const soci::row& r) {
        CountLine l;
        l.line_number = static_cast<int>(GetInt64(r, 0));
        l.sku = GetString(r, 1);
        l.frozen_milli = GetInt64(r, 2);
        l.counted = true;
        l.counted_milli = GetInt64(r, 3);
        l.moved_since_open_milli = GetInt64(r, 4);
        l.counted_by = GetString(r, 5);
        l.entries = static_cast<int>(GetInt64(r, 6));
        l.count_time = GetInt64(r, 7);
        l.unit_cost_minor = GetInt64(r, 8);
        return l;
      },
      pk, store_id, entry_pk);
  for (auto& l : lines) {
    l.variance_milli = domain::CountVariance(l.counted_milli, l.frozen_milli,
                                             l.moved_since_open_milli);
    l.variance_value_minor =
        ValueOfVariance(l.variance_milli, l.unit_cost_minor);
  }
  return lines;
}

std::optional<StoredDocument> FindCount(soci::session& s, long long store_id,
                                        const std::string& id, KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM stock_counts WHERE store_id = "
                  ":s AND count_id = :i") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, id);
}

Status CountNotFound(const std::string& store, const std::string& id) {
  return domain::NotFound("COUNT_NOT_FOUND",
                          "count " + id + " not found in store " + store);
}

domain::CountThresholds ThresholdsOf(soci::session& s, long long store_id) {
  domain::CountThresholds t;
  auto row = QueryOne(
      s,
      "SELECT count_approval_threshold_minor, "
      "count_head_office_threshold_minor FROM inventory_settings WHERE "
      "store_id = :s",
      +[](const soci::row& r) {
        return domain::CountThresholds{GetInt64(r, 0), GetInt64(r, 1)};
      },
      store_id);
  return row.value_or(t);
}

// A line whose variance moves stock, with its balance row locked.
struct VarianceLine {
  long long line_number = 0;
  long long product_id = 0;
  long long variance_milli = 0;
  long long unit_cost_minor = 0;
  int sell_by_margin_days = 0;
};

// The lines that posting moves: those with a variance, and (with
// `uncounted_as_zero`) those nobody counted, which are found at zero now.
// Their balance rows are locked first, in product order (the posting
// component's order, driven by the lines' (count, product) key), before
// anything is read or written of them; the uncounted lines are then
// written as counted zero against the book as it stands. Valued at the
// cost the balance rows hold now. The products' sell-by margins are a
// plain read: a count never locks the catalog.
std::vector<VarianceLine> LockForPosting(soci::session& s, long long pk,
                                         long long store_id,
                                         bool uncounted_as_zero,
                                         const std::string& by,
                                         TimeMicros now) {
  struct Locked {
    long long line_number, product_id, frozen, on_hand, cost;
    bool counted;
    long long variance;
  };
  const std::vector<Locked> rows = QueryAll(
      s,
      "SELECT l.line_number, l.product_id, l.frozen_milli, "
      "IFNULL(b.on_hand_milli, 0), IFNULL(b.average_unit_cost_minor, 0), "
      "l.counted_milli IS NOT NULL, IFNULL(l.counted_milli - l.frozen_milli - "
      "l.moved_since_open_milli, 0) FROM stock_count_lines l FORCE INDEX "
      "(uk_stock_count_lines_product) LEFT JOIN stock_balances b ON "
      "b.store_id = :s AND b.product_id = l.product_id WHERE l.count_pk = "
      ":pk AND (l.counted_milli IS NULL OR l.counted_milli - l.frozen_milli "
      "- l.moved_since_open_milli <> 0) ORDER BY l.product_id FOR UPDATE",
      +[](const soci::row& r) {
        return Locked{GetInt64(r, 0), GetInt64(r, 1), GetInt64(r, 2),
                      GetInt64(r, 3), GetInt64(r, 4), GetBool(r, 5),
                      GetInt64(r, 6)};
      },
      store_id, pk);
  std::vector<VarianceLine> lines;
  MultiInsert zeroed(
      "INSERT INTO stock_count_lines (count_pk, line_number, product_id, "
      "frozen_milli, counted_milli, moved_since_open_milli, counted_by, "
      "count_time)",
      8, "(?, ?, ?, ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, ?, '1970-01-01'))",
      " ON DUPLICATE KEY UPDATE counted_milli = VALUES(counted_milli), "
      "moved_since_open_milli = VALUES(moved_since_open_milli), counted_by = "
      "VALUES(counted_by), count_time = VALUES(count_time)");
  for (const auto& row : rows) {
    long long variance = row.variance;
    if (!row.counted) {
      if (!uncounted_as_zero) continue;
      // Nothing on the shelf: the whole book at this moment is missing.
      zeroed.AddRow({pk, row.line_number, row.product_id, row.frozen, 0LL,
                     row.on_hand - row.frozen, by,
                     static_cast<long long>(now)});
      variance = -row.on_hand;
    }
    if (variance == 0) continue;
    lines.push_back({row.line_number, row.product_id, variance, row.cost, 0});
  }
  zeroed.Execute(s);
  std::map<long long, int> margins;
  for (const auto& [product, margin] : QueryAll(
           s,
           "SELECT p.id, p.sell_by_margin_days FROM stock_count_lines l JOIN "
           "products p ON p.id = l.product_id WHERE l.count_pk = :pk AND "
           "l.counted_milli - l.frozen_milli - l.moved_since_open_milli <> 0",
           +[](const soci::row& r) {
             return std::make_pair(GetInt64(r, 0),
                                   static_cast<int>(GetInt64(r, 1)));
           },
           pk)) {
    margins[product] = margin;
  }
  for (auto& v : lines) v.sell_by_margin_days = margins[v.product_id];
  return lines;
}

// Writes each variance line's cost and value (every other line's to 0, so
// that nothing of an earlier posting request stays), and the totals.
void WriteValues(soci::session& s, long long pk,
                 const std::vector<VarianceLine>& lines) {
  s << "UPDATE stock_count_lines SET unit_cost_minor = 0, "
       "variance_value_minor = 0 WHERE count_pk = :pk AND "
       "(unit_cost_minor <> 0 OR variance_value_minor <> 0)",
      soci::use(pk);
  long long total = 0, net = 0;
  MultiInsert update(
      "INSERT INTO stock_count_lines (count_pk, line_number, product_id, "
      "frozen_milli, unit_cost_minor, variance_value_minor)",
      6, "",
      " ON DUPLICATE KEY UPDATE unit_cost_minor = VALUES(unit_cost_minor), "
      "variance_value_minor = VALUES(variance_value_minor)");
  for (const auto& v : lines) {
    const long long value =
        ValueOfVariance(v.variance_milli, v.unit_cost_minor);
    total += std::llabs(value);
    net += value;
    update.AddRow(
        {pk, v.line_number, v.product_id, 0LL, v.unit_cost_minor, value});
  }
  update.Execute(s);
  s << "UPDATE stock_counts SET variance_value_minor = :v, "
       "net_variance_value_minor = :n WHERE id = :pk",
      soci::use(total), soci::use(net), soci::use(pk);
}

long long TotalValue(const std::vector<VarianceLine>& lines) {
  long long total = 0;
  for (const auto& v : lines) {
    total += std::llabs(ValueOfVariance(v.variance_milli, v.unit_cost_minor));
  }
  return total;
}

void PostVariances(soci::session& s, const StoreRow& store, long long pk,
                   const std::string& count_id,
                   const std::vector<VarianceLine>& lines, TimeMicros now) {
  std::vector<StockLine> stock_lines;
  for (const auto& v : lines) {
    StockLine line;
    line.line_number = static_cast<int>(v.line_number);
    line.product_id = v.product_id;
    line.quantity_milli = v.variance_milli;
    line.sell_by_margin_days = v.sell_by_margin_days;
    stock_lines.push_back(std::move(line));
  }
  StockLedger ledger;
  ledger.Post({domain::MovementType::kStockCount, "COUNT", store.id, pk,
               count_id, now, now, domain::DayInZone(now, store.time_zone)},
              stock_lines);
  ledger.FlushMovements(s);
  ledger.ApplyBalances(s);
  long long at = now;
  s << "UPDATE stock_counts SET state = 'POSTED', post_time = "
       "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = :pk",
      soci::use(at), soci::use(pk);
  s << "DELETE FROM stock_count_open_products WHERE count_pk = :pk",
      soci::use(pk);
}

}  // namespace

StatusOr<domain::CountOutcome> MySqlStockCountRepository::OpenCount(
    const domain::NewStockCount& in, const std::string& fingerprint,
    TimeMicros now, const RequestContext& ctx) {
  domain::CountOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, in.store_code);
    const ClientDocument document(
        "count", in.count_id, fingerprint, "uk_stock_counts_id",
        [&](KeyRead read) { return FindCount(s, store.id, in.count_id, read); },
        [&](long long pk) {
          outcome.count = RequireCount(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    // Each product with its book as it stands (a plain read: what commits
    // after it shows in the entries as moved since the opening).
    struct Product {
      long long id;
      std::string sku;
      long long book;
    };
    std::vector<Product> products;
    if (in.skus.empty()) {
      products = QueryAll(
          s,
          "SELECT p.id, p.sku, b.on_hand_milli FROM stock_balances b JOIN "
          "products p ON p.id = b.product_id WHERE b.store_id = :s ORDER BY "
          "p.sku",
          +[](const soci::row& r) {
            return Product{GetInt64(r, 0), GetString(r, 1), GetInt64(r, 2)};
          },
          store.id);
      if (products.empty()) {
        return domain::FailedPrecondition(
            "COUNT_EMPTY", "store " + store.code + " holds no stock to count");
      }
    } else {
      products = QueryIn(
          s,
          "SELECT p.id, p.sku, IFNULL(b.on_hand_milli, 0) FROM products p "
          "LEFT JOIN stock_balances b ON b.store_id = :s AND b.product_id = "
          "p.id WHERE p.sku IN ({in}) ORDER BY p.sku",
          +[](const soci::row& r) {
            return Product{GetInt64(r, 0), GetString(r, 1), GetInt64(r, 2)};
          },
          in.skus, {std::to_string(store.id)});
      if (products.size() != in.skus.size()) {
        std::set<std::string> found;
        for (const auto& p : products) found.insert(p.sku);
        for (const auto& sku : in.skus) {
          if (found.count(sku) == 0) {
            return domain::NotFound("PRODUCT_NOT_FOUND",
                                    "product " + sku + " not found");
          }
        }
      }
    }
    long long pk = 0;
    if (auto concurrent = document.Insert([&] {
          MultiInsert header(
              "INSERT INTO stock_counts (store_id, count_id, fingerprint, "
              "state, whole_store, note, currency_code, line_count, "
              "opened_by, opened_by_name, open_time)",
              11,
              "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, ?, "
              "'1970-01-01'))");
          header.AddRow(
              {store.id, in.count_id, fingerprint, std::string("OPEN"),
               in.skus.empty() ? 1LL : 0LL, in.note, store.currency_code,
               static_cast<long long>(products.size()),
               domain::FormatTokenId(ctx.principal.token_id),
               ctx.principal.display_name, static_cast<long long>(now)});
          header.Execute(s);
          pk = LastInsertId(s);
        })) {
      return *concurrent;
    }
    MultiInsert lines(
        "INSERT INTO stock_count_lines (count_pk, line_number, product_id, "
        "frozen_milli)",
        4);
    for (std::size_t i = 0; i < products.size(); ++i) {
      lines.AddRow({pk, static_cast<long long>(i + 1), products[i].id,
                    products[i].book});
    }
    lines.Execute(s);
    try {
      s << "INSERT INTO stock_count_open_products (store_id, product_id, "
           "count_pk) SELECT :s, product_id, :pk FROM stock_count_lines "
           "WHERE count_pk = :pk2",
          soci::use(store.id), soci::use(pk), soci::use(pk);
    } catch (const soci::soci_error& e) {
      if (!IsDuplicateOf(e, "PRIMARY")) throw;
      auto other = QueryOne(
          s,
          "SELECT p.sku, c.count_id FROM stock_count_lines l JOIN "
          "stock_count_open_products o ON o.store_id = :s AND o.product_id = "
          "l.product_id JOIN stock_counts c ON c.id = o.count_pk JOIN "
          "products p ON p.id = l.product_id WHERE l.count_pk = :pk LIMIT 1 "
          "LOCK IN SHARE MODE",
          +[](const soci::row& r) {
            return std::make_pair(GetString(r, 0), GetString(r, 1));
          },
          store.id, pk);
      return domain::FailedPrecondition(
          "COUNT_ALREADY_OPEN",
          other
              ? "product " + other->first + " is in open count " + other->second
              : std::string("a product is in another open count"));
    }
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"stock_count_opening", in.count_id, store.code});
    outcome.count = RequireCount(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::CountEntryOutcome> MySqlStockCountRepository::EnterCount(
    const domain::CountEntry& in, const std::string& fingerprint,
    const std::function<Status(const StockCount&)>& check, TimeMicros now,
    const RequestContext& ctx) {
  domain::CountEntryOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, in.store_code);
    auto found = FindCount(s, store.id, in.count_id, KeyRead::kForUpdate);
    if (!found) return CountNotFound(store.code, in.count_id);
    const long long pk = found->pk;
    const ClientDocument document(
        "count entry", in.entry_id, fingerprint, "uk_stock_count_entries_id",
        [&](KeyRead read) {
          return QueryOne(
              s,
              std::string("SELECT id, fingerprint FROM stock_count_entries "
                          "WHERE count_pk = :c AND entry_id = :e") +
                  KeyReadSuffix(read),
              +[](const soci::row& r) {
                return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
              },
              pk, in.entry_id);
        },
        [&](long long entry_pk) {
          outcome.currency_code = store.currency_code;
          outcome.lines = LoadEntryLines(s, pk, store.id, entry_pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    BO_RETURN_IF_ERROR(check(RequireCount(s, pk)));
    std::vector<std::string> skus;
    for (const auto& l : in.lines) skus.push_back(l.sku);
    struct Line {
      long long line_number, product_id;
      std::string sku;
    };
    std::map<std::string, Line> lines;
    for (auto& l :
         QueryIn(s,
                 "SELECT l.line_number, l.product_id, p.sku FROM "
                 "stock_count_lines l JOIN products p ON p.id = l.product_id "
                 "WHERE l.count_pk = :c AND p.sku IN ({in})",
                 +[](const soci::row& r) {
                   return Line{GetInt64(r, 0), GetInt64(r, 1), GetString(r, 2)};
                 },
                 skus, {std::to_string(pk)})) {
      lines[l.sku] = l;
    }
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
      if (lines.count(in.lines[i].sku) == 0) {
        return domain::NotFound("COUNT_LINE_NOT_FOUND", "count " + in.count_id +
                                                            " does not count " +
                                                            in.lines[i].sku)
            .WithMetadata("line_number", std::to_string(i + 1));
      }
    }
    long long entry_pk = 0;
    const std::string by = domain::FormatTokenId(ctx.principal.token_id);
    if (auto concurrent = document.Insert([&] {
          MultiInsert header(
              "INSERT INTO stock_count_entries (count_pk, entry_id, "
              "fingerprint, counted_by, counted_by_name, entry_time)",
              6, "(?, ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, ?, '1970-01-01'))");
          header.AddRow({pk, in.entry_id, fingerprint, by,
                         ctx.principal.display_name,
                         static_cast<long long>(now)});
          header.Execute(s);
          entry_pk = LastInsertId(s);
        })) {
      return *concurrent;
    }
    // The book quantity at this moment (a plain read): sales and receipts
    // since the opening are in it, so the variance is only what nothing
    // explains.
    std::vector<std::string> product_ids;
    for (const auto& [sku, line] : lines) {
      product_ids.push_back(std::to_string(line.product_id));
    }
    std::map<long long, long long> book;
    for (const auto& [product, on_hand] :
         QueryIn(s,
                 "SELECT product_id, on_hand_milli FROM stock_balances WHERE "
                 "store_id = :s AND product_id IN ({in})",
                 +[](const soci::row& r) {
                   return std::make_pair(GetInt64(r, 0), GetInt64(r, 1));
                 },
                 product_ids, {std::to_string(store.id)})) {
      book[product] = on_hand;
    }
    MultiInsert entry_lines(
        "INSERT INTO stock_count_entry_lines (entry_pk, product_id, "
        "line_number, counted_milli, book_milli)",
        5);
    for (const auto& l : in.lines) {
      const Line& line = lines[l.sku];
      entry_lines.AddRow({entry_pk, line.product_id, line.line_number,
                          static_cast<long long>(l.counted_milli),
                          book[line.product_id]});
    }
    entry_lines.Execute(s);
    long long at = now;
    s << "UPDATE stock_count_lines l JOIN stock_count_entry_lines e ON "
         "e.entry_pk = :e AND e.product_id = l.product_id SET l.counted_milli "
         "= e.counted_milli, l.moved_since_open_milli = e.book_milli - "
         "l.frozen_milli, l.counted_by = :by, l.entries = l.entries + 1, "
         "l.count_time = TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE "
         "l.count_pk = :c",
        soci::use(entry_pk), soci::use(by), soci::use(at), soci::use(pk);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"stock_count_entry", in.count_id + "/" + in.entry_id,
                           store.code});
    outcome.currency_code = store.currency_code;
    outcome.lines = LoadEntryLines(s, pk, store.id, entry_pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<StockCount> MySqlStockCountRepository::AdvanceCount(
    const std::string& store_code, const std::string& count_id, CountStep step,
    const std::string& reason, bool uncounted_as_zero,
    const std::function<Status(const StockCount&)>& check, TimeMicros now,
    const RequestContext& ctx) {
  StockCount result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindCount(s, store.id, count_id, KeyRead::kForUpdate);
    if (!found) return CountNotFound(store.code, count_id);
    const long long pk = found->pk;
    StockCount count = RequireCount(s, pk);
    const std::string me = domain::FormatTokenId(ctx.principal.token_id);
    // A step sent again finds the count where it leads; it is answered
    // only to whom the step itself would be allowed.
    std::optional<CountState> before;
    if (step == CountStep::kPost &&
        (count.state == CountState::kPendingApproval ||
         (count.state == CountState::kPosted &&
          count.approval_level == CountApprovalLevel::kNone))) {
      before = CountState::kOpen;
    } else if (step == CountStep::kApprove &&
               count.state == CountState::kPosted &&
               count.approval_level != CountApprovalLevel::kNone) {
      before = CountState::kPendingApproval;
    } else if (step == CountStep::kReject && count.state == CountState::kOpen &&
               count.decided_by == me && count.decision_reason == reason) {
      before = CountState::kPendingApproval;
    } else if (step == CountStep::kCancel &&
               count.state == CountState::kCancelled) {
      before = CountState::kOpen;
    }
    if (before) {
      StockCount earlier = count;
      earlier.state = *before;
      if (step == CountStep::kApprove || step == CountStep::kReject) {
        earlier.post_requested_by = count.post_requested_by;
      }
      BO_RETURN_IF_ERROR(check(earlier));
      result = std::move(count);
      return Status();
    }
    BO_RETURN_IF_ERROR(check(count));
    long long row = pk;
    long long at = now;
    std::string audit;
    if (step == CountStep::kPost) {
      if (count.counted_count < count.line_count && !uncounted_as_zero) {
        auto first = QueryOne(
            s,
            "SELECT p.sku FROM stock_count_lines l JOIN products p ON p.id = "
            "l.product_id WHERE l.count_pk = :pk AND l.counted_milli IS NULL "
            "ORDER BY l.line_number LIMIT 1",
            +[](const soci::row& r) { return GetString(r, 0); }, row);
        return domain::FailedPrecondition(
                   "COUNT_INCOMPLETE",
                   std::to_string(count.line_count - count.counted_count) +
                       " products are not counted (first " +
                       first.value_or("?") +
                       "); count them or post them as zero")
            .WithMetadata("uncounted", std::to_string(count.line_count -
                                                      count.counted_count));
      }
      const std::vector<VarianceLine> variances =
          LockForPosting(s, pk, store.id, uncounted_as_zero, me, now);
      WriteValues(s, pk, variances);
      const CountApprovalLevel level = domain::RequiredCountApproval(
          TotalValue(variances), ThresholdsOf(s, store.id));
      std::string level_name = domain::CountApprovalLevelName(level);
      s << "UPDATE stock_counts SET approval_level = :l, post_requested_by = "
           ":by, post_requested_by_name = :byn, post_request_time = "
           "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = :pk",
          soci::use(level_name), soci::use(me),
          soci::use(ctx.principal.display_name), soci::use(at), soci::use(row);
      if (level == CountApprovalLevel::kNone) {
        PostVariances(s, store, pk, count_id, variances, now);
        audit = "stock_count_posting";
      } else {
        s << "UPDATE stock_counts SET state = 'PENDING_APPROVAL' WHERE id = "
             ":pk",
            soci::use(row);
        audit = "stock_count_post_request";
      }
    } else if (step == CountStep::kApprove) {
      // Valued again at the cost it posts at: a count that is now worth
      // more than the head-office threshold needs head office, whoever
      // approved it at the lower level.
      const std::vector<VarianceLine> variances =
          LockForPosting(s, pk, store.id, false, me, now);
      const CountApprovalLevel now_needed = domain::RequiredCountApproval(
          TotalValue(variances), ThresholdsOf(s, store.id));
      if (now_needed == CountApprovalLevel::kHeadOffice &&
          count.approval_level != CountApprovalLevel::kHeadOffice) {
        StockCount raised = count;
        raised.approval_level = CountApprovalLevel::kHeadOffice;
        BO_RETURN_IF_ERROR(check(raised));
        s << "UPDATE stock_counts SET approval_level = 'HEAD_OFFICE' WHERE "
             "id = :pk",
            soci::use(row);
      }
      WriteValues(s, pk, variances);
      PostVariances(s, store, pk, count_id, variances, now);
      audit = "stock_count_approval";
    } else {
      const bool cancel = step == CountStep::kCancel;
      std::string state = cancel ? "CANCELLED" : "OPEN";
      std::string why = reason;
      s << "UPDATE stock_counts SET state = :st, approval_level = NULL, "
           "decision_reason = :r, variance_value_minor = 0, "
           "net_variance_value_minor = 0 WHERE id = :pk",
          soci::use(state), soci::use(why), soci::use(row);
      // Nothing of the refused posting stays: its values, and the lines it
      // took as counted zero are uncounted again.
      WriteValues(s, pk, {});
      s << "UPDATE stock_count_lines SET counted_milli = NULL, "
           "moved_since_open_milli = 0, counted_by = NULL, count_time = NULL "
           "WHERE count_pk = :pk AND entries = 0 AND counted_milli IS NOT NULL",
          soci::use(row);
      if (cancel) {
        s << "DELETE FROM stock_count_open_products WHERE count_pk = :pk",
            soci::use(row);
      }
      audit = cancel ? "stock_count_cancellation" : "stock_count_rejection";
    }
    if (step != CountStep::kPost) {
      s << "UPDATE stock_counts SET decided_by = :by, decided_by_name = "
           ":byn, decide_time = TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') "
           "WHERE id = :pk",
          soci::use(me), soci::use(ctx.principal.display_name), soci::use(at),
          soci::use(row);
    }
    AppendAudit(s, &ctx, domain::AuditEntry{audit, count_id, store.code});
    result = RequireCount(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<StockCount> MySqlStockCountRepository::GetCount(
    const std::string& store_code, const std::string& count_id) {
  StockCount result;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindCount(s, store.id, count_id, KeyRead::kSnapshot);
    if (!found) return CountNotFound(store.code, count_id);
    result = RequireCount(s, found->pk);
    result.lines = LoadLines(s, found->pk, store.id);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<std::vector<StockCount>> MySqlStockCountRepository::ListCounts(
    const std::string& store_code, CountState state,
    const domain::PageRequest& page) {
  std::vector<StockCount> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long any_state = state == CountState::kUnspecified ? 1 : 0;
    std::string wanted = domain::CountStateName(state);
    long long limit = page.page_size + 1;
    items = QueryAll(s,
                     kSelectCount +
                         " WHERE c.store_id = :s AND c.id < :before AND "
                         "(:any = 1 OR c.state = :st) ORDER BY c.id DESC "
                         "LIMIT :lim",
                     &ReadCount, store.id, before, any_state, wanted, limit);
    for (auto& c : items) c.counted_by = CountersOf(s, c.sequence);
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

}  // namespace backoffice::storage
