// Transfers between stores: sent through the stock posting component at
// the sending store, in transit, received once at the other store at the
// cost they travelled at, and a difference resolved by a second person.
#include "stockcontrol/storage/mysql_stock_transfers.h"

#include <algorithm>
#include <limits>
#include <map>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "inventory/domain/lots.h"
#include "inventory/storage/stock_posting.h"
#include "stockcontrol/domain/transfer_rules.h"

namespace backoffice::storage {

using domain::RequestContext;
using domain::StockTransfer;
using domain::TimeMicros;
using domain::TransferLine;
using domain::TransferResolution;
using domain::TransferState;

namespace {

const std::string kSelectTransfer =
    std::string(
        "SELECT t.id, fs.code, t.transfer_id, ts.code, t.currency_code, "
        "t.state, t.note, t.total_cost_minor, t.difference_cost_minor, "
        "t.sent_by, IFNULL(t.received_by, ''), IFNULL(t.resolved_by, ''), "
        "IFNULL(t.resolution, ''), t.resolution_reason, ") +
    BO_MICROS("t.send_time") ", IFNULL(" BO_MICROS(
        "t.receive_time") ", 0), IFNULL(" BO_MICROS("t.resolve_time") ", 0), "
                          "t.from_store_id, t.to_store_id FROM "
                          "stock_transfers t JOIN stores fs ON fs.id = "
                          "t.from_store_id JOIN stores ts ON ts.id = "
                          "t.to_store_id";

// A transfer's row with the ids the writes need.
struct TransferRow {
  StockTransfer transfer;
  long long from_store_id = 0;
  long long to_store_id = 0;
};

TransferRow ReadTransfer(const soci::row& r) {
  TransferRow out;
  StockTransfer& t = out.transfer;
  t.sequence = GetInt64(r, 0);
  t.from_store_code = GetString(r, 1);
  t.transfer_id = GetString(r, 2);
  t.to_store_code = GetString(r, 3);
  t.currency_code = GetString(r, 4);
  t.state = domain::TransferStateFromName(GetString(r, 5));
  t.note = GetString(r, 6);
  t.total_cost_minor = GetInt64(r, 7);
  t.difference_cost_minor = GetInt64(r, 8);
  t.sent_by = GetString(r, 9);
  t.received_by = GetString(r, 10);
  t.resolved_by = GetString(r, 11);
  t.resolution = domain::TransferResolutionFromName(GetString(r, 12));
  t.resolution_reason = GetString(r, 13);
  t.send_time = GetInt64(r, 14);
  t.receive_time = GetInt64(r, 15);
  t.resolve_time = GetInt64(r, 16);
  out.from_store_id = GetInt64(r, 17);
  out.to_store_id = GetInt64(r, 18);
  return out;
}

// A line as stored, with the ids posting needs.
struct StoredLine {
  long long product_id = 0;
  int sell_by_margin_days = 0;
  TransferLine line;
};

// The lines of the transfers `pks` (one query for the lines, one for
// their lots), by transfer.
std::map<long long, std::vector<StoredLine>> LoadLines(
    soci::session& s, const std::vector<long long>& pks) {
  std::map<long long, std::vector<StoredLine>> out;
  if (pks.empty()) return out;
  std::vector<std::string> ids;
  for (long long pk : pks) ids.push_back(std::to_string(pk));
  struct Row {
    long long pk;
    StoredLine line;
  };
  for (auto& row : QueryIn(
           s,
           "SELECT l.transfer_pk, l.line_number, p.sku, l.quantity_milli, "
           "l.unit_cost_minor, l.line_cost_minor, l.received_milli, "
           "l.damaged_milli, l.quantity_milli - l.received_milli - "
           "l.resolved_milli, l.product_id, p.sell_by_margin_days FROM "
           "stock_transfer_lines l JOIN products p ON p.id = l.product_id "
           "WHERE l.transfer_pk IN ({in}) ORDER BY l.transfer_pk, "
           "l.line_number",
           +[](const soci::row& r) {
             Row out;
             out.pk = GetInt64(r, 0);
             TransferLine& l = out.line.line;
             l.line_number = static_cast<int>(GetInt64(r, 1));
             l.sku = GetString(r, 2);
             l.quantity_milli = GetInt64(r, 3);
             l.unit_cost_minor = GetInt64(r, 4);
             l.line_cost_minor = GetInt64(r, 5);
             l.received_milli = GetInt64(r, 6);
             l.damaged_milli = GetInt64(r, 7);
             l.in_transit_milli = GetInt64(r, 8);
             out.line.product_id = GetInt64(r, 9);
             out.line.sell_by_margin_days = static_cast<int>(GetInt64(r, 10));
             return out;
           },
           ids)) {
    out[row.pk].push_back(std::move(row.line));
  }
  struct LotOfLine {
    long long pk;
    int line_number;
    domain::TransferLot lot;
  };
  for (auto& row : QueryIn(
           s,
           "SELECT transfer_pk, line_number, lot_code, "
           "IFNULL(DATE_FORMAT(expiry_date, '%Y-%m-%d'), ''), quantity_milli "
           "FROM stock_transfer_lots WHERE transfer_pk IN ({in}) ORDER BY "
           "transfer_pk, line_number, lot_number",
           +[](const soci::row& r) {
             LotOfLine out;
             out.pk = GetInt64(r, 0);
             out.line_number = static_cast<int>(GetInt64(r, 1));
             out.lot.lot_code = GetString(r, 2);
             out.lot.expiry_date = GetString(r, 3);
             out.lot.quantity_milli = GetInt64(r, 4);
             return out;
           },
           ids)) {
    auto& lines = out[row.pk];
    if (row.line_number >= 1 &&
        row.line_number <= static_cast<int>(lines.size())) {
      lines[row.line_number - 1].line.lots.push_back(std::move(row.lot));
    }
  }
  return out;
}

std::vector<StoredLine> LoadLinesOf(soci::session& s, long long pk) {
  auto all = LoadLines(s, {pk});
  return std::move(all[pk]);
}

std::optional<TransferRow> LoadTransfer(soci::session& s, long long pk) {
  auto row =
      QueryOne(s, kSelectTransfer + " WHERE t.id = :pk", &ReadTransfer, pk);
  if (!row) return std::nullopt;
  for (auto& l : LoadLinesOf(s, pk)) {
    row->transfer.lines.push_back(std::move(l.line));
  }
  return row;
}

StockTransfer RequireTransfer(soci::session& s, long long pk) {
  auto row = LoadTransfer(s, pk);
  if (!row) {
    Fail(domain::Internal("TRANSFER_VANISHED",
                          "a recorded transfer could not be read"));
  }
  return std::move(row->transfer);
}

struct FoundTransfer {
  long long pk = 0;
  std::string fingerprint;
  std::string receipt_fingerprint;
  long long to_store_id = 0;
};

std::optional<FoundTransfer> FindTransfer(soci::session& s, long long store_id,
                                          const std::string& id, KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint, IFNULL(receipt_fingerprint, ''), "
                  "to_store_id FROM stock_transfers WHERE from_store_id = :s "
                  "AND transfer_id = :i") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return FoundTransfer{GetInt64(r, 0), GetString(r, 1), GetString(r, 2),
                             GetInt64(r, 3)};
      },
      store_id, id);
}

Status TransferNotFound(const std::string& from_store,
                        const std::string& transfer_id) {
  return domain::NotFound(
      "TRANSFER_NOT_FOUND",
      "transfer " + transfer_id + " of store " + from_store + " not found");
}

Status LineError(int line_number, Status status) {
  return status.WithMetadata("line_number", std::to_string(line_number));
}

// Movements into `store_id` of the first (or, with `skip`, later) part of
// each line's lots, at the cost the line travelled at.
std::vector<StockLine> IncomingLines(
    const std::vector<StoredLine>& lines,
    const std::vector<std::int64_t>& skip_milli,
    const std::vector<std::int64_t>& quantity_milli) {
  std::vector<StockLine> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (quantity_milli[i] <= 0) continue;
    const auto& stored = lines[i];
    for (const auto& lot : domain::SliceTransferLots(
             stored.line.lots, skip_milli[i], quantity_milli[i])) {
      StockLine line;
      line.line_number = stored.line.line_number;
      line.product_id = stored.product_id;
      line.quantity_milli = lot.quantity_milli;
      line.lot = LotRef{lot.lot_code, lot.expiry_date};
      line.unit_cost_minor = stored.line.unit_cost_minor;
      line.sell_by_margin_days = stored.sell_by_margin_days;
      out.push_back(std::move(line));
    }
  }
  return out;
}

}  // namespace

StatusOr<domain::TransferOutcome> MySqlStockTransferRepository::SendTransfer(
    const domain::NewStockTransfer& in, const std::string& fingerprint,
    TimeMicros now, const RequestContext& ctx) {
  domain::TransferOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow from = RequireStoreRow(s, in.from_store_code);
    const ClientDocument document(
        "transfer", in.transfer_id, fingerprint, "uk_stock_transfers_id",
        [&](KeyRead read) -> std::optional<StoredDocument> {
          auto found = FindTransfer(s, from.id, in.transfer_id, read);
          if (!found) return std::nullopt;
          return StoredDocument{found->pk, found->fingerprint};
        },
        [&](long long pk) {
          outcome.transfer = RequireTransfer(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    const StoreRow to = RequireStoreRow(s, in.to_store_code);
    if (to.currency_code != from.currency_code) {
      return domain::FailedPrecondition(
          "CURRENCY_MISMATCH", "store " + to.code + " keeps " +
                                   to.currency_code + ", store " + from.code +
                                   " " + from.currency_code);
    }
    struct Resolved {
      long long product_id = 0;
      int sell_by_margin_days = 0;
      long long lot_id = 0;  // 0: FEFO.
    };
    std::vector<Resolved> resolved;
    std::map<long long, long long> wanted_of_product;
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
      const auto& line = in.lines[i];
      const int number = static_cast<int>(i) + 1;
      auto product = QueryOne(
          s, "SELECT id, sell_by_margin_days FROM products WHERE sku = :k",
          +[](const soci::row& r) {
            return Resolved{GetInt64(r, 0), static_cast<int>(GetInt64(r, 1)),
                            0};
          },
          line.sku);
      if (!product) {
        return LineError(
            number, domain::NotFound("PRODUCT_NOT_FOUND",
                                     "product " + line.sku + " not found"));
      }
      if (!line.lot_code.empty() || !line.expiry_date.empty()) {
        const std::string expiry_key =
            line.expiry_date.empty() ? "9999-12-31" : line.expiry_date;
        auto lot = QueryOne(
            s,
            "SELECT id FROM stock_lots WHERE store_id = :s AND product_id = "
            ":p AND lot_code = :c AND expiry_key = :e",
            +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
            from.id, product->product_id, line.lot_code, expiry_key);
        if (!lot) {
          return LineError(
              number, domain::NotFound("LOT_NOT_FOUND",
                                       "store " + from.code + " has no lot '" +
                                           line.lot_code + "' of " + line.sku));
        }
        product->lot_id = *lot;
      }
      wanted_of_product[product->product_id] += line.quantity_milli;
      resolved.push_back(*product);
    }
    // The balance rows in product order, then the named lots: the posting
    // component's lock order, taken before the stock is judged.
    std::map<long long, long long> average_cost;
    for (const auto& [product_id, wanted] : wanted_of_product) {
      long long product = product_id;
      long long on_hand = 0, cost = 0;
      s << "SELECT on_hand_milli, average_unit_cost_minor FROM "
           "stock_balances WHERE store_id = :s AND product_id = :p FOR "
           "UPDATE",
          soci::use(from.id), soci::use(product), soci::into(on_hand),
          soci::into(cost);
      if (!s.got_data()) on_hand = 0, cost = 0;
      if (on_hand < wanted) {
        std::size_t index = 0;
        while (resolved[index].product_id != product_id) ++index;
        return LineError(
            static_cast<int>(index) + 1,
            domain::FailedPrecondition(
                "INSUFFICIENT_STOCK",
                "store " + from.code + " holds " + std::to_string(on_hand) +
                    " thousandths of " + in.lines[index].sku +
                    ", the transfer sends " + std::to_string(wanted)));
      }
      average_cost[product_id] = cost;
    }
    // A copy of this request that committed while this one waited for the
    // balance rows is found now, and replayed, instead of being judged
    // against the stock it took.
    if (auto recorded = document.Recorded(KeyRead::kCurrent)) return *recorded;
    // Then the products' lots, as the posting component takes them. A
    // line without a lot leaves first-expiry-first-out, which takes only
    // what is sellable today: an expired lot goes to another store only
    // when it is named, never as undated stock.
    const std::string today = domain::DayInZone(now, from.time_zone);
    std::map<long long, long long> lot_held;
    for (std::size_t i = 0; i < resolved.size(); ++i) {
      const long long product = resolved[i].product_id;
      if (i > 0 && std::any_of(resolved.begin(), resolved.begin() + i,
                               [&](const Resolved& r) {
                                 return r.product_id == product;
                               })) {
        continue;
      }
      struct LotHeld {
        long long id, quantity;
        std::string expiry;
      };
      long long sellable = 0;
      for (
          const auto& lot : QueryAll(
              s,
              "SELECT id, quantity_milli, IFNULL(DATE_FORMAT(expiry_date, "
              "'%Y-%m-%d'), '') FROM stock_lots FORCE INDEX (uk_stock_lots) "
              "WHERE store_id = :s AND product_id = :p FOR UPDATE",
              +[](const soci::row& r) {
                return LotHeld{GetInt64(r, 0), GetInt64(r, 1), GetString(r, 2)};
              },
              from.id, product)) {
        lot_held[lot.id] = lot.quantity;
        if (lot.quantity > 0 &&
            (lot.expiry.empty() ||
             domain::IsSellableOn(lot.expiry, resolved[i].sell_by_margin_days,
                                  today))) {
          sellable += lot.quantity;
        }
      }
      if (resolved[i].lot_id == 0 && sellable < wanted_of_product[product]) {
        return LineError(
            static_cast<int>(i) + 1,
            domain::FailedPrecondition(
                "INSUFFICIENT_SELLABLE_STOCK",
                "store " + from.code + " holds " + std::to_string(sellable) +
                    " sellable thousandths of " + in.lines[i].sku +
                    ", the transfer sends " +
                    std::to_string(wanted_of_product[product]) +
                    "; name an expired lot to send it"));
      }
    }
    for (std::size_t index = 0; index < resolved.size(); ++index) {
      if (resolved[index].lot_id == 0) continue;
      const long long held = lot_held[resolved[index].lot_id];
      if (held < in.lines[index].quantity_milli) {
        return LineError(
            static_cast<int>(index) + 1,
            domain::FailedPrecondition(
                "LOT_QUANTITY_SHORT",
                "lot '" + in.lines[index].lot_code + "' of " +
                    in.lines[index].sku + " holds " + std::to_string(held) +
                    " thousandths, the transfer sends " +
                    std::to_string(in.lines[index].quantity_milli)));
      }
    }
    long long total_cost = 0;
    std::vector<long long> line_costs;
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
      line_costs.push_back(domain::CostOfQuantity(
          in.lines[i].quantity_milli, average_cost[resolved[i].product_id]));
      total_cost += line_costs.back();
    }
    long long pk = 0;
    if (auto concurrent = document.Insert([&] {
          MultiInsert header(
              "INSERT INTO stock_transfers (from_store_id, transfer_id, "
              "fingerprint, to_store_id, state, note, currency_code, "
              "total_cost_minor, sent_by, sent_by_name, send_time)",
              11,
              "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, ?, "
              "'1970-01-01'))");
          header.AddRow(
              {from.id, in.transfer_id, fingerprint, to.id,
               std::string("IN_TRANSIT"), in.note, from.currency_code,
               total_cost, domain::FormatTokenId(ctx.principal.token_id),
               ctx.principal.display_name, static_cast<long long>(now)});
          header.Execute(s);
          pk = LastInsertId(s);
          MultiInsert lines(
              "INSERT INTO stock_transfer_lines (transfer_pk, line_number, "
              "product_id, quantity_milli, unit_cost_minor, line_cost_minor)",
              6);
          for (std::size_t i = 0; i < in.lines.size(); ++i) {
            lines.AddRow({pk, static_cast<long long>(i + 1),
                          resolved[i].product_id,
                          static_cast<long long>(in.lines[i].quantity_milli),
                          average_cost[resolved[i].product_id], line_costs[i]});
          }
          lines.Execute(s);
        })) {
      return *concurrent;
    }
    std::vector<StockLine> stock_lines;
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
      StockLine line;
      line.line_number = static_cast<int>(i) + 1;
      line.product_id = resolved[i].product_id;
      line.quantity_milli = -in.lines[i].quantity_milli;
      if (resolved[i].lot_id != 0) {
        line.shares.push_back({resolved[i].lot_id, line.quantity_milli});
      }
      line.sell_by_margin_days = resolved[i].sell_by_margin_days;
      stock_lines.push_back(std::move(line));
    }
    StockLedger ledger;
    ledger.Post({domain::MovementType::kTransferOut, "TRANSFER", from.id, pk,
                 in.transfer_id, now, now, today},
                stock_lines);
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    // The lots each line actually left from, first-expiry first: what the
    // receiving store's lots get.
    const std::string out_type =
        domain::MovementTypeSql(domain::MovementType::kTransferOut);
    s << "INSERT INTO stock_transfer_lots (transfer_pk, line_number, "
         "lot_number, lot_code, expiry_date, quantity_milli) SELECT "
         "m.document_pk, m.document_line, ROW_NUMBER() OVER (PARTITION BY "
         "m.document_line ORDER BY lt.expiry_key, lt.lot_code, lt.id), "
         "lt.lot_code, lt.expiry_date, -ml.quantity_milli FROM "
         "stock_movements m JOIN stock_movement_lots ml ON ml.movement_id = "
         "m.id JOIN stock_lots lt ON lt.id = ml.lot_id WHERE m.movement_type "
         "= " +
             out_type + " AND m.document_pk = :pk AND ml.quantity_milli < 0",
        soci::use(pk);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"stock_transfer", in.transfer_id, from.code});
    outcome.transfer = RequireTransfer(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::TransferOutcome> MySqlStockTransferRepository::ReceiveTransfer(
    const domain::TransferReceipt& receipt, TimeMicros now,
    const RequestContext& ctx) {
  domain::TransferOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow to = RequireStoreRow(s, receipt.to_store_code);
    const StoreRow from = RequireStoreRow(s, receipt.from_store_code);
    auto found =
        FindTransfer(s, from.id, receipt.transfer_id, KeyRead::kForUpdate);
    if (!found || found->to_store_id != to.id) {
      return TransferNotFound(from.code, receipt.transfer_id);
    }
    const long long pk = found->pk;
    StockTransfer transfer = RequireTransfer(s, pk);
    auto plan = domain::PlanTransferReceipt(transfer, receipt);
    const std::string fingerprint =
        plan.ok() ? domain::TransferReceiptFingerprint(receipt, *plan) : "";
    if (transfer.state != TransferState::kInTransit) {
      if (plan.ok() && found->receipt_fingerprint == fingerprint) {
        outcome.transfer = std::move(transfer);
        outcome.replayed = true;
        return Status();
      }
      return domain::FailedPrecondition(
                 "TRANSFER_ALREADY_RECEIVED",
                 "transfer " + receipt.transfer_id + " was received by " +
                     transfer.received_by + " with other quantities")
          .WithMetadata("state", domain::TransferStateName(transfer.state));
    }
    if (!plan.ok()) return plan.status();
    const TransferState next = domain::StateAfterReceipt(*plan, transfer);
    std::vector<StoredLine> lines = LoadLinesOf(s, pk);
    std::vector<std::int64_t> skip(lines.size(), 0), take(lines.size(), 0);
    long long difference_cost = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      take[i] = (*plan)[i].received_milli;
      difference_cost +=
          domain::CostOfQuantity(lines[i].line.quantity_milli - take[i],
                                 lines[i].line.unit_cost_minor);
    }
    StockLedger ledger;
    ledger.Post(
        {domain::MovementType::kTransferIn, "TRANSFER_RECEIVED", to.id, pk,
         receipt.transfer_id, now, now, domain::DayInZone(now, to.time_zone)},
        IncomingLines(lines, skip, take));
    ledger.FlushMovements(s);
    ledger.ApplyBalances(s);
    MultiInsert update(
        "INSERT INTO stock_transfer_lines (transfer_pk, line_number, "
        "product_id, quantity_milli, unit_cost_minor, line_cost_minor, "
        "received_milli, damaged_milli)",
        8, "",
        " ON DUPLICATE KEY UPDATE received_milli = VALUES(received_milli), "
        "damaged_milli = VALUES(damaged_milli)");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& l = lines[i].line;
      update.AddRow({pk, static_cast<long long>(l.line_number),
                     lines[i].product_id,
                     static_cast<long long>(l.quantity_milli),
                     static_cast<long long>(l.unit_cost_minor),
                     static_cast<long long>(l.line_cost_minor),
                     static_cast<long long>((*plan)[i].received_milli),
                     static_cast<long long>((*plan)[i].damaged_milli)});
    }
    update.Execute(s);
    std::string state = domain::TransferStateName(next);
    std::string by = domain::FormatTokenId(ctx.principal.token_id);
    std::string fp = fingerprint;
    long long at = now;
    long long row = pk;
    s << "UPDATE stock_transfers SET state = :st, receipt_fingerprint = :f, "
         "received_by = :by, received_by_name = :byn, receive_time = "
         "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01'), difference_cost_minor "
         "= :d WHERE id = :pk",
        soci::use(state), soci::use(fp), soci::use(by),
        soci::use(ctx.principal.display_name), soci::use(at),
        soci::use(difference_cost), soci::use(row);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"stock_transfer_receipt",
                           from.code + "/" + receipt.transfer_id, to.code});
    outcome.transfer = RequireTransfer(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<StockTransfer> MySqlStockTransferRepository::ResolveTransfer(
    const std::string& to_store_code, const std::string& from_store_code,
    const std::string& transfer_id, TransferResolution resolution,
    const std::string& reason,
    const std::function<Status(const StockTransfer&)>& check, TimeMicros now,
    const RequestContext& ctx) {
  StockTransfer result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow to = RequireStoreRow(s, to_store_code);
    const StoreRow from = RequireStoreRow(s, from_store_code);
    auto found = FindTransfer(s, from.id, transfer_id, KeyRead::kForUpdate);
    if (!found || found->to_store_id != to.id) {
      return TransferNotFound(from.code, transfer_id);
    }
    const long long pk = found->pk;
    StockTransfer transfer = RequireTransfer(s, pk);
    // Sent again after it was resolved the same way, for the same reason:
    // answered only to whom the resolution itself would be allowed.
    if (transfer.state == TransferState::kResolved &&
        transfer.resolution == resolution &&
        transfer.resolution_reason == reason) {
      StockTransfer open = transfer;
      open.state = TransferState::kDifferenceOpen;
      BO_RETURN_IF_ERROR(check(open));
      result = std::move(transfer);
      return Status();
    }
    BO_RETURN_IF_ERROR(check(transfer));
    std::vector<StoredLine> lines = LoadLinesOf(s, pk);
    std::vector<std::int64_t> skip, take;
    for (const auto& l : lines) {
      skip.push_back(l.line.received_milli);
      take.push_back(l.line.quantity_milli - l.line.received_milli);
    }
    if (resolution != TransferResolution::kWriteOff) {
      const bool back = resolution == TransferResolution::kReturnToSender;
      const StoreRow& store = back ? from : to;
      StockLedger ledger;
      ledger.Post(
          {domain::MovementType::kTransferIn,
           back ? "TRANSFER_RETURNED" : "TRANSFER_ACCEPTED", store.id, pk,
           transfer_id, now, now, domain::DayInZone(now, store.time_zone)},
          IncomingLines(lines, skip, take));
      ledger.FlushMovements(s);
      ledger.ApplyBalances(s);
    }
    long long row = pk;
    s << "UPDATE stock_transfer_lines SET resolved_milli = quantity_milli - "
         "received_milli WHERE transfer_pk = :pk",
        soci::use(row);
    std::string how = domain::TransferResolutionName(resolution);
    std::string why = reason;
    std::string by = domain::FormatTokenId(ctx.principal.token_id);
    long long at = now;
    s << "UPDATE stock_transfers SET state = 'RESOLVED', resolution = :r, "
         "resolution_reason = :why, resolved_by = :by, resolved_by_name = "
         ":byn, resolve_time = TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') "
         "WHERE id = :pk",
        soci::use(how), soci::use(why), soci::use(by),
        soci::use(ctx.principal.display_name), soci::use(at), soci::use(row);
    AppendAudit(s, &ctx,
                domain::AuditEntry{"stock_transfer_resolution",
                                   from.code + "/" + transfer_id, to.code});
    result = RequireTransfer(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<StockTransfer> MySqlStockTransferRepository::GetTransfer(
    const std::string& from_store_code, const std::string& transfer_id) {
  StockTransfer result;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow from = RequireStoreRow(s, from_store_code);
    auto found = FindTransfer(s, from.id, transfer_id, KeyRead::kSnapshot);
    if (!found) return TransferNotFound(from.code, transfer_id);
    result = RequireTransfer(s, found->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<std::vector<StockTransfer>>
MySqlStockTransferRepository::ListTransfers(const std::string& store_code,
                                            domain::TransferDirection direction,
                                            TransferState state,
                                            const domain::PageRequest& page) {
  std::vector<StockTransfer> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long outgoing =
        direction != domain::TransferDirection::kIncoming ? 1 : 0;
    long long incoming =
        direction != domain::TransferDirection::kOutgoing ? 1 : 0;
    long long any_state = state == TransferState::kUnspecified ? 1 : 0;
    std::string wanted = domain::TransferStateName(state);
    long long limit = page.page_size + 1;
    std::vector<TransferRow> rows = QueryAll(
        s,
        kSelectTransfer +
            " WHERE ((:o = 1 AND t.from_store_id = :s1) OR (:i = 1 AND "
            "t.to_store_id = :s2)) AND t.id < :before AND (:any = 1 OR "
            "t.state = :st) ORDER BY t.id DESC LIMIT :lim",
        &ReadTransfer, outgoing, store.id, incoming, store.id, before,
        any_state, wanted, limit);
    std::vector<long long> pks;
    for (const auto& r : rows) pks.push_back(r.transfer.sequence);
    auto lines = LoadLines(s, pks);
    for (auto& r : rows) {
      for (auto& l : lines[r.transfer.sequence]) {
        r.transfer.lines.push_back(std::move(l.line));
      }
      items.push_back(std::move(r.transfer));
    }
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

}  // namespace backoffice::storage
