// Payment runs of MySqlCreditRepository: one payment per supplier for what
// the store owes by a day, prepared under the suppliers' account locks and
// posted in one transaction on a second person's approval.
//
// A waiting run reserves the documents it names (payment_run_items.
// reserved_document_id, unique), so that two waiting runs never pay one
// payable. Other postings are not held back by a reservation: a payable
// paid by hand meanwhile makes the run stale, and its approval is refused
// rather than paying the supplier twice.
#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "credit/domain/credit_rules.h"
#include "credit/domain/payment_run_rules.h"
#include "credit/storage/credit_rows.h"
#include "credit/storage/mysql_credit_repository.h"

namespace backoffice::storage {

using domain::Direction;
using domain::LedgerRequestState;
using domain::PartyKind;
using domain::PaymentRun;
using domain::PaymentRunItem;
using domain::PaymentRunLine;
using domain::RequestContext;
using domain::TimeMicros;

namespace {

const std::string kSelectRun =
    "SELECT r.id, st.code, r.payment_run_id, DATE_FORMAT(r.due_by_day, "
    "'%Y-%m-%d'), r.payment_method, r.reference, r.note, r.currency_code, "
    "r.total_minor, r.state, r.needs_head_office, r.prepared_by, "
    "IFNULL(r.decided_by, ''), r.decision_reason, " BO_MICROS(
        "r.create_time") ", IFNULL(" BO_MICROS("r.decide_time") ", 0) FROM "
                                                                "payment_runs "
                                                                "r JOIN stores "
                                                                "st ON st.id = "
                                                                "r.store_id";

PaymentRun ReadRun(const soci::row& r) {
  PaymentRun run;
  run.sequence = GetInt64(r, 0);
  run.store_code = GetString(r, 1);
  run.payment_run_id = GetString(r, 2);
  run.due_by_day = GetString(r, 3);
  run.method = domain::PaymentMethodFromName(GetString(r, 4));
  run.reference = GetString(r, 5);
  run.note = GetString(r, 6);
  run.currency_code = GetString(r, 7);
  run.total_minor = GetInt64(r, 8);
  run.state = domain::LedgerRequestStateFromName(GetString(r, 9));
  run.needs_head_office = GetBool(r, 10);
  run.prepared_by = GetString(r, 11);
  run.decided_by = GetString(r, 12);
  run.decision_reason = GetString(r, 13);
  run.create_time = GetInt64(r, 14);
  run.decide_time = GetInt64(r, 15);
  return run;
}

// A line as stored, with the supplier's row id the posting needs.
struct StoredLine {
  long long supplier_id = 0;
  PaymentRunLine line;
};

// A line with its run's row id, as both reads of lines find it.
struct LineOfRun {
  long long run_pk = 0;
  StoredLine stored;
};

const char kSelectLines[] =
    "SELECT l.run_pk, l.line_number, l.supplier_id, su.code, "
    "su.display_name, l.gross_minor, l.credits_minor, l.amount_minor, "
    "IFNULL(l.document_id, 0) FROM payment_run_lines l JOIN suppliers su ON "
    "su.id = l.supplier_id";

LineOfRun ReadLine(const soci::row& r) {
  LineOfRun out;
  out.run_pk = GetInt64(r, 0);
  StoredLine& l = out.stored;
  l.line.line_number = static_cast<int>(GetInt64(r, 1));
  l.supplier_id = GetInt64(r, 2);
  l.line.supplier_code = GetString(r, 3);
  l.line.display_name = GetString(r, 4);
  l.line.gross_minor = GetInt64(r, 5);
  l.line.credits_minor = GetInt64(r, 6);
  l.line.amount_minor = GetInt64(r, 7);
  l.line.document_number = GetInt64(r, 8);
  return out;
}

std::vector<StoredLine> LoadLines(soci::session& s, long long run_pk,
                                  const std::string& run_id, bool with_items) {
  std::vector<StoredLine> lines;
  for (auto& row : QueryAll(s,
                            std::string(kSelectLines) +
                                " WHERE l.run_pk = :pk ORDER BY l.line_number",
                            &ReadLine, run_pk)) {
    lines.push_back(std::move(row.stored));
  }
  for (auto& l : lines) {
    if (l.line.document_number > 0) {
      l.line.payment_id = domain::RunLinePaymentId(run_id, l.line.line_number);
    }
  }
  if (!with_items) return lines;
  struct ItemRow {
    int line_number = 0;
    bool credit = false;
    PaymentRunItem item;
  };
  const auto items = QueryAll(
      s,
      "SELECT i.line_number, i.item_kind, i.document_id, "
      "DATE_FORMAT(d.due_day, '%Y-%m-%d'), i.amount_minor FROM "
      "payment_run_items i JOIN party_documents d ON d.id = i.document_id "
      "WHERE i.run_pk = :pk ORDER BY i.line_number, i.item_number",
      +[](const soci::row& r) {
        ItemRow row;
        row.line_number = static_cast<int>(GetInt64(r, 0));
        row.credit = GetString(r, 1) == "CREDIT";
        row.item = {GetInt64(r, 2), GetString(r, 3), GetInt64(r, 4)};
        return row;
      },
      run_pk);
  for (const auto& row : items) {
    auto& line = lines.at(static_cast<std::size_t>(row.line_number - 1)).line;
    (row.credit ? line.credits : line.payables).push_back(row.item);
  }
  return lines;
}

PaymentRun LoadRun(soci::session& s, long long pk, bool with_items = true) {
  auto run = QueryOne(s, kSelectRun + " WHERE r.id = :pk", &ReadRun, pk);
  if (!run) {
    Fail(domain::Internal("PAYMENT_RUN_VANISHED",
                          "a prepared payment run could not be read"));
  }
  for (auto& l : LoadLines(s, pk, run->payment_run_id, with_items)) {
    run->lines.push_back(std::move(l.line));
  }
  return *run;
}

std::optional<StoredDocument> FindRun(soci::session& s, long long store_id,
                                      const std::string& id, KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM payment_runs WHERE store_id "
                  "= :s AND payment_run_id = :i") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, id);
}

struct SupplierRow {
  long long id = 0;
  std::string code;
  std::string display_name;
};

// The suppliers a run considers, in party (lock) order: those named, or
// every one with an open payable due by the day.
std::vector<SupplierRow> RunSuppliers(soci::session& s, const StoreRow& store,
                                      const domain::NewPaymentRun& run) {
  auto read = +[](const soci::row& r) {
    return SupplierRow{GetInt64(r, 0), GetString(r, 1), GetString(r, 2)};
  };
  std::vector<SupplierRow> suppliers;
  if (run.supplier_codes.empty()) {
    suppliers = QueryAll(
        s,
        "SELECT su.id, su.code, su.display_name FROM suppliers su WHERE "
        "su.id IN (SELECT d.party_id FROM party_documents d WHERE "
        "d.party_kind = 'SUPPLIER' AND d.store_id = :s AND d.direction = "
        "'DEBIT' AND d.is_open = 1 AND d.due_day <= :by)",
        read, store.id, run.due_by_day);
  } else {
    for (const auto& code : run.supplier_codes) {
      const PartyRow party =
          RequireParty(s, store, {PartyKind::kSupplier, code});
      auto row = QueryOne(
          s, "SELECT id, code, display_name FROM suppliers WHERE id = :i", read,
          party.id);
      suppliers.push_back(*row);
    }
  }
  std::sort(
      suppliers.begin(), suppliers.end(),
      [](const SupplierRow& a, const SupplierRow& b) { return a.id < b.id; });
  return suppliers;
}

// The documents waiting runs of the store hold.
std::set<long long> ReservedDocuments(soci::session& s, long long store_id) {
  const auto ids = QueryAll(
      s,
      "SELECT i.reserved_document_id FROM payment_run_items i JOIN "
      "payment_runs r ON r.id = i.run_pk WHERE r.store_id = :s AND "
      "r.state = 'PENDING_APPROVAL' AND i.reserved_document_id IS NOT NULL",
      +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
      store_id);
  return {ids.begin(), ids.end()};
}

std::vector<domain::OpenItem> Unreserved(std::vector<domain::OpenItem> items,
                                         const std::set<long long>& reserved) {
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const domain::OpenItem& item) {
                               return reserved.count(item.document_number) > 0;
                             }),
              items.end());
  return items;
}

long long InsertRun(soci::session& s, const StoreRow& store,
                    const domain::NewPaymentRun& run,
                    const std::string& fingerprint,
                    const std::vector<StoredLine>& lines, long long total_minor,
                    bool needs_head_office, const RequestContext& ctx) {
  MultiInsert header(
      "INSERT INTO payment_runs (store_id, payment_run_id, fingerprint, "
      "due_by_day, payment_method, reference, note, currency_code, "
      "total_minor, state, needs_head_office, prepared_by, prepared_by_name, "
      "create_time)",
      13, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))");
  header.AddRow({store.id, run.payment_run_id, fingerprint, run.due_by_day,
                 std::string(domain::PaymentMethodName(run.method)),
                 run.reference, run.note, store.currency_code, total_minor,
                 std::string("PENDING_APPROVAL"), needs_head_office ? 1LL : 0LL,
                 RecordedBy(ctx), ctx.principal.display_name});
  header.Execute(s);
  const long long pk = LastInsertId(s);
  MultiInsert line_rows(
      "INSERT INTO payment_run_lines (run_pk, line_number, supplier_id, "
      "gross_minor, credits_minor, amount_minor)",
      6);
  MultiInsert item_rows(
      "INSERT INTO payment_run_items (run_pk, line_number, item_number, "
      "item_kind, document_id, amount_minor, reserved_document_id)",
      7);
  for (const auto& l : lines) {
    const long long n = l.line.line_number;
    line_rows.AddRow({pk, n, l.supplier_id,
                      static_cast<long long>(l.line.gross_minor),
                      static_cast<long long>(l.line.credits_minor),
                      static_cast<long long>(l.line.amount_minor)});
    long long item = 0;
    auto add = [&](const PaymentRunItem& i, const char* kind) {
      const long long doc = i.document_number;
      item_rows.AddRow({pk, n, ++item, std::string(kind), doc,
                        static_cast<long long>(i.amount_minor), doc});
    };
    for (const auto& i : l.line.payables) add(i, "PAYABLE");
    for (const auto& i : l.line.credits) add(i, "CREDIT");
  }
  line_rows.Execute(s);
  item_rows.Execute(s);
  return pk;
}

Status Stale(const PaymentRunLine& line, const PaymentRunItem& item,
             long long open_minor) {
  return domain::FailedPrecondition(
             "PAYMENT_RUN_STALE",
             "document " + std::to_string(item.document_number) +
                 " of supplier " + line.supplier_code + " has " +
                 std::to_string(open_minor) +
                 " open (or is held by an invoice), the run settles " +
                 std::to_string(item.amount_minor) +
                 "; reject the run and prepare it again")
      .WithMetadata("supplier_code", line.supplier_code)
      .WithMetadata("document_number", std::to_string(item.document_number));
}

// Posts one line's payment and its settlements; the account is locked.
Status PostLine(soci::session& s, const StoreRow& store, long long run_pk,
                const PaymentRun& run, const StoredLine& stored,
                const std::string& today, const RequestContext& ctx) {
  const PaymentRunLine& line = stored.line;
  const LedgerParty party =
      LedgerPartyOf(store, PartyKind::kSupplier, stored.supplier_id);
  std::map<long long, long long> open;
  for (const auto& d : DebitsToPay(s, party, {})) {
    open[d.document_number] = d.open_minor;
  }
  for (const auto& c : PartyLedger::OpenItems(s, party, Direction::kCredit)) {
    open[c.document_number] = c.open_minor;
  }
  for (const auto* items : {&line.payables, &line.credits}) {
    for (const auto& item : *items) {
      const auto found = open.find(item.document_number);
      const long long available = found == open.end() ? 0 : found->second;
      if (available < item.amount_minor) return Stale(line, item, available);
    }
  }
  LedgerDocument doc;
  doc.type = domain::PartyDocumentType::kPayment;
  doc.direction = Direction::kCredit;
  doc.source_type = "PAYMENT_RUN";
  doc.source_id = run.payment_run_id;
  doc.source_pk = run_pk;
  doc.payment_id =
      domain::RunLinePaymentId(run.payment_run_id, line.line_number);
  doc.amount_minor = line.amount_minor;
  doc.document_day = today;
  doc.due_day = today;
  doc.payment_method = run.method;
  doc.reference = run.reference;
  doc.note = run.note;
  // The preparer's payment, posted on the checker's word.
  doc.recorded_by = run.prepared_by;
  doc.recorded_by_name = "approved by " + ctx.principal.display_name;
  const long long payment = PartyLedger::Append(s, party, doc);
  for (const auto& settle : domain::SettleRunLine(line)) {
    const long long credit = settle.credit_document_number == 0
                                 ? payment
                                 : settle.credit_document_number;
    PartyLedger::Allocate(s, party, settle.debit_document_number, credit,
                          settle.amount_minor, today, payment);
  }
  long long pk = run_pk;
  long long number = line.line_number;
  long long document = payment;
  s << "UPDATE payment_run_lines SET document_id = :d WHERE run_pk = :pk "
       "AND line_number = :n",
      soci::use(document), soci::use(pk), soci::use(number);
  return Status();
}

}  // namespace

StatusOr<domain::PaymentRunOutcome> MySqlCreditRepository::PreparePaymentRun(
    const domain::NewPaymentRun& run, const std::string& fingerprint,
    const RequestContext& ctx) {
  domain::PaymentRunOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, run.store_code);
    const ClientDocument document(
        "payment run", run.payment_run_id, fingerprint, "uk_payment_runs_id",
        [&](KeyRead read) {
          return FindRun(s, store.id, run.payment_run_id, read);
        },
        [&](long long pk) {
          outcome.run = LoadRun(s, pk);
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    const std::vector<SupplierRow> suppliers = RunSuppliers(s, store, run);
    // Every supplier's account, in party order, before anything is read:
    // what is open, blocked or reserved only changes under these locks.
    for (const auto& supplier : suppliers) {
      PartyLedger::LockAccount(
          s, LedgerPartyOf(store, PartyKind::kSupplier, supplier.id));
    }
    if (auto recorded = document.Recorded(KeyRead::kCurrent)) return *recorded;
    const std::set<long long> reserved = ReservedDocuments(s, store.id);
    std::vector<StoredLine> lines;
    long long total = 0;
    for (const auto& supplier : suppliers) {
      const LedgerParty party =
          LedgerPartyOf(store, PartyKind::kSupplier, supplier.id);
      auto line = domain::PlanRunLine(
          Unreserved(DebitsToPay(s, party, {}), reserved),
          Unreserved(PartyLedger::OpenItems(s, party, Direction::kCredit),
                     reserved),
          run.due_by_day);
      if (!line) continue;
      line->line_number = static_cast<int>(lines.size()) + 1;
      line->supplier_code = supplier.code;
      line->display_name = supplier.display_name;
      total += line->amount_minor;
      lines.push_back({supplier.id, std::move(*line)});
    }
    if (lines.empty()) {
      return domain::FailedPrecondition(
          "NOTHING_DUE",
          "nothing is owed to " +
              std::string(run.supplier_codes.empty() ? "any supplier"
                                                     : "the suppliers named") +
              " by " + run.due_by_day +
              " that another run does not hold already");
    }
    if (total > domain::kMaxLedgerAmountMinor) {
      return domain::FailedPrecondition(
          "AMOUNT_TOO_LARGE", "the run's total exceeds what one run carries");
    }
    const bool needs_head_office =
        domain::PaymentRunNeedsHeadOffice(ReadCreditSettings(s, store), total);
    long long pk = 0;
    if (auto concurrent = document.Insert([&] {
          pk = InsertRun(s, store, run, fingerprint, lines, total,
                         needs_head_office, ctx);
        })) {
      return *concurrent;
    }
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"payment_run", run.payment_run_id, store.code});
    outcome.run = LoadRun(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<PaymentRun> MySqlCreditRepository::DecidePaymentRun(
    const std::string& store_code, const std::string& payment_run_id,
    bool approve, const std::string& reason,
    const std::function<Status(const PaymentRun&)>& check, TimeMicros now,
    const RequestContext& ctx) {
  PaymentRun result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindRun(s, store.id, payment_run_id, KeyRead::kSnapshot);
    if (!found) {
      return domain::NotFound("PAYMENT_RUN_NOT_FOUND",
                              "payment run " + payment_run_id +
                                  " not found in store " + store_code);
    }
    long long pk = found->pk;
    // The suppliers' accounts first, in party order, as every posting
    // takes them; then the run.
    std::vector<StoredLine> lines =
        LoadLines(s, pk, payment_run_id, /*with_items=*/true);
    std::vector<long long> supplier_ids;
    for (const auto& l : lines) supplier_ids.push_back(l.supplier_id);
    std::sort(supplier_ids.begin(), supplier_ids.end());
    for (long long id : supplier_ids) {
      PartyLedger::LockAccount(s,
                               LedgerPartyOf(store, PartyKind::kSupplier, id));
    }
    s << "SELECT id FROM payment_runs WHERE id = :pk FOR UPDATE", soci::use(pk);
    PaymentRun run = LoadRun(s, pk);
    const LedgerRequestState wanted =
        approve ? LedgerRequestState::kPosted : LedgerRequestState::kRejected;
    if (run.state == wanted) {
      // Answered only to whom the decision itself would be allowed, so
      // that no preparer reads a decided run back as an approval of theirs.
      PaymentRun waiting = run;
      waiting.state = LedgerRequestState::kPendingApproval;
      BO_RETURN_IF_ERROR(check(waiting));
      result = run;
      return Status();
    }
    // A limit lowered since the run was prepared applies to its approval.
    run.needs_head_office = run.needs_head_office ||
                            domain::PaymentRunNeedsHeadOffice(
                                ReadCreditSettings(s, store), run.total_minor);
    BO_RETURN_IF_ERROR(check(run));
    if (approve) {
      const std::string today = domain::DayInZone(now, store.time_zone);
      for (const auto& line : lines) {
        BO_RETURN_IF_ERROR(PostLine(s, store, pk, run, line, today, ctx));
      }
    }
    std::string by = RecordedBy(ctx);
    std::string state = approve ? "POSTED" : "REJECTED";
    std::string why = approve ? "" : reason;
    long long decided = now;
    s << "UPDATE payment_runs SET state = :st, decided_by = :by, "
         "decided_by_name = :byn, decision_reason = :r, decide_time = "
         "TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') WHERE id = :pk",
        soci::use(state), soci::use(by), soci::use(ctx.principal.display_name),
        soci::use(why), soci::use(decided), soci::use(pk);
    // Decided: its documents are free for another run.
    s << "UPDATE payment_run_items SET reserved_document_id = NULL WHERE "
         "run_pk = :pk",
        soci::use(pk);
    AppendAudit(s, &ctx,
                domain::AuditEntry{
                    approve ? "payment_run_approval" : "payment_run_rejection",
                    payment_run_id, store.code});
    result = LoadRun(s, pk);
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<PaymentRun> MySqlCreditRepository::GetPaymentRun(
    const std::string& store_code, const std::string& payment_run_id) {
  PaymentRun run;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindRun(s, store.id, payment_run_id, KeyRead::kSnapshot);
    if (!found) {
      return domain::NotFound("PAYMENT_RUN_NOT_FOUND",
                              "payment run " + payment_run_id +
                                  " not found in store " + store_code);
    }
    run = LoadRun(s, found->pk);
    return Status();
  });
  if (!status.ok()) return status;
  return run;
}

StatusOr<std::vector<PaymentRun>> MySqlCreditRepository::ListPaymentRuns(
    const std::string& store_code, LedgerRequestState state,
    const domain::PageRequest& page) {
  std::vector<PaymentRun> runs;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    long long before =
        page.after_sequence.value_or(std::numeric_limits<long long>::max());
    long long any_state = state == LedgerRequestState::kUnspecified ? 1 : 0;
    std::string wanted = domain::LedgerRequestStateName(state);
    long long limit = page.page_size + 1;
    runs = QueryAll(s,
                    kSelectRun +
                        " WHERE r.store_id = :s AND r.id < :before AND "
                        "(:any = 1 OR r.state = :st) ORDER BY r.id DESC "
                        "LIMIT :lim",
                    &ReadRun, store.id, before, any_state, wanted, limit);
    // The page's lines in one read, not one per run.
    std::vector<std::string> pks;
    std::map<long long, PaymentRun*> by_pk;
    for (auto& run : runs) {
      pks.push_back(std::to_string(run.sequence));
      by_pk[run.sequence] = &run;
    }
    for (auto& row : QueryIn(s,
                             std::string(kSelectLines) +
                                 " WHERE l.run_pk IN ({in}) ORDER BY l.run_pk, "
                                 "l.line_number",
                             &ReadLine, pks)) {
      PaymentRun& run = *by_pk.at(row.run_pk);
      PaymentRunLine& line = row.stored.line;
      if (line.document_number > 0) {
        line.payment_id =
            domain::RunLinePaymentId(run.payment_run_id, line.line_number);
      }
      run.lines.push_back(std::move(line));
    }
    return Status();
  });
  if (!status.ok()) return status;
  return runs;
}

}  // namespace backoffice::storage
