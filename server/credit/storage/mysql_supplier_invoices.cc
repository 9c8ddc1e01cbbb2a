// The three-way match of MySqlCreditRepository: a supplier's invoice
// against the receipts it bills and their orders' prices; a difference
// beyond the store's tolerance blocks the receipts' payables until a
// manager accepts it.
#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "credit/domain/credit_rules.h"
#include "credit/storage/credit_rows.h"
#include "credit/storage/mysql_credit_repository.h"

namespace backoffice::storage {

using domain::PartyKind;
using domain::RequestContext;
using domain::SupplierInvoice;
using domain::SupplierInvoiceState;
using domain::TimeMicros;

namespace {

const std::string kSelectInvoice =
    "SELECT i.id, st.code, i.invoice_id, su.code, i.supplier_document, "
    "i.currency_code, i.invoice_amount_minor, i.expected_amount_minor, "
    "i.receipts_amount_minor, i.tolerance_minor, i.state, i.recorded_by, "
    "IFNULL(i.accepted_by, ''), i.accept_reason, "
    "IFNULL(i.adjustment_document_id, 0), " BO_MICROS(
        "i.create_time") ", i.supplier_id FROM supplier_invoices i JOIN stores "
                         "st ON st.id = i.store_id JOIN suppliers su ON su.id "
                         "= i.supplier_id";

struct InvoiceRow {
  long long pk = 0;
  long long supplier_id = 0;
  SupplierInvoice invoice;
};

InvoiceRow ReadInvoice(const soci::row& r) {
  InvoiceRow row;
  row.pk = GetInt64(r, 0);
  SupplierInvoice& i = row.invoice;
  i.store_code = GetString(r, 1);
  i.invoice_id = GetString(r, 2);
  i.supplier_code = GetString(r, 3);
  i.supplier_document = GetString(r, 4);
  i.currency_code = GetString(r, 5);
  i.invoice_amount_minor = GetInt64(r, 6);
  i.expected_amount_minor = GetInt64(r, 7);
  i.receipts_amount_minor = GetInt64(r, 8);
  i.tolerance_minor = GetInt64(r, 9);
  i.state = domain::SupplierInvoiceStateFromName(GetString(r, 10));
  i.recorded_by = GetString(r, 11);
  i.accepted_by = GetString(r, 12);
  i.accept_reason = GetString(r, 13);
  i.adjustment_document_number = GetInt64(r, 14);
  i.create_time = GetInt64(r, 15);
  row.supplier_id = GetInt64(r, 16);
  return row;
}

InvoiceRow LoadInvoice(soci::session& s, long long pk) {
  auto row =
      QueryOne(s, kSelectInvoice + " WHERE i.id = :pk", &ReadInvoice, pk);
  if (!row) {
    Fail(domain::Internal("INVOICE_VANISHED",
                          "a recorded invoice could not be read"));
  }
  row->invoice.receipt_ids = QueryAll(
      s,
      "SELECT g.receipt_id FROM supplier_invoice_receipts ir JOIN "
      "goods_receipts g ON g.id = ir.receipt_pk WHERE ir.invoice_pk = :pk "
      "ORDER BY g.receipt_id",
      +[](const soci::row& r) { return GetString(r, 0); }, pk);
  return *row;
}

std::optional<StoredDocument> FindInvoice(soci::session& s, long long store_id,
                                          const std::string& id, KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM supplier_invoices WHERE "
                  "store_id = :s AND invoice_id = :i") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, id);
}

struct ReceiptRow {
  long long pk = 0;
  std::string state;
  long long supplier_id = 0;
  long long payable_minor = 0;
  bool invoiced = false;
};

}  // namespace

StatusOr<domain::SupplierInvoiceOutcome>
MySqlCreditRepository::MatchSupplierInvoice(
    const domain::NewSupplierInvoice& in, const std::string& fingerprint,
    const RequestContext& ctx) {
  domain::SupplierInvoiceOutcome outcome;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    outcome = {};
    const StoreRow store = RequireStoreRow(s, in.store_code);
    const ClientDocument document(
        "supplier invoice", in.invoice_id, fingerprint,
        "uk_supplier_invoices_id",
        [&](KeyRead read) {
          return FindInvoice(s, store.id, in.invoice_id, read);
        },
        [&](long long pk) {
          outcome.invoice = LoadInvoice(s, pk).invoice;
          outcome.replayed = true;
          return Status();
        });
    if (auto recorded = document.Recorded()) return *recorded;
    const PartyRow supplier =
        RequireParty(s, store, {PartyKind::kSupplier, in.supplier_code});
    RequireCurrency(store, in.amount.currency_code);
    // The supplier's account: a block and a payment never pass each other.
    PartyLedger::LockAccount(
        s, LedgerPartyOf(store, PartyKind::kSupplier, supplier.id));
    if (auto recorded = document.Recorded(KeyRead::kCurrent)) return *recorded;
    std::vector<long long> receipt_pks;
    long long receipts_amount = 0;
    std::vector<domain::InvoicedLine> lines;
    for (const auto& receipt_id : in.receipt_ids) {
      auto row = QueryOne(
          s,
          "SELECT g.id, g.state, g.supplier_id, g.total_cost_minor + "
          "g.total_tax_minor, EXISTS (SELECT 1 FROM supplier_invoice_receipts "
          "ir WHERE ir.receipt_pk = g.id) FROM goods_receipts g WHERE "
          "g.store_id = :s AND g.receipt_id = :r",
          +[](const soci::row& r) {
            return ReceiptRow{GetInt64(r, 0), GetString(r, 1), GetInt64(r, 2),
                              GetInt64(r, 3), GetBool(r, 4)};
          },
          store.id, receipt_id);
      if (!row) {
        return domain::NotFound("GOODS_RECEIPT_NOT_FOUND",
                                "receipt " + receipt_id + " not found");
      }
      if (row->state != "POSTED") {
        return domain::FailedPrecondition(
            "RECEIPT_NOT_POSTED", "receipt " + receipt_id + " is not posted");
      }
      if (row->supplier_id != supplier.id) {
        return domain::FailedPrecondition(
            "RECEIPT_OTHER_SUPPLIER",
            "receipt " + receipt_id + " is not from " + in.supplier_code);
      }
      if (row->invoiced) {
        return domain::FailedPrecondition(
            "RECEIPT_ALREADY_INVOICED",
            "receipt " + receipt_id + " is billed by another invoice");
      }
      receipt_pks.push_back(row->pk);
      receipts_amount += row->payable_minor;
      for (auto& line : QueryAll(
               s,
               "SELECT received_milli, COALESCE(ordered_unit_cost_minor, "
               "unit_cost_minor), tax_rate_basis_points FROM "
               "goods_receipt_lines WHERE receipt_pk = :pk ORDER BY "
               "line_number",
               +[](const soci::row& r) {
                 return domain::InvoicedLine{
                     GetInt64(r, 0), GetInt64(r, 1),
                     static_cast<std::int32_t>(GetInt64(r, 2))};
               },
               row->pk)) {
        lines.push_back(line);
      }
    }
    const long long expected = domain::ExpectedInvoiceAmount(lines);
    const long long tolerance =
        ReadCreditSettings(s, store).invoice_match_tolerance_minor;
    const std::string state = domain::SupplierInvoiceStateName(
        domain::MatchInvoice(in.amount.minor_units - expected, tolerance));
    long long pk = 0;
    if (auto concurrent = document.Insert([&] {
          MultiInsert insert(
              "INSERT INTO supplier_invoices (store_id, invoice_id, "
              "fingerprint, supplier_id, supplier_document, currency_code, "
              "invoice_amount_minor, expected_amount_minor, "
              "receipts_amount_minor, tolerance_minor, state, recorded_by, "
              "recorded_by_name, create_time)",
              13, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))");
          insert.AddRow({store.id, in.invoice_id, fingerprint, supplier.id,
                         in.supplier_document, store.currency_code,
                         static_cast<long long>(in.amount.minor_units),
                         expected, receipts_amount, tolerance, state,
                         RecordedBy(ctx), ctx.principal.display_name});
          insert.Execute(s);
          pk = LastInsertId(s);
        })) {
      return *concurrent;
    }
    MultiInsert links(
        "INSERT INTO supplier_invoice_receipts (invoice_pk, receipt_pk)", 2);
    for (long long receipt_pk : receipt_pks) links.AddRow({pk, receipt_pk});
    try {
      links.Execute(s);
    } catch (const soci::soci_error& e) {
      if (IsDuplicateOf(e, "uk_supplier_invoice_receipts_receipt")) {
        return domain::FailedPrecondition(
            "RECEIPT_ALREADY_INVOICED",
            "a receipt is billed by another invoice");
      }
      throw;
    }
    AppendAudit(
        s, &ctx,
        domain::AuditEntry{"supplier_invoice", in.invoice_id, store.code});
    outcome.invoice = LoadInvoice(s, pk).invoice;
    return Status();
  });
  if (!status.ok()) return status;
  return outcome;
}

StatusOr<SupplierInvoice> MySqlCreditRepository::AcceptSupplierInvoice(
    const std::string& store_code, const std::string& invoice_id,
    const std::string& reason,
    const std::function<Status(const SupplierInvoice&)>& check, TimeMicros now,
    const RequestContext& ctx) {
  SupplierInvoice result;
  Status status = db_.InTransaction([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindInvoice(s, store.id, invoice_id, KeyRead::kSnapshot);
    if (!found) {
      return domain::NotFound(
          "SUPPLIER_INVOICE_NOT_FOUND",
          "invoice " + invoice_id + " not found in store " + store_code);
    }
    InvoiceRow row = LoadInvoice(s, found->pk);
    const LedgerParty party =
        LedgerPartyOf(store, PartyKind::kSupplier, row.supplier_id);
    PartyLedger::LockAccount(s, party);
    long long pk = found->pk;
    s << "SELECT id FROM supplier_invoices WHERE id = :pk FOR UPDATE",
        soci::use(pk);
    row = LoadInvoice(s, pk);
    if (row.invoice.state == SupplierInvoiceState::kAccepted) {
      result = row.invoice;
      return Status();
    }
    BO_RETURN_IF_ERROR(check(row.invoice));
    // What the store owes becomes what the invoice asks: the difference to
    // the receipts' payables is posted as a charge or a credit note.
    const long long adjustment =
        row.invoice.invoice_amount_minor - row.invoice.receipts_amount_minor;
    std::optional<long long> adjustment_id;
    if (adjustment != 0) {
      const std::string today = domain::DayInZone(now, store.time_zone);
      const PartyRow supplier = RequireParty(
          s, store, {PartyKind::kSupplier, row.invoice.supplier_code});
      PendingPosting posting;
      posting.party = party;
      LedgerDocument& d = posting.document;
      d.type = adjustment > 0 ? domain::PartyDocumentType::kCharge
                              : domain::PartyDocumentType::kCreditNote;
      d.direction = adjustment > 0 ? domain::Direction::kDebit
                                   : domain::Direction::kCredit;
      d.source_type = "INVOICE";
      d.source_id = invoice_id;
      d.source_pk = pk;
      d.amount_minor = adjustment > 0 ? adjustment : -adjustment;
      d.document_day = today;
      d.due_day =
          adjustment > 0 ? domain::AddDays(today, supplier.terms_days) : today;
      d.reference = row.invoice.supplier_document;
      d.note = reason;
      d.recorded_by = RecordedBy(ctx);
      d.recorded_by_name = ctx.principal.display_name;
      PartyLedger::PostAll(s, {posting});
      adjustment_id = QueryOne(
          s,
          "SELECT id FROM party_documents WHERE store_id = :s AND "
          "source_type = 'INVOICE' AND source_id = :i",
          +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
          store.id, invoice_id);
    }
    std::string by = RecordedBy(ctx);
    long long accepted = now;
    long long adjustment_value = adjustment_id.value_or(0);
    soci::indicator adjustment_ind = adjustment_id ? soci::i_ok : soci::i_null;
    s << "UPDATE supplier_invoices SET state = 'ACCEPTED', accepted_by = :by, "
         "accepted_by_name = :byn, accept_reason = :r, adjustment_document_id "
         "= :a, accept_time = TIMESTAMPADD(MICROSECOND, :t, '1970-01-01') "
         "WHERE id = :pk",
        soci::use(by), soci::use(ctx.principal.display_name), soci::use(reason),
        soci::use(adjustment_value, adjustment_ind), soci::use(accepted),
        soci::use(pk);
    AppendAudit(s, &ctx,
                domain::AuditEntry{"supplier_invoice_acceptance", invoice_id,
                                   store.code});
    result = LoadInvoice(s, pk).invoice;
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

StatusOr<SupplierInvoice> MySqlCreditRepository::GetSupplierInvoice(
    const std::string& store_code, const std::string& invoice_id) {
  SupplierInvoice result;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    const StoreRow store = RequireStoreRow(s, store_code);
    auto found = FindInvoice(s, store.id, invoice_id, KeyRead::kSnapshot);
    if (!found) {
      return domain::NotFound(
          "SUPPLIER_INVOICE_NOT_FOUND",
          "invoice " + invoice_id + " not found in store " + store_code);
    }
    result = LoadInvoice(s, found->pk).invoice;
    return Status();
  });
  if (!status.ok()) return status;
  return result;
}

}  // namespace backoffice::storage
