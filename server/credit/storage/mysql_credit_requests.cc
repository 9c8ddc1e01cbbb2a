// The four-eyes side of MySqlCreditRepository: write-off requests, the
// decision on waiting requests (which posts them), their list, what is
// due to suppliers, and the store's approval limits.
#include <limits>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "credit/domain/credit_rules.h"
#include "credit/storage/credit_rows.h"
#include "credit/storage/mysql_credit_repository.h"

namespace backoffice::storage {

using domain::Direction;
using domain::LedgerRequest;
using domain::LedgerRequestState;
using domain::LedgerRequestType;
using domain::PartyKind;
using domain::RequestContext;
using domain::TimeMicros;

namespace {

const std::string kSelectRequest =
    "SELECT r.id, st.code, r.ledger_request_id, r.request_type, "
    "r.party_kind, IF(r.party_kind = 'CUSTOMER', cu.code, su.code), "
    "r.currency_code, r.amount_minor, IFNULL(r.payment_method, ''), "
    "r.reference, r.note, r.state, r.needs_head_office, r.requested_by, "
    "IFNULL(r.decided_by, ''), r.decision_reason, IFNULL(r.document_id, 0), "
    "" BO_MICROS("r.create_time") ", IFNULL(" BO_MICROS(
        "r.decide_time") ", 0) FROM ledger_requests r JOIN stores st ON st.id "
                         "= r.store_id LEFT JOIN customers cu ON r.party_kind "
                         "= 'CUSTOMER' AND cu.id = r.party_id LEFT JOIN "
                         "suppliers su ON r.party_kind = 'SUPPLIER' AND su.id "
                         "= r.party_id";

LedgerRequest ReadRequest(const soci::row& r) {
  LedgerRequest q;
  q.sequence = GetInt64(r, 0);
  q.store_code = GetString(r, 1);
  q.ledger_request_id = GetString(r, 2);
  q.type = domain::LedgerRequestTypeFromName(GetString(r, 3));
  q.party.kind = domain::PartyKindFromName(GetString(r, 4));
  q.party.code = GetString(r, 5);
  q.currency_code = GetString(r, 6);
  q.amount_minor = GetInt64(r, 7);
  q.method = domain::PaymentMethodFromName(GetString(r, 8));
  q.reference = GetString(r, 9);
  q.note = GetString(r, 10);
  q.state = domain::LedgerRequestStateFromName(GetString(r, 11));
  q.needs_head_office = GetBool(r, 12);
  q.requested_by = GetString(r, 13);
  q.decided_by = GetString(r, 14);
  q.decision_reason = GetString(r, 15);
  q.document_number = GetInt64(r, 16);
  q.create_time = GetInt64(r, 17);
  q.decide_time = GetInt64(r, 18);
  return q;
}

struct RequestKey {
  long long pk = 0;
  long long party_id = 0;
};

}  // namespace

domain::CreditSettings ReadCreditSettings(soci::session& s,
                                          const StoreRow& store) {
  domain::CreditSettings settings;
  settings.store_code = store.code;
  settings.currency_code = store.currency_code;
  auto row = QueryOne(
      s,
      "SELECT supplier_payment_approval_limit_minor, "
      "write_off_head_office_limit_minor, invoice_match_tolerance_minor, "
      "payment_run_head_office_limit_minor FROM credit_settings WHERE "
      "store_id = :s",
      +[](const soci::row& r) {
        domain::CreditSettings c;
        c.supplier_payment_approval_limit_minor = GetInt64(r, 0);
        c.write_off_head_office_limit_minor = GetInt64(r, 1);
        c.invoice_match_tolerance_minor = GetInt64(r, 2);
        c.payment_run_head_office_limit_minor = GetInt64(r, 3);
        return c;
      },
      store.id);
  if (row) {
    settings.supplier_payment_approval_limit_minor =
        row->supplier_payment_approval_limit_minor;
    settings.write_off_head_office_limit_minor =
        row->write_off_head_office_limit_minor;
    settings.invoice_match_tolerance_minor = row->invoice_match_tolerance_minor;
    settings.payment_run_head_office_limit_minor =
        row->payment_run_head_office_limit_minor;
  }
  return settings;
}

std::optional<StoredDocument> FindLedgerRequest(soci::session& s,
                                                long long store_id,
                                                LedgerRequestType type,
                                                const std::string& id,
                                                KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM ledger_requests WHERE "
                  "store_id = :s AND request_type = :t AND "
                  "ledger_request_id = :i") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, std::string(domain::LedgerRequestTypeName(type)), id);
}

LedgerRequest LoadLedgerRequest(soci::session& s, long long pk) {
  auto row =
      QueryOne(s, kSelectRequest + " WHERE r.id = :pk", &ReadRequest, pk);
  if (!row) {
    Fail(domain::Internal("LEDGER_REQUEST_VANISHED",
                          "a recorded request could not be read"));
  }
  row->allocations = QueryAll(
      s,
      "SELECT document_id, amount_minor FROM ledger_request_allocations "
      "WHERE request_pk = :pk ORDER BY line_number",
      +[](const soci::row& r) {
        return domain::RequestedAllocation{GetInt64(r, 0), GetInt64(r, 1)};
      },
      pk);
  return *row;
}

long long InsertLedgerRequest(soci::session& s, const StoreRow& store,
                              const NewLedgerRequest& q,
                              const RequestContext& ctx) {
  MultiInsert insert(
      "INSERT INTO ledger_requests (store_id, request_type, "
      "ledger_request_id, fingerprint, party_kind, party_id, currency_code, "
      "amount_minor, payment_method, reference, note, state, "
      "needs_head_office, requested_by, requested_by_name, create_time)",
      15, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))");
  MultiInsert::Value method = q.method == domain::PaymentMethod::kUnspecified
                                  ? MultiInsert::Value(std::nullopt)
                                  : MultiInsert::Value(std::string(
                                        domain::PaymentMethodName(q.method)));
  insert.AddRow({store.id, std::string(domain::LedgerRequestTypeName(q.type)),
                 q.ledger_request_id, q.fingerprint,
                 std::string(domain::PartyKindName(q.party_kind)), q.party_id,
                 store.currency_code, q.amount_minor, method, q.reference,
                 q.note, std::string("PENDING_APPROVAL"),
                 q.needs_head_office ? 1LL : 0LL, RecordedBy(ctx),
                 ctx.principal.display_name});
  insert.Execute(s);
  const long long pk = LastInsertId(s);
  MultiInsert lines(
      "INSERT INTO ledger_request_allocations (request_pk, line_number, "
      "document_id, amount_minor)",
      4);
  long long n = 0;
  for (const auto& a : q.allocations) {
    lines.AddRow({pk, ++n, static_cast<long long>(a.document_number),
                  static_cast<long long>(a.amount_minor)});
  }
  lines.Execute(s);
  return pk;
}

StatusOr<domain::LedgerRequestOutcome> MySqlCreditRepository::RequestWriteOff(
    const domain::NewWriteOff& w, const std::string& fingerprint,
    const RequestContext& ctx) {
  domain::LedgerRequestOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, w.store_code);
    const ClientDocument document(
        "write-off", w.write_off_id, fingerprint, "uk_ledger_requests_id",
        [&](KeyRead read) {
          return FindLedgerRequest(s, store.id, LedgerRequestType::kWriteOff,
                                   w.write_off_id, read);
        },
        [&](long long pk) {
          outcome.request = LoadLedgerRequest(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    const PartyRow customer =
        RequireParty(s, store, {PartyKind::kCustomer, w.customer_code});
    RequireCurrency(store, w.amount.currency_code);
    const LedgerParty party =
        LedgerPartyOf(store, PartyKind::kCustomer, customer.id);
    PartyLedger::LockAccount(s, party);
    if (auto recorded = document.Recorded(KeyRead::kCurrent)) return *recorded;
    // What is asked must be owed now; it is checked again when approved.
    auto plan = domain::PlanAllocations(
        w.amount.minor_units,
        PartyLedger::OpenItems(s, party, Direction::kDebit), w.allocations);
    if (!plan.ok()) return plan.status();
    if (plan->left_over_minor > 0) {
      return domain::FailedPrecondition(
          "WRITE_OFF_EXCEEDS_OPEN",
          "customer " + w.customer_code + " owes less than the write-off");
    }
    NewLedgerRequest q;
    q.type = LedgerRequestType::kWriteOff;
    q.ledger_request_id = w.write_off_id;
    q.fingerprint = fingerprint;
    q.party_kind = PartyKind::kCustomer;
    q.party_id = customer.id;
    q.amount_minor = w.amount.minor_units;
    q.note = w.reason;
    q.needs_head_office = domain::WriteOffNeedsHeadOffice(
        ReadCreditSettings(s, store), w.amount.minor_units);
    q.allocations = w.allocations;
    long long pk = 0;
    if (auto concurrent = document.Insert(
            [&] { pk = InsertLedgerRequest(s, store, q, ctx); })) {
      return *concurrent;
    }
    AppendAudit(s, &ctx,
                domain::AuditEntry{"write_off", w.write_off_id, store.code});
    outcome.request = LoadLedgerRequest(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<domain::LedgerDecisionOutcome>
MySqlCreditRepository::DecideLedgerRequest(
    const std::string& store_code, LedgerRequestType type,
    const std::string& ledger_request_id, bool approve,
    const std::string& reason,
    const std::function<Status(const LedgerRequest&)>& check, TimeMicros now,
    const RequestContext& ctx) {
  domain::LedgerDecisionOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindLedgerRequest(s, store.id, type, ledger_request_id,
                                   KeyRead::kSnapshot);
    if (!found) {
      return domain::NotFound("LEDGER_REQUEST_NOT_FOUND",
                              std::string(domain::LedgerRequestTypeName(type)) +
                                  " " + ledger_request_id +
                                  " not found in store " + store_code);
    }
    auto key = QueryOne(
        s, "SELECT id, party_id FROM ledger_requests WHERE id = :pk",
        +[](const soci::row& r) {
          return RequestKey{GetInt64(r, 0), GetInt64(r, 1)};
        },
        found->pk);
    LedgerRequest request = LoadLedgerRequest(s, found->pk);
    // The party's account first, as every posting does, then the request.
    const LedgerParty party =
        LedgerPartyOf(store, request.party.kind, key->party_id);
    PartyLedger::LockAccount(s, party);
    long long pk = found->pk;
    s << "SELECT id FROM ledger_requests WHERE id = :pk FOR UPDATE",
        soci::use(pk);
    request = LoadLedgerRequest(s, pk);
    const LedgerRequestState wanted =
        approve ? LedgerRequestState::kPosted : LedgerRequestState::kRejected;
    if (request.state == wanted) {
      // Answered only to whom the decision itself would be allowed, so
      // that no maker reads a decided request back as an approval.
      LedgerRequest waiting = request;
      waiting.state = LedgerRequestState::kPendingApproval;
      BO_RETURN_IF_ERROR(check(waiting));
      outcome.request = request;
      if (request.document_number > 0) {
        outcome.document = LoadDocument(s, request.document_number);
        outcome.allocations = AllocationsOf(s, request.document_number);
      }
      return Status();
    }
    BO_RETURN_IF_ERROR(check(request));
    std::string by = RecordedBy(ctx);
    long long decided = now;
    if (!approve) {
      s << "UPDATE ledger_requests SET state = 'REJECTED', decided_by = :by, "
           "decided_by_name = :byn, decision_reason = :r, decide_time = "
           "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = :pk",
          soci::use(by), soci::use(ctx.principal.display_name),
          soci::use(reason), soci::use(decided), soci::use(pk);
    } else {
      auto plan = domain::PlanAllocations(
          request.amount_minor, DebitsToPay(s, party, request.allocations),
          request.allocations);
      if (!plan.ok()) return plan.status();
      const bool write_off = type == LedgerRequestType::kWriteOff;
      if (write_off && plan->left_over_minor > 0) {
        return domain::FailedPrecondition(
            "WRITE_OFF_EXCEEDS_OPEN",
            "the customer now owes less than the write-off; reject it and "
            "ask again");
      }
      const std::string today = domain::DayInZone(now, store.time_zone);
      LedgerDocument doc;
      doc.type = write_off ? domain::PartyDocumentType::kWriteOff
                           : domain::PartyDocumentType::kPayment;
      doc.direction = Direction::kCredit;
      doc.source_type = write_off ? "WRITE_OFF" : "PAYMENT";
      doc.source_id = ledger_request_id;
      doc.source_pk = pk;
      if (!write_off) {
        // The payment keeps its request's fingerprint, so that the maker's
        // RecordPayment sent again replays it.
        doc.payment_id = ledger_request_id;
        doc.fingerprint = found->fingerprint;
      }
      doc.amount_minor = request.amount_minor;
      doc.document_day = today;
      doc.due_day = today;
      doc.payment_method = request.method;
      doc.reference = request.reference;
      doc.note = request.note;
      // The maker's document, posted on the checker's word.
      doc.recorded_by = request.requested_by;
      doc.recorded_by_name = "approved by " + ctx.principal.display_name;
      long long id = 0;
      try {
        id = PartyLedger::Append(s, party, doc);
      } catch (const soci::soci_error& e) {
        if (IsDuplicateOf(e, "uk_party_documents_payment")) {
          return domain::AlreadyExists(
              "IDEMPOTENCY_KEY_REUSED",
              "payment id " + ledger_request_id + " holds another payment");
        }
        throw;
      }
      for (const auto& a : plan->allocations) {
        PartyLedger::Allocate(s, party, a.document_number, id, a.amount_minor,
                              today, id);
      }
      long long document_id = id;
      s << "UPDATE ledger_requests SET state = 'POSTED', decided_by = :by, "
           "decided_by_name = :byn, document_id = :d, decide_time = "
           "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = :pk",
          soci::use(by), soci::use(ctx.principal.display_name),
          soci::use(document_id), soci::use(decided), soci::use(pk);
      outcome.document = LoadDocument(s, id);
      outcome.allocations = AllocationsOf(s, id);
    }
    AppendAudit(s, &ctx,
                domain::AuditEntry{approve ? "ledger_request_approval"
                                           : "ledger_request_rejection",
                                   ledger_request_id, store.code});
    outcome.request = LoadLedgerRequest(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<std::vector<LedgerRequest>> MySqlCreditRepository::ListLedgerRequests(
    const std::string& store_code, LedgerRequestState state,
    const domain::PageRequest& page) {
  std::vector<LedgerRequest> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long any_state = state == LedgerRequestState::kUnspecified ? 1 : 0;
    std::string wanted = domain::LedgerRequestStateName(state);
    long long limit = page.page_size + 1;
    items = QueryAll(s,
                     kSelectRequest +
                         " WHERE r.store_id = :s AND r.id < :before AND "
                         "(:any = 1 OR r.state = :st) ORDER BY r.id DESC "
                         "LIMIT :lim",
                     &ReadRequest, store.id, before, any_state, wanted, limit);
    for (auto& item : items) {
      item.allocations = LoadLedgerRequest(s, item.sequence).allocations;
    }
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

StatusOr<std::vector<domain::PayableDue>>
MySqlCreditRepository::ListPayablesDue(const std::string& store_code,
                                       const std::string& due_by_day,
                                       TimeMicros now,
                                       const domain::PageRequest& page) {
  std::vector<domain::PayableDue> items;
  Status status = report_db_.WithSession([&](soci::session& s) -> Status {
    long long any_store = store_code.empty() ? 1 : 0;
    long long store_id = 0;
    std::string today = domain::DayInZone(now, "UTC");
    if (!store_code.empty()) {
      const StoreRow store = RequireStoreRow(s, store_code);
      store_id = store.id;
      today = domain::DayInZone(now, store.time_zone);
    }
    long long after_store = 0, after_party = 0;
    BO_RETURN_IF_ERROR(
        ParseStorePartyKey(page.after_key, &after_store, &after_party));
    long long limit = page.page_size + 1;
    // What is owed now, by the payables' own due days.
    items = QueryAll(
        s,
        "SELECT d.store_id, d.party_id, MIN(st.code), MIN(su.code), "
        "MIN(su.display_name), MIN(d.currency_code), "
        "CAST(SUM(d.amount_minor - d.allocated_minor) AS SIGNED), COUNT(*), "
        "DATE_FORMAT(MIN(d.due_day), '%Y-%m-%d'), CAST(COALESCE(SUM(IF("
        "d.due_day < :today, d.amount_minor - d.allocated_minor, 0)), 0) AS "
        "SIGNED) FROM party_documents d FORCE INDEX (ix_party_documents_kind) "
        "JOIN stores st ON st.id = d.store_id JOIN suppliers su ON su.id = "
        "d.party_id WHERE d.party_kind = 'SUPPLIER' AND d.direction = 'DEBIT' "
        "AND d.allocated_minor < d.amount_minor AND d.due_day <= :by AND "
        "(:anystore = 1 OR d.store_id = :sid) AND (d.store_id > :as1 OR "
        "(d.store_id = :as2 AND d.party_id > :ap)) GROUP BY d.store_id, "
        "d.party_id ORDER BY d.store_id, d.party_id LIMIT :lim",
        +[](const soci::row& r) {
          domain::PayableDue p;
          p.store_id = GetInt64(r, 0);
          p.party_id = GetInt64(r, 1);
          p.store_code = GetString(r, 2);
          p.supplier_code = GetString(r, 3);
          p.display_name = GetString(r, 4);
          p.currency_code = GetString(r, 5);
          p.amount_due_minor = GetInt64(r, 6);
          p.document_count = GetInt64(r, 7);
          p.oldest_due_day = GetString(r, 8);
          p.overdue_minor = GetInt64(r, 9);
          return p;
        },
        today, due_by_day, any_store, store_id, after_store, after_store,
        after_party, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

StatusOr<domain::CreditSettings> MySqlCreditRepository::GetCreditSettings(
    const std::string& store_code) {
  domain::CreditSettings settings;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    settings = ReadCreditSettings(s, RequireStoreRow(s, store_code));
    return Status();
  });
  if (!status.ok()) return status;
  return settings;
}

StatusOr<domain::CreditSettings> MySqlCreditRepository::UpdateCreditSettings(
    const domain::CreditSettings& in, const RequestContext& ctx) {
  domain::CreditSettings settings;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, in.store_code);
    RequireCurrency(store, in.currency_code.empty() ? store.currency_code
                                                    : in.currency_code);
    long long payment = in.supplier_payment_approval_limit_minor;
    long long write_off = in.write_off_head_office_limit_minor;
    long long tolerance = in.invoice_match_tolerance_minor;
    long long run = in.payment_run_head_office_limit_minor;
    long long store_id = store.id;
    s << "INSERT INTO credit_settings (store_id, "
         "supplier_payment_approval_limit_minor, "
         "write_off_head_office_limit_minor, invoice_match_tolerance_minor, "
         "payment_run_head_office_limit_minor, update_time) VALUES (:s, :p, "
         ":w, :t, :r, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE "
         "supplier_payment_approval_limit_minor = "
         "VALUES(supplier_payment_approval_limit_minor), "
         "write_off_head_office_limit_minor = VALUES("
         "write_off_head_office_limit_minor), invoice_match_tolerance_minor = "
         "VALUES(invoice_match_tolerance_minor), "
         "payment_run_head_office_limit_minor = "
         "VALUES(payment_run_head_office_limit_minor), update_time = "
         "VALUES(update_time)",
        soci::use(store_id), soci::use(payment), soci::use(write_off),
        soci::use(tolerance), soci::use(run);
    AppendAudit(s, &ctx,
                domain::AuditEntry{"credit_settings", store.code, store.code});
    settings = ReadCreditSettings(s, store);
    return Status();
  });
  if (!status.ok()) return status;
  return settings;
}

}  // namespace backoffice::storage
