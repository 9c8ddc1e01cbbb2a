#include "closing/storage/mysql_till_sessions.h"

#include <limits>

#include "closing/domain/till_session_rules.h"
#include "core/domain/errors.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {

using domain::RequestContext;
using domain::TillCash;
using domain::TillSession;
using domain::TillSessionState;
using domain::TimeMicros;

namespace {

const std::string kSelectSession =
    std::string(
        "SELECT x.id, st.code, x.session_id, t.code, x.cashier, "
        "x.currency_code, x.state, x.opening_float_minor, "
        "x.cash_sales_minor, x.cash_refunds_minor, x.cash_on_account_minor, "
        "x.payouts_minor, x.drops_minor, IFNULL(x.expected_minor, 0), "
        "IFNULL(x.counted_minor, 0), IFNULL(x.variance_minor, 0), "
        "x.sale_count, x.opened_by, IFNULL(x.closed_by, ''), "
        "IFNULL(x.accepted_by, ''), x.acceptance_reason, ") +
    BO_MICROS("x.open_time") ", IFNULL(" BO_MICROS(
        "x.close_time") ", 0), x.terminal_id, IFNULL(x.close_fingerprint, "
                        "'') FROM till_sessions x JOIN stores st ON st.id = "
                        "x.store_id JOIN terminals t ON t.id = x.terminal_id";

struct SessionRow {
  TillSession session;
  long long terminal_id = 0;
  std::string close_fingerprint;
};

SessionRow ReadSession(const soci::row& r) {
  SessionRow out;
  TillSession& s = out.session;
  s.sequence = GetInt64(r, 0);
  s.store_code = GetString(r, 1);
  s.session_id = GetString(r, 2);
  s.terminal_code = GetString(r, 3);
  s.cashier = GetString(r, 4);
  s.currency_code = GetString(r, 5);
  s.state = domain::TillSessionStateFromName(GetString(r, 6));
  s.opening_float_minor = GetInt64(r, 7);
  s.cash.cash_sales_minor = GetInt64(r, 8);
  s.cash.cash_refunds_minor = GetInt64(r, 9);
  s.cash.cash_on_account_minor = GetInt64(r, 10);
  s.cash.payouts_minor = GetInt64(r, 11);
  s.cash.drops_minor = GetInt64(r, 12);
  s.expected_minor = GetInt64(r, 13);
  s.counted_minor = GetInt64(r, 14);
  s.variance_minor = GetInt64(r, 15);
  s.cash.sale_count = static_cast<int>(GetInt64(r, 16));
  s.opened_by = GetString(r, 17);
  s.closed_by = GetString(r, 18);
  s.accepted_by = GetString(r, 19);
  s.acceptance_reason = GetString(r, 20);
  s.open_time = GetInt64(r, 21);
  s.close_time = GetInt64(r, 22);
  out.terminal_id = GetInt64(r, 23);
  out.close_fingerprint = GetString(r, 24);
  return out;
}

SessionRow RequireSession(soci::session& s, long long pk) {
  auto row =
      QueryOne(s, kSelectSession + " WHERE x.id = :pk", &ReadSession, pk);
  if (!row) {
    Fail(domain::Internal("SESSION_VANISHED",
                          "a recorded session could not be read"));
  }
  row->session.denominations = QueryAll(
      s,
      "SELECT value_minor, count FROM till_session_denominations WHERE "
      "session_pk = :pk ORDER BY value_minor DESC",
      +[](const soci::row& r) {
        return domain::DenominationCount{GetInt64(r, 0), GetInt64(r, 1)};
      },
      pk);
  return *row;
}

std::optional<StoredDocument> FindSession(soci::session& s, long long store_id,
                                          const std::string& id, KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM till_sessions WHERE store_id "
                  "= :s AND session_id = :i") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, id);
}

Status SessionNotFound(const std::string& store, const std::string& id) {
  return domain::NotFound(
      "SESSION_NOT_FOUND",
      "till session " + id + " not found in store " + store);
}

Status CurrencyMismatch(const StoreRow& store) {
  return domain::FailedPrecondition(
      "CURRENCY_MISMATCH",
      "store " + store.code + " keeps its books in " + store.currency_code);
}

std::vector<domain::CashMovement> MovementsOf(soci::session& s, long long pk) {
  return QueryAll(
      s,
      "SELECT movement_id, kind, amount_minor, reason, recorded_by, " BO_MICROS(
          "record_time") " FROM till_cash_movements WHERE session_pk = :pk "
                         "ORDER BY id",
      +[](const soci::row& r) {
        domain::CashMovement m;
        m.movement_id = GetString(r, 0);
        m.kind = domain::CashMovementKindFromName(GetString(r, 1));
        m.amount_minor = GetInt64(r, 2);
        m.reason = GetString(r, 3);
        m.recorded_by = GetString(r, 4);
        m.record_time = GetInt64(r, 5);
        return m;
      },
      pk);
}

void AddMovements(soci::session& s, long long pk, TillCash* cash) {
  long long drops = 0, payouts = 0;
  s << "SELECT IFNULL(SUM(IF(kind = 'DROP', amount_minor, 0)), 0), "
       "IFNULL(SUM(IF(kind = 'PAYOUT', amount_minor, 0)), 0) FROM "
       "till_cash_movements WHERE session_pk = :pk",
      soci::use(pk), soci::into(drops), soci::into(payouts);
  cash->drops_minor = drops;
  cash->payouts_minor = payouts;
}

long long ThresholdOf(soci::session& s, long long store_id) {
  auto row = QueryOne(
      s,
      "SELECT till_variance_threshold_minor FROM closing_settings WHERE "
      "store_id = :s",
      +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
      store_id);
  return row.value_or(0);
}

}  // namespace

TillCash ReadTillCash(soci::session& s, long long terminal_id, TimeMicros from,
                      TimeMicros to, long long session_pk) {
  // The window's documents, each with the cash it moved: one statement per
  // kind, as a SELECT (to read) or an INSERT ... SELECT (to link them).
  const std::string window =
      " BETWEEN TIMESTAMPADD(MICROSECOND, :f, '1970-01-01') AND "
      "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') - INTERVAL 1 MICROSECOND";
  const std::string unlinked =
      " AND NOT EXISTS (SELECT 1 FROM till_session_documents d WHERE "
      "d.document_kind = '";
  // A sale's cash: tendered minus change on its cash tenders (a sale of
  // nothing may have no tender).
  const std::string sale_cash =
      "IFNULL(SUM(IF(t.tender_type = 'CASH', t.amount_minor - "
      "t.change_minor, 0)), 0) AS cash FROM sales s LEFT JOIN sale_tenders t "
      "ON t.sale_pk = s.id WHERE s.terminal_id = :term AND ";
  // Sales of the window not voided by now (a void in the same session
  // handed the cash back in it).
  const std::string sales = "SELECT s.id AS doc, " + sale_cash +
                            "s.state <> 'VOIDED' AND s.sale_time" + window +
                            unlinked +
                            "SALE' AND d.document_pk = s.id) GROUP BY s.id";
  // Voids of the window of sales an earlier session counted: their cash
  // leaves this drawer.
  const std::string voids =
      "SELECT s.id AS doc, " + sale_cash +
      "s.state = 'VOIDED' AND s.void_time" + window + unlinked +
      "VOID' AND d.document_pk = s.id) AND EXISTS (SELECT 1 FROM "
      "till_session_documents e WHERE e.document_kind = 'SALE' AND "
      "e.document_pk = s.id) GROUP BY s.id";
  const std::string returns =
      "SELECT r.id AS doc, IF(r.refund_tender_type = 'CASH', "
      "r.refund_total_minor, 0) AS cash FROM sale_returns r WHERE "
      "r.terminal_id = :term AND r.return_time" +
      window + unlinked + "RETURN' AND d.document_pk = r.id)";
  // A reversal of a payment corrects the ledger; the cash was taken.
  const std::string payments =
      "SELECT p.id AS doc, p.amount_minor AS cash FROM party_documents p "
      "WHERE p.terminal_id = :term AND p.document_type = 'PAYMENT' AND "
      "p.party_kind = 'CUSTOMER' AND p.payment_method = 'CASH' AND "
      "p.create_time" +
      window + unlinked + "PAYMENT' AND d.document_pk = p.id)";
  TillCash cash;
  long long term = terminal_id;
  long long f = from;
  long long t = to;
  auto sum = [&](const std::string& select, long long* total, int* count) {
    long long n = 0, amount = 0;
    s << "SELECT COUNT(*), IFNULL(SUM(x.cash), 0) FROM (" + select + ") x",
        soci::use(term), soci::use(f), soci::use(t), soci::into(n),
        soci::into(amount);
    *total = amount;
    if (count != nullptr) *count = static_cast<int>(n);
  };
  long long sales_cash = 0, refunds = 0, voided = 0, on_account = 0;
  int sale_count = 0;
  if (session_pk != 0) {
    long long pk = session_pk;
    for (const auto& [kind, select] :
         std::vector<std::pair<std::string, std::string>>{
             {"SALE", sales},
             {"VOID", voids},
             {"RETURN", returns},
             {"PAYMENT", payments}}) {
      s << "INSERT INTO till_session_documents (session_pk, document_kind, "
           "document_pk, cash_minor) SELECT :pk, '" +
               kind + "', x.doc, x.cash FROM (" + select + ") x",
          soci::use(pk), soci::use(term), soci::use(f), soci::use(t);
    }
    s << "SELECT IFNULL(SUM(IF(document_kind = 'SALE', cash_minor, 0)), 0), "
         "IFNULL(SUM(document_kind = 'SALE'), 0), IFNULL(SUM(IF(document_kind "
         "IN ('RETURN', 'VOID'), cash_minor, 0)), 0), IFNULL(SUM(IF("
         "document_kind = 'PAYMENT', cash_minor, 0)), 0) FROM "
         "till_session_documents WHERE session_pk = :pk",
        soci::use(pk), soci::into(sales_cash), soci::into(sale_count),
        soci::into(refunds), soci::into(on_account);
  } else {
    sum(sales, &sales_cash, &sale_count);
    sum(voids, &voided, nullptr);
    sum(returns, &refunds, nullptr);
    refunds += voided;
    sum(payments, &on_account, nullptr);
  }
  cash.cash_sales_minor = sales_cash;
  cash.cash_refunds_minor = refunds;
  cash.cash_on_account_minor = on_account;
  cash.sale_count = sale_count;
  return cash;
}

StatusOr<domain::TillSessionOutcome> MySqlTillSessionRepository::OpenSession(
    const domain::NewTillSession& in, const std::string& fingerprint,
    TimeMicros now, const RequestContext& ctx) {
  domain::TillSessionOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, in.store_code);
    const ClientDocument document(
        "till session", in.session_id, fingerprint, "uk_till_sessions_id",
        [&](KeyRead read) {
          return FindSession(s, store.id, in.session_id, read);
        },
        [&](long long pk) {
          outcome.session = RequireSession(s, pk).session;
          outcome.replayed = true;
          return Status();
        });
    if (!in.currency_code.empty() && in.currency_code != store.currency_code) {
      return CurrencyMismatch(store);
    }
    if (auto recorded = document.Recorded()) return *recorded;
    auto terminal = QueryOne(
        s,
        "SELECT id FROM terminals WHERE store_id = :s AND code = :c AND "
        "active = 1",
        +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
        store.id, in.terminal_code);
    if (!terminal) {
      return domain::NotFound(
          "TERMINAL_NOT_FOUND",
          "store " + store.code + " has no active till " + in.terminal_code);
    }
    long long pk = 0;
    try {
      if (auto concurrent = document.Insert([&] {
            MultiInsert row(
                "INSERT INTO till_sessions (store_id, session_id, "
                "fingerprint, terminal_id, cashier, state, currency_code, "
                "opening_float_minor, opened_by, opened_by_name, open_time)",
                10,
                "(?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, "
                "?, '1970-01-01'))");
            row.AddRow({store.id, in.session_id, fingerprint, *terminal,
                        in.cashier, store.currency_code,
                        static_cast<long long>(in.opening_float_minor),
                        domain::FormatTokenId(ctx.principal.token_id),
                        ctx.principal.display_name,
                        static_cast<long long>(now)});
            row.Execute(s);
            pk = LastInsertId(s);
          })) {
        return *concurrent;
      }
    } catch (const soci::soci_error& e) {
      if (!IsDuplicateOf(e, "uk_till_sessions_open")) throw;
      auto open = QueryOne(
          s,
          "SELECT session_id FROM till_sessions WHERE open_terminal_id = :t "
          "LOCK IN SHARE MODE",
          +[](const soci::row& r) { return GetString(r, 0); }, *terminal);
      return domain::FailedPrecondition(
          "SESSION_ALREADY_OPEN", "till " + in.terminal_code + " has session " +
                                      open.value_or("?") +
                                      " open; close it first");
    }
    AppendAudit(s, &ctx,
                domain::AuditEntry{"till_session", in.session_id, store.code});
    outcome.session = RequireSession(s, pk).session;
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::CashMovementOutcome>
MySqlTillSessionRepository::RecordMovement(const domain::NewCashMovement& in,
                                           const std::string& fingerprint,
                                           const domain::SessionCheck& check,
                                           TimeMicros now,
                                           const RequestContext& ctx) {
  domain::CashMovementOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, in.store_code);
    auto found = FindSession(s, store.id, in.session_id, KeyRead::kForUpdate);
    if (!found) return SessionNotFound(store.code, in.session_id);
    const long long pk = found->pk;
    auto read_movement = [&]() {
      for (auto& m : MovementsOf(s, pk)) {
        if (m.movement_id == in.movement_id) return m;
      }
      Fail(domain::Internal("MOVEMENT_VANISHED",
                            "a recorded cash movement could not be read"));
    };
    const ClientDocument document(
        "cash movement", in.movement_id, fingerprint,
        "uk_till_cash_movements_id",
        [&](KeyRead read) {
          return QueryOne(
              s,
              std::string("SELECT id, fingerprint FROM till_cash_movements "
                          "WHERE session_pk = :p AND movement_id = :m") +
                  KeyReadSuffix(read),
              +[](const soci::row& r) {
                return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
              },
              pk, in.movement_id);
        },
        [&](long long) {
          outcome.movement = read_movement();
          outcome.replayed = true;
          return Status();
        });
    const SessionRow session = RequireSession(s, pk);
    if (!in.currency_code.empty() && in.currency_code != store.currency_code) {
      return CurrencyMismatch(store);
    }
    if (auto recorded = document.Recorded()) {
      // Answered only to whom the movement would be allowed now or then.
      TillSession open = session.session;
      open.state = TillSessionState::kOpen;
      BO_RETURN_IF_ERROR(check(open));
      return *recorded;
    }
    BO_RETURN_IF_ERROR(check(session.session));
    if (auto concurrent = document.Insert([&] {
          MultiInsert row(
              "INSERT INTO till_cash_movements (session_pk, movement_id, "
              "fingerprint, kind, amount_minor, reason, recorded_by, "
              "recorded_by_name, record_time)",
              9,
              "(?, ?, ?, ?, ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, ?, "
              "'1970-01-01'))");
          row.AddRow({pk, in.movement_id, fingerprint,
                      std::string(domain::CashMovementKindName(in.kind)),
                      static_cast<long long>(in.amount_minor), in.reason,
                      domain::FormatTokenId(ctx.principal.token_id),
                      ctx.principal.display_name, static_cast<long long>(now)});
          row.Execute(s);
        })) {
      return *concurrent;
    }
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"till_cash_movement",
                           in.session_id + "/" + in.movement_id, store.code});
    outcome.movement = read_movement();
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<TillSession> MySqlTillSessionRepository::CloseSession(
    const domain::TillCount& count, const std::string& fingerprint,
    const domain::SessionCheck& check, TimeMicros now,
    const RequestContext& ctx) {
  TillSession result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, count.store_code);
    auto found =
        FindSession(s, store.id, count.session_id, KeyRead::kForUpdate);
    if (!found) return SessionNotFound(store.code, count.session_id);
    const long long pk = found->pk;
    SessionRow session = RequireSession(s, pk);
    if (!count.currency_code.empty() &&
        count.currency_code != store.currency_code) {
      return CurrencyMismatch(store);
    }
    if (session.session.state != TillSessionState::kOpen) {
      TillSession open = session.session;
      open.state = TillSessionState::kOpen;
      BO_RETURN_IF_ERROR(check(open));
      if (session.close_fingerprint == fingerprint) {
        result = std::move(session.session);
        return Status();
      }
      return domain::FailedPrecondition(
          "SESSION_ALREADY_CLOSED",
          "session " + count.session_id + " was closed by " +
              session.session.closed_by + " with another count");
    }
    BO_RETURN_IF_ERROR(check(session.session));
    TillCash cash = ReadTillCash(s, session.terminal_id,
                                 session.session.open_time, now, pk);
    AddMovements(s, pk, &cash);
    const long long expected =
        domain::ExpectedCash(session.session.opening_float_minor, cash);
    const long long counted = domain::CountedCash(count);
    const long long variance = counted - expected;
    std::string state = domain::TillSessionStateName(
        domain::StateAfterClose(variance, ThresholdOf(s, store.id)));
    MultiInsert denominations(
        "INSERT INTO till_session_denominations (session_pk, value_minor, "
        "count)",
        3);
    for (const auto& d : count.denominations) {
      denominations.AddRow({pk, static_cast<long long>(d.value_minor),
                            static_cast<long long>(d.count)});
    }
    denominations.Execute(s);
    std::string by = domain::FormatTokenId(ctx.principal.token_id);
    std::string fp = fingerprint;
    long long sales = cash.cash_sales_minor, refunds = cash.cash_refunds_minor,
              on_account = cash.cash_on_account_minor,
              payouts = cash.payouts_minor, drops = cash.drops_minor,
              sale_count = cash.sale_count, at = now, row = pk;
    long long expected_value = expected, counted_value = counted,
              variance_value = variance;
    s << "UPDATE till_sessions SET state = :st, cash_sales_minor = :cs, "
         "cash_refunds_minor = :cr, cash_on_account_minor = :ca, "
         "payouts_minor = :po, drops_minor = :dr, expected_minor = :ex, "
         "counted_minor = :co, variance_minor = :va, sale_count = :sc, "
         "close_fingerprint = :fp, closed_by = :by, closed_by_name = :byn, "
         "close_time = TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = "
         ":pk",
        soci::use(state), soci::use(sales), soci::use(refunds),
        soci::use(on_account), soci::use(payouts), soci::use(drops),
        soci::use(expected_value), soci::use(counted_value),
        soci::use(variance_value), soci::use(sale_count), soci::use(fp),
        soci::use(by), soci::use(ctx.principal.display_name), soci::use(at),
        soci::use(row);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"till_session_close", count.session_id, store.code});
    result = RequireSession(s, pk).session;
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<TillSession> MySqlTillSessionRepository::AcceptVariance(
    const std::string& store_code, const std::string& session_id,
    const std::string& reason, const domain::SessionCheck& check,
    TimeMicros now, const RequestContext& ctx) {
  TillSession result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindSession(s, store.id, session_id, KeyRead::kForUpdate);
    if (!found) return SessionNotFound(store.code, session_id);
    const long long pk = found->pk;
    SessionRow session = RequireSession(s, pk);
    if (session.session.state == TillSessionState::kAccepted &&
        session.session.accepted_by ==
            domain::FormatTokenId(ctx.principal.token_id) &&
        session.session.acceptance_reason == reason) {
      TillSession pending = session.session;
      pending.state = TillSessionState::kVariancePending;
      BO_RETURN_IF_ERROR(check(pending));
      result = std::move(session.session);
      return Status();
    }
    BO_RETURN_IF_ERROR(check(session.session));
    std::string by = domain::FormatTokenId(ctx.principal.token_id);
    std::string why = reason;
    long long at = now, row = pk;
    s << "UPDATE till_sessions SET state = 'ACCEPTED', accepted_by = :by, "
         "accepted_by_name = :byn, acceptance_reason = :r, accept_time = "
         "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = :pk",
        soci::use(by), soci::use(ctx.principal.display_name), soci::use(why),
        soci::use(at), soci::use(row);
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"till_variance_acceptance", session_id, store.code});
    result = RequireSession(s, pk).session;
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<domain::TillSessionDetail> MySqlTillSessionRepository::GetSession(
    const std::string& store_code, const std::string& session_id,
    TimeMicros now) {
  domain::TillSessionDetail result;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindSession(s, store.id, session_id, KeyRead::kSnapshot);
    if (!found) return SessionNotFound(store.code, session_id);
    SessionRow session = RequireSession(s, found->pk);
    if (session.session.state == TillSessionState::kOpen) {
      // What the drawer should hold now.
      TillCash cash = ReadTillCash(s, session.terminal_id,
                                   session.session.open_time, now + 1, 0);
      AddMovements(s, found->pk, &cash);
      session.session.cash = cash;
      session.session.expected_minor =
          domain::ExpectedCash(session.session.opening_float_minor, cash);
    }
    result.session = std::move(session.session);
    result.movements = MovementsOf(s, found->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<std::vector<TillSession>> MySqlTillSessionRepository::ListSessions(
    const std::string& store_code, TillSessionState state,
    const domain::PageRequest& page) {
  std::vector<TillSession> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long any_state = state == TillSessionState::kUnspecified ? 1 : 0;
    std::string wanted = domain::TillSessionStateName(state);
    long long limit = page.page_size + 1;
    for (auto& row :
         QueryAll(s,
                  kSelectSession + " WHERE x.store_id = :s AND x.id < :before "
                                   "AND (:any = 1 OR x.state = :st) ORDER BY "
                                   "x.id DESC LIMIT :lim",
                  &ReadSession, store.id, before, any_state, wanted, limit)) {
      items.push_back(std::move(row.session));
    }
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

StatusOr<domain::ClosingSettings> MySqlTillSessionRepository::GetSettings(
    const std::string& store_code) {
  domain::ClosingSettings settings;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    settings = {store.code, store.currency_code, ThresholdOf(s, store.id)};
    return Status();
  });
  if (!status.ok()) return status;
  return settings;
}

StatusOr<domain::ClosingSettings> MySqlTillSessionRepository::UpdateSettings(
    const domain::ClosingSettings& in, const RequestContext& ctx) {
  domain::ClosingSettings settings;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, in.store_code);
    if (!in.currency_code.empty() && in.currency_code != store.currency_code) {
      return CurrencyMismatch(store);
    }
    long long store_id = store.id;
    long long threshold = in.till_variance_threshold_minor;
    s << "INSERT INTO closing_settings (store_id, "
         "till_variance_threshold_minor, update_time) VALUES (:s, :t, "
         "UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE "
         "till_variance_threshold_minor = "
         "VALUES(till_variance_threshold_minor), update_time = "
         "VALUES(update_time)",
        soci::use(store_id), soci::use(threshold);
    AppendAudit(s, &ctx,
                domain::AuditEntry{"closing_settings", store.code, store.code});
    settings = {store.code, store.currency_code, ThresholdOf(s, store.id)};
    return Status();
  });
  if (!status.ok()) return status;
  return settings;
}

}  // namespace backoffice::storage
