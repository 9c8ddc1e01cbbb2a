#include "credit/storage/mysql_credit_repository.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "credit/domain/credit_rules.h"
#include "credit/storage/ageing_reads.h"
#include "credit/storage/credit_rows.h"
#include "credit/storage/party_ledger.h"

namespace backoffice::storage {
namespace {

using domain::AuthorizationState;
using domain::CreditAuthorization;
using domain::Direction;
using domain::PartyDocument;
using domain::PartyKind;
using domain::PartyRef;
using domain::RequestContext;
using domain::TimeMicros;

const std::string kSelectAuthorization =
    "SELECT a.id, st.code, a.authorization_id, c.code, t.code, "
    "a.currency_code, a.amount_minor, a.state, " BO_MICROS(
        "a.expire_time") ", a.balance_minor, a.open_holds_minor, "
                         "a.credit_limit_minor, a.requested_by, "
                         "IFNULL(a.overridden_by, ''), a.override_reason, "
                         "IFNULL(x.sale_id, ''), " BO_MICROS(
                             "a.create_time") " FROM credit_authorizations a "
                                              "JOIN stores st ON st.id = "
                                              "a.store_id JOIN customers c ON "
                                              "c.id = a.customer_id JOIN "
                                              "terminals t ON t.id = "
                                              "a.terminal_id LEFT JOIN sales "
                                              "x ON x.id = a.sale_pk";

std::pair<long long, CreditAuthorization> ReadAuthorization(
    const soci::row& r) {
  CreditAuthorization a;
  a.store_code = GetString(r, 1);
  a.authorization_id = GetString(r, 2);
  a.customer_code = GetString(r, 3);
  a.terminal_code = GetString(r, 4);
  a.currency_code = GetString(r, 5);
  a.amount_minor = GetInt64(r, 6);
  a.state = domain::AuthorizationStateFromName(GetString(r, 7));
  a.expire_time = GetInt64(r, 8);
  a.balance_minor = GetInt64(r, 9);
  a.open_holds_minor = GetInt64(r, 10);
  a.credit_limit_minor = GetInt64(r, 11);
  a.requested_by = GetString(r, 12);
  a.overridden_by = GetString(r, 13);
  a.override_reason = GetString(r, 14);
  a.sale_id = GetString(r, 15);
  a.create_time = GetInt64(r, 16);
  return {GetInt64(r, 0), std::move(a)};
}

CreditAuthorization LoadAuthorization(soci::session& s, long long pk) {
  auto row = QueryOne(s, kSelectAuthorization + " WHERE a.id = :pk",
                      &ReadAuthorization, pk);
  if (!row) {
    Fail(domain::Internal("AUTHORIZATION_VANISHED",
                          "a recorded authorization could not be read"));
  }
  return std::move(row->second);
}

std::optional<long long> FindAuthorizationPk(soci::session& s,
                                             long long store_id,
                                             const std::string& id) {
  return QueryOne(
      s,
      "SELECT id FROM credit_authorizations WHERE store_id = :s AND "
      "authorization_id = :a",
      +[](const soci::row& r) { return GetInt64(r, 0); }, store_id, id);
}

// Locks an existing authorization: a plain read finds its row, then the
// lock is taken by primary key, so a missing id takes no gap lock.
std::pair<long long, CreditAuthorization> LockAuthorization(
    soci::session& s, const StoreRow& store, const std::string& id) {
  auto pk = FindAuthorizationPk(s, store.id, id);
  if (!pk) {
    Fail(domain::NotFound(
        "AUTHORIZATION_NOT_FOUND",
        "authorization " + id + " not found in store " + store.code));
  }
  s << "SELECT id FROM credit_authorizations WHERE id = :pk FOR UPDATE",
      soci::use(*pk);
  return {*pk, LoadAuthorization(s, *pk)};
}

long long OpenHolds(soci::session& s, long long customer_id, TimeMicros now) {
  long long holds = 0;
  long long at = now;
  s << "SELECT COALESCE(SUM(amount_minor), 0) FROM credit_authorizations "
       "WHERE customer_id = :c AND state = 'HELD' AND expire_time > "
       "TIMESTAMPADD(MICROSECOND, :now, '1970-01-01')",
      soci::use(customer_id), soci::use(at), soci::into(holds);
  return holds;
}

// ---- Documents ----

}  // namespace

StatusOr<domain::AuthorizationOutcome> MySqlCreditRepository::Authorize(
    const domain::NewAuthorization& request, const std::string& fingerprint,
    TimeMicros now, const RequestContext& ctx) {
  domain::AuthorizationOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, request.store_code);
    const ClientDocument document(
        "credit authorization", request.authorization_id, fingerprint,
        "uk_credit_authorizations_id",
        [&](KeyRead read) -> std::optional<StoredDocument> {
          return QueryOne(
              s,
              std::string("SELECT id, fingerprint FROM credit_authorizations "
                          "WHERE store_id = :s AND authorization_id = :a") +
                  KeyReadSuffix(read),
              +[](const soci::row& r) {
                return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
              },
              store.id, request.authorization_id);
        },
        [&](long long pk) {
          outcome.authorization = LoadAuthorization(s, pk);
          outcome.authorization.state =
              domain::EffectiveState(outcome.authorization, now);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    const PartyRow customer =
        RequireParty(s, store, {PartyKind::kCustomer, request.customer_code});
    if (!customer.active) {
      return domain::FailedPrecondition(
          "CUSTOMER_INACTIVE",
          "credit customer " + request.customer_code + " is deactivated");
    }
    RequireCurrency(store, request.amount.currency_code);
    const long long terminal_id =
        RequireTerminal(s, store, request.terminal_code);
    domain::CreditPosition position;
    position.balance_minor = PartyLedger::LockAccount(
        s, LedgerPartyOf(store, PartyKind::kCustomer, customer.id));
    // A copy of this request may have committed while we waited.
    if (auto recorded = document.Recorded(KeyRead::kCurrent)) return *recorded;
    position.open_holds_minor = OpenHolds(s, customer.id, now);
    position.credit_limit_minor = customer.credit_limit_minor;
    const bool within =
        domain::WithinCreditLimit(position, request.amount.minor_units);
    std::string state = domain::AuthorizationStateName(
        within ? AuthorizationState::kHeld : AuthorizationState::kOverLimit);
    long long store_id = store.id;
    long long customer_id = customer.id;
    long long amount = request.amount.minor_units;
    long long expire = now + domain::kCreditHoldMicros;
    long long created = now;
    long long balance = position.balance_minor;
    long long holds = position.open_holds_minor;
    long long limit = position.credit_limit_minor;
    std::string by = RecordedBy(ctx);
    if (auto concurrent = document.Insert([&] {
          s << "INSERT INTO credit_authorizations (store_id, "
               "authorization_id, fingerprint, customer_id, terminal_id, "
               "currency_code, amount_minor, state, expire_time, "
               "balance_minor, open_holds_minor, credit_limit_minor, "
               "requested_by, requested_by_name, create_time, update_time) "
               "VALUES (:s, :a, :fp, :c, :t, :cur, :amt, :st, "
               "TIMESTAMPADD(MICROSECOND, :exp, '1970-01-01'), :bal, :holds, "
               ":lim, :by, :byn, TIMESTAMPADD(MICROSECOND, :ct, "
               "'1970-01-01'), TIMESTAMPADD(MICROSECOND, :ut, '1970-01-01'))",
              soci::use(store_id), soci::use(request.authorization_id),
              soci::use(fingerprint), soci::use(customer_id),
              soci::use(terminal_id), soci::use(store.currency_code),
              soci::use(amount), soci::use(state), soci::use(expire),
              soci::use(balance), soci::use(holds), soci::use(limit),
              soci::use(by), soci::use(ctx.principal.display_name),
              soci::use(created), soci::use(created);
        })) {
      return *concurrent;
    }
    const long long pk = LastInsertId(s);
    AppendAudit(s, &ctx,
                domain::AuditEntry{"credit_authorization",
                                   request.authorization_id, store.code});
    outcome.authorization = LoadAuthorization(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<CreditAuthorization> MySqlCreditRepository::Override(
    const std::string& store_code, const std::string& authorization_id,
    const std::string& reason, TimeMicros now,
    const domain::OverrideCheck& check, const RequestContext& ctx) {
  CreditAuthorization result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto [pk, authorization] = LockAuthorization(s, store, authorization_id);
    if (!authorization.overridden_by.empty()) {
      result = authorization;  // Overridden before: a replay.
      result.state = domain::EffectiveState(result, now);
      return Status();
    }
    BO_RETURN_IF_ERROR(check(authorization));
    // The customer's account next (a hold, then the account, as a sale
    // takes them), so that no hold is granted beside this one unseen; the
    // manager's decision records the position as it is now.
    long long customer_id = 0;
    s << "SELECT customer_id FROM credit_authorizations WHERE id = :pk",
        soci::use(pk), soci::into(customer_id);
    long long balance = PartyLedger::LockAccount(
        s, LedgerPartyOf(store, PartyKind::kCustomer, customer_id));
    long long holds = OpenHolds(s, customer_id, now);
    long long expire = now + domain::kCreditHoldMicros;
    std::string by = RecordedBy(ctx);
    long long id = pk;
    s << "UPDATE credit_authorizations SET state = 'HELD', expire_time = "
         "TIMESTAMPADD(MICROSECOND, :exp, '1970-01-01'), overridden_by = :by, "
         "overridden_by_name = :byn, override_reason = :r, balance_minor = "
         ":bal, open_holds_minor = :holds, update_time = UTC_TIMESTAMP(6) "
         "WHERE id = :pk",
        soci::use(expire), soci::use(by), soci::use(ctx.principal.display_name),
        soci::use(reason), soci::use(balance), soci::use(holds), soci::use(id);
    AppendAudit(s, &ctx,
                domain::AuditEntry{"credit_authorization", authorization_id,
                                   store.code});
    result = LoadAuthorization(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<CreditAuthorization> MySqlCreditRepository::Release(
    const std::string& store_code, const std::string& authorization_id,
    TimeMicros now, const domain::OverrideCheck& check,
    const RequestContext& ctx) {
  CreditAuthorization result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto [pk, authorization] = LockAuthorization(s, store, authorization_id);
    BO_RETURN_IF_ERROR(check(authorization));
    if (authorization.state == AuthorizationState::kReleased) {
      result = authorization;
      return Status();
    }
    if (domain::EffectiveState(authorization, now) !=
        AuthorizationState::kHeld) {
      return domain::FailedPrecondition(
                 "AUTHORIZATION_NOT_HELD",
                 "authorization " + authorization_id + " holds nothing")
          .WithMetadata("state",
                        domain::AuthorizationStateName(
                            domain::EffectiveState(authorization, now)));
    }
    long long id = pk;
    s << "UPDATE credit_authorizations SET state = 'RELEASED', update_time = "
         "UTC_TIMESTAMP(6) WHERE id = :pk",
        soci::use(id);
    AppendAudit(s, &ctx,
                domain::AuditEntry{"credit_authorization", authorization_id,
                                   store.code});
    result = LoadAuthorization(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<CreditAuthorization> MySqlCreditRepository::GetAuthorization(
    const std::string& store_code, const std::string& authorization_id) {
  CreditAuthorization result;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto pk = FindAuthorizationPk(s, store.id, authorization_id);
    if (!pk) {
      return domain::NotFound("AUTHORIZATION_NOT_FOUND",
                              "authorization " + authorization_id +
                                  " not found in store " + store_code);
    }
    result = LoadAuthorization(s, *pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<domain::PaymentOutcome> MySqlCreditRepository::RecordPayment(
    const domain::NewPayment& payment, const std::string& fingerprint,
    TimeMicros now, const RequestContext& ctx) {
  domain::PaymentOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, payment.store_code);
    const ClientDocument document(
        "payment", payment.payment_id, fingerprint,
        "uk_party_documents_payment",
        [&](KeyRead read) {
          return FindPayment(s, store.id, payment.payment_id, read);
        },
        [&](long long pk) {
          outcome.payment = LoadDocument(s, pk);
          outcome.allocations = AllocationsOf(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    const PartyRow party = RequireParty(s, store, payment.party);
    RequireCurrency(store, payment.amount.currency_code);
    if (payment.party.kind == PartyKind::kSupplier) {
      // Money leaving the store: above the store's limit it waits for a
      // second person, and a payment that waited replays as its request.
      const ClientDocument request(
          "payment", payment.payment_id, fingerprint, "uk_ledger_requests_id",
          [&](KeyRead read) {
            return FindLedgerRequest(
                s, store.id, domain::LedgerRequestType::kSupplierPayment,
                payment.payment_id, read);
          },
          [&](long long pk) {
            outcome.approval_request = LoadLedgerRequest(s, pk);
            if (outcome.approval_request->document_number > 0) {
              outcome.payment =
                  LoadDocument(s, outcome.approval_request->document_number);
              outcome.allocations =
                  AllocationsOf(s, outcome.approval_request->document_number);
            }
            outcome.replayed = true;
            return Status();
          });
      if (auto recorded = request.Recorded()) return *recorded;
      if (domain::SupplierPaymentNeedsApproval(ReadCreditSettings(s, store),
                                               payment.amount.minor_units)) {
        NewLedgerRequest q;
        q.type = domain::LedgerRequestType::kSupplierPayment;
        q.ledger_request_id = payment.payment_id;
        q.fingerprint = fingerprint;
        q.party_kind = PartyKind::kSupplier;
        q.party_id = party.id;
        q.amount_minor = payment.amount.minor_units;
        q.method = payment.method;
        q.reference = payment.reference;
        q.note = payment.note;
        q.allocations = payment.allocations;
        long long pk = 0;
        if (auto concurrent = request.Insert(
                [&] { pk = InsertLedgerRequest(s, store, q, ctx); })) {
          return *concurrent;
        }
        AppendAudit(s, &ctx,
                    domain::AuditEntry{"supplier_payment_request",
                                       payment.payment_id, store.code});
        outcome.approval_request = LoadLedgerRequest(s, pk);
        return Status();
      }
    }
    std::optional<long long> terminal_id;
    if (!payment.terminal_code.empty()) {
      terminal_id = RequireTerminal(s, store, payment.terminal_code);
    }
    const LedgerParty ledger_party =
        LedgerPartyOf(store, payment.party.kind, party.id);
    PartyLedger::LockAccount(s, ledger_party);
    if (auto recorded = document.Recorded(KeyRead::kCurrent)) return *recorded;
    auto plan = domain::PlanAllocations(
        payment.amount.minor_units,
        DebitsToPay(s, ledger_party, payment.allocations), payment.allocations);
    if (!plan.ok()) return plan.status();
    const std::string today = domain::DayInZone(now, store.time_zone);
    LedgerDocument doc;
    doc.type = domain::PartyDocumentType::kPayment;
    doc.direction = Direction::kCredit;
    doc.source_type = "PAYMENT";
    doc.source_id = payment.payment_id;
    doc.payment_id = payment.payment_id;
    doc.fingerprint = fingerprint;
    doc.amount_minor = payment.amount.minor_units;
    doc.document_day = today;
    doc.due_day = today;
    doc.payment_method = payment.method;
    doc.reference = payment.reference;
    doc.terminal_id = terminal_id;
    doc.note = payment.note;
    doc.recorded_by = RecordedBy(ctx);
    doc.recorded_by_name = ctx.principal.display_name;
    long long id = 0;
    if (auto concurrent = document.Insert(
            [&] { id = PartyLedger::Append(s, ledger_party, doc); })) {
      return *concurrent;
    }
    for (const auto& a : plan->allocations) {
      PartyLedger::Allocate(s, ledger_party, a.document_number, id,
                            a.amount_minor, today, id);
    }
    AppendAudit(s, &ctx,
                domain::AuditEntry{"payment", payment.payment_id, store.code});
    outcome.payment = LoadDocument(s, id);
    outcome.allocations = AllocationsOf(s, id);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::ReversalOutcome> MySqlCreditRepository::ReversePayment(
    const std::string& store_code, const std::string& payment_id,
    const std::string& reason, TimeMicros now, const RequestContext& ctx) {
  domain::ReversalOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindPayment(s, store.id, payment_id, KeyRead::kSnapshot);
    if (!found) {
      return domain::NotFound(
          "PAYMENT_NOT_FOUND",
          "payment " + payment_id + " not found in store " + store_code);
    }
    const PartyDocument payment = LoadDocument(s, found->pk);
    struct Owner {
      std::string kind;
      long long id;
    };
    auto owner = QueryOne(
        s, "SELECT party_kind, party_id FROM party_documents WHERE id = :id",
        +[](const soci::row& r) {
          return Owner{GetString(r, 0), GetInt64(r, 1)};
        },
        found->pk);
    const LedgerParty party =
        LedgerPartyOf(store, domain::PartyKindFromName(owner->kind), owner->id);
    PartyLedger::LockAccount(s, party);
    auto reversed = QueryOne(
        s, "SELECT id FROM party_documents WHERE reverses_document_id = :id",
        +[](const soci::row& r) { return GetInt64(r, 0); }, found->pk);
    if (reversed) {
      outcome.reversal = LoadDocument(s, *reversed);
      outcome.allocations = AllocationsOf(s, *reversed);
      outcome.replayed = true;
      return Status();
    }
    const std::string today = domain::DayInZone(now, store.time_zone);
    LedgerDocument doc;
    doc.source_type = "PAYMENT_REVERSAL";
    doc.source_id = payment_id;
    doc.document_day = today;
    doc.due_day = today;
    doc.payment_method = payment.payment_method;
    doc.reference = payment.reference;
    doc.note = reason;
    doc.recorded_by = RecordedBy(ctx);
    doc.recorded_by_name = ctx.principal.display_name;
    const long long id = PartyLedger::Reverse(s, party, found->pk, doc);
    AppendAudit(s, &ctx,
                domain::AuditEntry{"payment_reversal", payment_id, store.code});
    outcome.reversal = LoadDocument(s, id);
    outcome.allocations = AllocationsOf(s, id);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::Account> MySqlCreditRepository::GetAccount(
    const std::string& store_code, const PartyRef& party, TimeMicros now) {
  domain::Account account;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    const PartyRow row = RequireParty(s, store, party);
    account.store_code = store.code;
    account.party = party;
    account.currency_code = store.currency_code;
    std::string kind = domain::PartyKindName(party.kind);
    long long store_id = store.id;
    long long party_id = row.id;
    long long debits = 0, credits = 0, balance = 0;
    s << "SELECT COALESCE(SUM(IF(direction = 'DEBIT', amount_minor - "
         "allocated_minor, 0)), 0), COALESCE(SUM(IF(direction = 'CREDIT', "
         "amount_minor - allocated_minor, 0)), 0) FROM party_documents WHERE "
         "store_id = :s AND party_kind = :k AND party_id = :p AND "
         "is_open = 1",
        soci::use(store_id), soci::use(kind), soci::use(party_id),
        soci::into(debits), soci::into(credits);
    auto stored = QueryOne(
        s,
        "SELECT balance_minor FROM party_accounts WHERE store_id = :s AND "
        "party_kind = :k AND party_id = :p",
        +[](const soci::row& r) { return GetInt64(r, 0); }, store_id, kind,
        party_id);
    balance = stored.value_or(0);
    account.balance_minor = balance;
    account.open_debits_minor = debits;
    account.open_credits_minor = credits;
    if (party.kind == PartyKind::kCustomer) {
      account.open_holds_minor = OpenHolds(s, row.id, now);
      account.credit_limit_minor = row.credit_limit_minor;
    }
    return Status();
  });
  if (!status.ok()) return status;
  return account;
}

StatusOr<std::vector<PartyDocument>> MySqlCreditRepository::ListOpenItems(
    const std::string& store_code, const PartyRef& party,
    const domain::PageRequest& page) {
  std::vector<PartyDocument> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    const PartyRow row = RequireParty(s, store, party);
    std::string after_day = "0000-00-00";
    long long after_id = 0;
    if (!page.after_key.empty()) {
      const auto slash = page.after_key.find('/');
      if (slash == std::string::npos) {
        return domain::InvalidArgument("INVALID_PAGE_TOKEN",
                                       "the page token is not this list's");
      }
      after_day = page.after_key.substr(0, slash);
      try {
        after_id = std::stoll(page.after_key.substr(slash + 1));
      } catch (const std::exception&) {
        return domain::InvalidArgument("INVALID_PAGE_TOKEN",
                                       "the page token is not this list's");
      }
    }
    long long limit = page.page_size + 1;
    items = QueryAll(
        s,
        kSelectDocument +
            " WHERE d.store_id = :s AND d.party_kind = :k AND d.party_id = :p "
            "AND d.is_open = 1 AND (d.due_day > :ad OR "
            "(d.due_day = :ad2 AND d.id > :aid)) ORDER BY d.due_day, d.id "
            "LIMIT :lim",
        &ReadDocument, store.id, std::string(domain::PartyKindName(party.kind)),
        row.id, after_day, after_day, after_id, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

StatusOr<domain::Statement> MySqlCreditRepository::GetStatement(
    const std::string& store_code, const PartyRef& party,
    const std::string& from_day, const std::string& to_day) {
  constexpr long long kMaxLines = 5000;
  domain::Statement statement;
  Status status = report_db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    const PartyRow row = RequireParty(s, store, party);
    statement.currency_code = store.currency_code;
    std::string kind = domain::PartyKindName(party.kind);
    long long store_id = store.id;
    long long party_id = row.id;
    long long opening = 0, closing = 0;
    const std::string signed_sum =
        "COALESCE(SUM(IF(direction = 'DEBIT', amount_minor, -amount_minor)), "
        "0) FROM party_documents WHERE store_id = :s AND party_kind = :k AND "
        "party_id = :p AND document_day ";
    s << "SELECT " + signed_sum + "< :f", soci::use(store_id), soci::use(kind),
        soci::use(party_id), soci::use(from_day), soci::into(opening);
    s << "SELECT " + signed_sum + "<= :t", soci::use(store_id), soci::use(kind),
        soci::use(party_id), soci::use(to_day), soci::into(closing);
    long long limit = kMaxLines + 1;
    auto documents = QueryAll(
        s,
        kSelectDocument +
            " WHERE d.store_id = :s AND d.party_kind = :k AND d.party_id = :p "
            "AND d.document_day BETWEEN :f AND :t ORDER BY d.document_day, "
            "d.id LIMIT :lim",
        &ReadDocument, store_id, kind, party_id, from_day, to_day, limit);
    if (static_cast<long long>(documents.size()) > kMaxLines) {
      documents.resize(kMaxLines);
      statement.truncated = true;
    }
    long long running = opening;
    for (auto& d : documents) {
      running +=
          d.direction == Direction::kDebit ? d.amount_minor : -d.amount_minor;
      statement.lines.push_back({std::move(d), running});
    }
    statement.allocations = QueryAll(
        s,
        kSelectAllocation +
            " WHERE a.store_id = :s AND a.party_kind = :k AND a.party_id = :p "
            "AND a.allocation_day BETWEEN :f AND :t ORDER BY a.id LIMIT :lim",
        &ReadAllocation, store_id, kind, party_id, from_day, to_day, limit);
    statement.opening_balance_minor = opening;
    statement.closing_balance_minor = closing;
    return Status();
  });
  if (!status.ok()) return status;
  return statement;
}

StatusOr<domain::Ageing> MySqlCreditRepository::GetAgeing(
    const domain::AgeingQuery& query, const domain::PageRequest& page,
    TimeMicros now, bool with_totals) {
  domain::Ageing ageing;
  // A whole chain's ageing is a long read: the report pool's, never the
  // tills'.
  Status status = report_db_.WithSession([&](soci::session& s) -> Status {
    std::optional<StoreRow> store;
    if (!query.store_code.empty()) store = RequireStoreRow(s, query.store_code);
    // One day for the whole chain: the given one, or today in the store's
    // zone; for every store, the latest of their todays (Jayapura's before
    // Jakarta's), so that no store's documents of today are left out.
    ageing.as_of_day = query.as_of_day;
    if (ageing.as_of_day.empty() && store) {
      ageing.as_of_day = domain::DayInZone(now, store->time_zone);
    }
    if (ageing.as_of_day.empty()) {
      ageing.as_of_day = domain::DayInZone(now, "UTC");
      for (const auto& zone : QueryAll(
               s, "SELECT DISTINCT time_zone FROM stores",
               +[](const soci::row& r) { return GetString(r, 0); })) {
        ageing.as_of_day =
            std::max(ageing.as_of_day, domain::DayInZone(now, zone));
      }
    }
    long long after_store = 0, after_party = 0;
    BO_RETURN_IF_ERROR(
        ParseStorePartyKey(page.after_key, &after_store, &after_party));
    AgeingScope scope{ageing.as_of_day, query.party_kind, std::nullopt};
    if (store) scope.store_id = store->id;
    ageing.rows =
        ReadAgeingRows(s, scope, after_store, after_party, page.page_size + 1);
    NameAgeingRows(s, query.party_kind, ageing.rows);
    if (with_totals) {
      ageing.totals = ReadAgeingTotals(s, scope);
      domain::AgeingRow chain;
      chain.party.kind = query.party_kind;
      for (const auto& row : ageing.totals) {
        chain.buckets.Add(row.buckets);
        // Stores of other currencies are not summed into one figure.
        if (chain.currency_code.empty())
          chain.currency_code = row.currency_code;
        if (chain.currency_code != row.currency_code) chain.currency_code = "";
      }
      if (!store && !chain.currency_code.empty()) {
        ageing.totals.push_back(chain);
      }
    }
    return Status();
  });
  if (!status.ok()) return status;
  return ageing;
}

StatusOr<std::vector<domain::CreditException>>
MySqlCreditRepository::ListCreditExceptions(const std::string& store_code,
                                            const std::string& business_day,
                                            const domain::PageRequest& page) {
  std::vector<domain::CreditException> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long any_day = business_day.empty() ? 1 : 0;
    std::string day = business_day.empty() ? "1000-01-01" : business_day;
    long long limit = page.page_size + 1;
    items = QueryAll(
        s,
        "SELECT x.sale_pk * 1000 + x.tender_number, st.code, sa.sale_id, "
        "t.code, c.code, sa.currency_code, x.amount_minor, x.kind, "
        "x.authorization_id, DATE_FORMAT(sa.business_day, '%Y-%m-%d'), " BO_MICROS(
            "sa.sale_time") " FROM credit_exceptions x JOIN sales sa ON sa.id "
                            "= x.sale_pk JOIN stores st ON st.id = x.store_id "
                            "JOIN terminals t ON t.id = sa.terminal_id JOIN "
                            "customers c ON c.id = x.customer_id WHERE "
                            "x.store_id = :s AND x.sale_pk * 1000 + "
                            "x.tender_number < :before AND (:anyday = 1 OR "
                            "sa.business_day = :d) ORDER BY x.sale_pk DESC, "
                            "x.tender_number DESC LIMIT :lim",
        +[](const soci::row& r) {
          domain::CreditException e;
          e.sequence = GetInt64(r, 0);
          e.store_code = GetString(r, 1);
          e.sale_id = GetString(r, 2);
          e.terminal_code = GetString(r, 3);
          e.customer_code = GetString(r, 4);
          e.currency_code = GetString(r, 5);
          e.amount_minor = GetInt64(r, 6);
          e.kind = GetString(r, 7);
          e.authorization_id = GetString(r, 8);
          e.business_day = GetString(r, 9);
          e.sale_time = GetInt64(r, 10);
          return e;
        },
        store.id, before, any_day, day, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

}  // namespace backoffice::storage
