#include "credit/storage/credit_rows.h"

#include <algorithm>

#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "credit/domain/credit_rules.h"

namespace backoffice::storage {

using domain::PartyDocument;
using domain::PartyKind;
using domain::PartyRef;
using domain::RequestContext;

// The party's row: a customer of this store, or a supplier.
PartyRow RequireParty(soci::session& s, const StoreRow& store,
                      const PartyRef& party) {
  std::optional<PartyRow> row;
  if (party.kind == PartyKind::kCustomer) {
    row = QueryOne(
        s,
        "SELECT id, active, credit_limit_minor, credit_limit_currency_code, "
        "credit_terms_days FROM customers WHERE store_id = :s AND code = :c",
        +[](const soci::row& r) {
          return PartyRow{GetInt64(r, 0), GetBool(r, 1), GetInt64(r, 2),
                          GetString(r, 3), static_cast<int>(GetInt64(r, 4))};
        },
        store.id, party.code);
    if (!row) {
      Fail(domain::NotFound(
          "CUSTOMER_NOT_FOUND",
          "customer " + party.code + " not found in store " + store.code));
    }
  } else {
    row = QueryOne(
        s,
        "SELECT id, active, 0, '', payment_terms_days FROM suppliers WHERE "
        "code = :c",
        +[](const soci::row& r) {
          return PartyRow{GetInt64(r, 0), GetBool(r, 1), GetInt64(r, 2),
                          GetString(r, 3), static_cast<int>(GetInt64(r, 4))};
        },
        party.code);
    if (!row) {
      Fail(domain::NotFound("SUPPLIER_NOT_FOUND",
                            "supplier " + party.code + " not found"));
    }
  }
  return *row;
}

long long RequireTerminal(soci::session& s, const StoreRow& store,
                          const std::string& code) {
  auto row = QueryOne(
      s, "SELECT id FROM terminals WHERE store_id = :s AND code = :c",
      +[](const soci::row& r) { return GetInt64(r, 0); }, store.id, code);
  if (!row) {
    Fail(domain::NotFound(
        "TERMINAL_NOT_FOUND",
        "terminal " + code + " not found in store " + store.code));
  }
  return *row;
}

void RequireCurrency(const StoreRow& store, const std::string& currency) {
  if (currency != store.currency_code) {
    Fail(domain::FailedPrecondition("CURRENCY_MISMATCH",
                                    "store " + store.code +
                                        " keeps its accounts in " +
                                        store.currency_code)
             .WithMetadata("currency_code", store.currency_code));
  }
}

LedgerParty LedgerPartyOf(const StoreRow& store, PartyKind kind,
                          long long party_id) {
  return LedgerParty{store.id, kind, party_id, store.currency_code};
}

// ---- Authorizations ----

extern const std::string kSelectDocument =
    "SELECT d.id, st.code, d.party_kind, IF(d.party_kind = 'CUSTOMER', "
    "cu.code, su.code), d.document_type, d.direction, d.source_type, "
    "d.source_id, d.currency_code, d.amount_minor, d.amount_minor - "
    "d.allocated_minor, DATE_FORMAT(d.document_day, '%Y-%m-%d'), "
    "DATE_FORMAT(d.due_day, '%Y-%m-%d'), IFNULL(d.payment_method, ''), "
    "d.reference, IFNULL(t.code, ''), IFNULL(d.reverses_document_id, 0), "
    "d.note, d.recorded_by, " BO_MICROS(
        "d.create_time") " FROM party_documents d JOIN stores st ON st.id = "
                         "d.store_id LEFT JOIN customers cu ON "
                         "d.party_kind = 'CUSTOMER' AND cu.id = d.party_id "
                         "LEFT JOIN suppliers su ON d.party_kind = "
                         "'SUPPLIER' AND su.id = d.party_id LEFT JOIN "
                         "terminals t ON t.id = d.terminal_id";

PartyDocument ReadDocument(const soci::row& r) {
  PartyDocument d;
  d.document_number = GetInt64(r, 0);
  d.store_code = GetString(r, 1);
  d.party.kind = domain::PartyKindFromName(GetString(r, 2));
  d.party.code = GetString(r, 3);
  d.type = domain::PartyDocumentTypeFromName(GetString(r, 4));
  d.direction = domain::DirectionFromName(GetString(r, 5));
  d.source_type = GetString(r, 6);
  d.source_id = GetString(r, 7);
  d.currency_code = GetString(r, 8);
  d.amount_minor = GetInt64(r, 9);
  d.open_minor = GetInt64(r, 10);
  d.document_day = GetString(r, 11);
  d.due_day = GetString(r, 12);
  d.payment_method = domain::PaymentMethodFromName(GetString(r, 13));
  d.reference = GetString(r, 14);
  d.terminal_code = GetString(r, 15);
  d.reverses_document_number = GetInt64(r, 16);
  d.note = GetString(r, 17);
  d.recorded_by = GetString(r, 18);
  d.create_time = GetInt64(r, 19);
  return d;
}

PartyDocument LoadDocument(soci::session& s, long long id) {
  auto row =
      QueryOne(s, kSelectDocument + " WHERE d.id = :id", &ReadDocument, id);
  if (!row) {
    Fail(domain::Internal("DOCUMENT_VANISHED",
                          "a recorded document could not be read"));
  }
  return *row;
}

domain::Allocation ReadAllocation(const soci::row& r) {
  domain::Allocation a;
  a.debit_document_number = GetInt64(r, 0);
  a.credit_document_number = GetInt64(r, 1);
  a.amount_minor = GetInt64(r, 2);
  a.currency_code = GetString(r, 3);
  a.allocation_day = GetString(r, 4);
  a.create_time = GetInt64(r, 5);
  return a;
}

extern const std::string kSelectAllocation =
    "SELECT a.debit_document_id, a.credit_document_id, a.amount_minor, "
    "d.currency_code, DATE_FORMAT(a.allocation_day, '%Y-%m-%d'), " BO_MICROS(
        "a.create_time") " FROM party_allocations a JOIN party_documents d ON "
                         "d.id = a.debit_document_id";

std::vector<domain::Allocation> AllocationsOf(soci::session& s,
                                              long long document_id) {
  return QueryAll(
      s, kSelectAllocation + " WHERE a.made_by_document_id = :d ORDER BY a.id",
      &ReadAllocation, document_id);
}

std::vector<domain::OpenItem> DebitsToPay(
    soci::session& s, const LedgerParty& party,
    const std::vector<domain::RequestedAllocation>& named) {
  auto open = PartyLedger::OpenItems(s, party, domain::Direction::kDebit);
  if (party.kind != PartyKind::kSupplier) return open;
  const std::vector<long long> blocked = QueryAll(
      s,
      "SELECT d.id FROM party_documents d JOIN supplier_invoice_receipts ir "
      "ON ir.receipt_pk = d.source_pk JOIN supplier_invoices i ON i.id = "
      "ir.invoice_pk WHERE d.store_id = :s AND d.party_kind = 'SUPPLIER' AND "
      "d.party_id = :p AND d.source_type = 'RECEIPT' AND d.is_open = 1 AND "
      "i.state = 'BLOCKED'",
      +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
      party.store_id, party.party_id);
  auto is_blocked = [&](long long id) {
    return std::find(blocked.begin(), blocked.end(), id) != blocked.end();
  };
  for (const auto& a : named) {
    if (is_blocked(a.document_number)) {
      Fail(domain::FailedPrecondition(
               "PAYABLE_BLOCKED",
               "document " + std::to_string(a.document_number) +
                   " is billed by an invoice that does not match; a manager "
                   "must accept it first")
               .WithMetadata("document_number",
                             std::to_string(a.document_number)));
    }
  }
  open.erase(std::remove_if(open.begin(), open.end(),
                            [&](const domain::OpenItem& item) {
                              return is_blocked(item.document_number);
                            }),
             open.end());
  return open;
}

std::vector<domain::OpenItem> SettleableDebits(soci::session& s,
                                               const LedgerParty& party) {
  auto open = DebitsToPay(s, party, {});
  const std::vector<long long> reserved = QueryAll(
      s,
      "SELECT i.reserved_document_id FROM payment_run_items i JOIN "
      "payment_runs r ON r.id = i.run_pk WHERE r.store_id = :s AND r.state "
      "= 'PENDING_APPROVAL' AND i.reserved_document_id IS NOT NULL",
      +[](const soci::row& r) -> long long { return GetInt64(r, 0); },
      party.store_id);
  open.erase(std::remove_if(open.begin(), open.end(),
                            [&](const domain::OpenItem& item) {
                              return std::find(reserved.begin(), reserved.end(),
                                               item.document_number) !=
                                     reserved.end();
                            }),
             open.end());
  return open;
}

Status ParseStorePartyKey(const std::string& key, long long* store_id,
                          long long* party_id) {
  *store_id = 0;
  *party_id = 0;
  if (key.empty()) return Status();
  const auto slash = key.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument("key");
    *store_id = std::stoll(key.substr(0, slash));
    *party_id = std::stoll(key.substr(slash + 1));
  } catch (const std::exception&) {
    return domain::InvalidArgument("INVALID_PAGE_TOKEN",
                                   "the page token is not this list's");
  }
  return Status();
}

std::string RecordedBy(const RequestContext& ctx) {
  return domain::FormatTokenId(ctx.principal.token_id);
}

std::optional<StoredDocument> FindPayment(soci::session& s, long long store_id,
                                          const std::string& payment_id,
                                          KeyRead read) {
  return QueryOne(
      s,
      std::string("SELECT id, fingerprint FROM party_documents WHERE "
                  "store_id = :s AND payment_id = :p") +
          KeyReadSuffix(read),
      +[](const soci::row& r) {
        return StoredDocument{GetInt64(r, 0), GetString(r, 1)};
      },
      store_id, payment_id);
}

}  // namespace backoffice::storage
