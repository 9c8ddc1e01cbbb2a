// The rows the credit repository's files share: parties, terminals,
// documents and allocations as storage reads them, inside the caller's
// transaction. Missing rows throw StatusError with the domain's reason.
#ifndef BACKOFFICE_SERVER_CREDIT_STORAGE_CREDIT_ROWS_H_
#define BACKOFFICE_SERVER_CREDIT_STORAGE_CREDIT_ROWS_H_

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/storage/idempotency.h"
#include "core/storage/sql_util.h"
#include "credit/domain/credit_model.h"
#include "credit/storage/party_ledger.h"

namespace backoffice::storage {

struct PartyRow {
  long long id = 0;
  bool active = false;
  long long credit_limit_minor = 0;
  std::string limit_currency;
  int terms_days = 0;
};

// A customer of this store, or a supplier: NOT_FOUND (CUSTOMER_NOT_FOUND,
// SUPPLIER_NOT_FOUND).
PartyRow RequireParty(soci::session& s, const StoreRow& store,
                      const domain::PartyRef& party);
// NOT_FOUND (TERMINAL_NOT_FOUND).
long long RequireTerminal(soci::session& s, const StoreRow& store,
                          const std::string& code);
// FAILED_PRECONDITION (CURRENCY_MISMATCH) unless the store's currency.
void RequireCurrency(const StoreRow& store, const std::string& currency);
LedgerParty LedgerPartyOf(const StoreRow& store, domain::PartyKind kind,
                          long long party_id);

// A document with its party's code and open amount.
extern const std::string kSelectDocument;
domain::PartyDocument ReadDocument(const soci::row& r);
domain::PartyDocument LoadDocument(soci::session& s, long long id);

extern const std::string kSelectAllocation;
domain::Allocation ReadAllocation(const soci::row& r);
// The allocations the posting of a document made (what its replay
// returns).
std::vector<domain::Allocation> AllocationsOf(soci::session& s,
                                              long long document_id);

// The open debits a payment may settle, oldest due first: a supplier's
// payables billed by a BLOCKED invoice are left out, and naming one is
// FAILED_PRECONDITION (PAYABLE_BLOCKED). The account must be locked.
std::vector<domain::OpenItem> DebitsToPay(
    soci::session& s, const LedgerParty& party,
    const std::vector<domain::RequestedAllocation>& named);

// The open debits a supplier's credit note may settle by itself, oldest due
// first: DebitsToPay's, less the payables a waiting payment run reserves
// (the run pays those; settling them would make it stale). The account
// must be locked.
std::vector<domain::OpenItem> SettleableDebits(soci::session& s,
                                               const LedgerParty& party);

// A page key "<store id>/<party id>" (ageing, payables due); empty is the
// first page. INVALID_ARGUMENT (INVALID_PAGE_TOKEN) otherwise.
Status ParseStorePartyKey(const std::string& key, long long* store_id,
                          long long* party_id);

// "tok_<n>": who the audit and maker-checker name.
std::string RecordedBy(const domain::RequestContext& ctx);

// A payment by its client id within the store.
std::optional<StoredDocument> FindPayment(soci::session& s, long long store_id,
                                          const std::string& payment_id,
                                          KeyRead read);

// The store's approval limits (0 and 0 when never set).
domain::CreditSettings ReadCreditSettings(soci::session& s,
                                          const StoreRow& store);

// A ledger request by its client id within the store and type.
std::optional<StoredDocument> FindLedgerRequest(soci::session& s,
                                                long long store_id,
                                                domain::LedgerRequestType type,
                                                const std::string& id,
                                                KeyRead read);
domain::LedgerRequest LoadLedgerRequest(soci::session& s, long long pk);

// What a new request says; `ledger_request_id` is the client's id.
struct NewLedgerRequest {
  domain::LedgerRequestType type = domain::LedgerRequestType::kUnspecified;
  std::string ledger_request_id;
  std::string fingerprint;
  domain::PartyKind party_kind = domain::PartyKind::kUnspecified;
  long long party_id = 0;
  long long amount_minor = 0;
  domain::PaymentMethod method = domain::PaymentMethod::kUnspecified;
  std::string reference;
  std::string note;
  bool needs_head_office = false;
  std::vector<domain::RequestedAllocation> allocations;
};

// Inserts a waiting request and its named documents (the caller's
// ClientDocument judges duplicates); returns its row id.
long long InsertLedgerRequest(soci::session& s, const StoreRow& store,
                              const NewLedgerRequest& request,
                              const domain::RequestContext& ctx);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CREDIT_STORAGE_CREDIT_ROWS_H_
