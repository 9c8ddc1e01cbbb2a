// The party ledger's storage contract. credit/storage implements it over
// MariaDB; transport tests may implement it with mocks.
//
// Each mutating method is one short transaction that first locks the
// party's account row (PartyLedger::LockAccount), so the postings and
// holds of one party are serialised; it writes the documents, allocations
// and the audit record together. Database failures are kUnavailable or
// kAborted. Safe for concurrent use.
#ifndef BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_REPOSITORY_H_
#define BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_REPOSITORY_H_

#include <functional>
#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "credit/domain/credit_model.h"

namespace backoffice::domain {

// Checks an override on the locked authorization (CheckOverrider).
using OverrideCheck = std::function<Status(const CreditAuthorization&)>;

struct AgeingQuery {
  std::string store_code;  // Empty: every store.
  PartyKind party_kind = PartyKind::kCustomer;
  std::string as_of_day;  // Empty: each store's today.
};

class CreditRepository {
 public:
  virtual ~CreditRepository() = default;

  // Holds the amount when the customer stays within the limit, else
  // records the request as OVER_LIMIT; either is committed. A replay
  // returns the recorded authorization. NOT_FOUND (STORE_NOT_FOUND,
  // CUSTOMER_NOT_FOUND, TERMINAL_NOT_FOUND), FAILED_PRECONDITION
  // (CUSTOMER_INACTIVE, CURRENCY_MISMATCH), ALREADY_EXISTS
  // (IDEMPOTENCY_KEY_REUSED).
  virtual StatusOr<AuthorizationOutcome> Authorize(
      const NewAuthorization& request, const std::string& fingerprint,
      TimeMicros now, const RequestContext& ctx) = 0;
  // OVER_LIMIT -> HELD once `check` accepts it; a held one overridden
  // before is returned as is.
  virtual StatusOr<CreditAuthorization> Override(
      const std::string& store_code, const std::string& authorization_id,
      const std::string& reason, TimeMicros now, const OverrideCheck& check,
      const RequestContext& ctx) = 0;
  // HELD -> RELEASED once `check` accepts the locked hold; a released one
  // is returned as is.
  virtual StatusOr<CreditAuthorization> Release(
      const std::string& store_code, const std::string& authorization_id,
      TimeMicros now, const OverrideCheck& check,
      const RequestContext& ctx) = 0;
  // NOT_FOUND (AUTHORIZATION_NOT_FOUND).
  virtual StatusOr<CreditAuthorization> GetAuthorization(
      const std::string& store_code, const std::string& authorization_id) = 0;

  // Appends the payment and its allocations (PlanAllocations on the open
  // debits read under the lock). A replay returns the recorded payment.
  virtual StatusOr<PaymentOutcome> RecordPayment(const NewPayment& payment,
                                                 const std::string& fingerprint,
                                                 TimeMicros now,
                                                 const RequestContext& ctx) = 0;
  // Appends the payment's reversal. NOT_FOUND (PAYMENT_NOT_FOUND); a
  // payment reversed already is a replay.
  virtual StatusOr<ReversalOutcome> ReversePayment(
      const std::string& store_code, const std::string& payment_id,
      const std::string& reason, TimeMicros now, const RequestContext& ctx) = 0;

  virtual StatusOr<Account> GetAccount(const std::string& store_code,
                                       const PartyRef& party,
                                       TimeMicros now) = 0;
  // Up to page.page_size + 1 open documents, oldest due first, after
  // page.after_key ("YYYY-MM-DD/<document number>").
  virtual StatusOr<std::vector<PartyDocument>> ListOpenItems(
      const std::string& store_code, const PartyRef& party,
      const PageRequest& page) = 0;
  virtual StatusOr<Statement> GetStatement(const std::string& store_code,
                                           const PartyRef& party,
                                           const std::string& from_day,
                                           const std::string& to_day) = 0;
  // Up to page.page_size + 1 rows in (store, party) row order after
  // page.after_key ("<store id>/<party id>"); the totals on the first
  // page.
  virtual StatusOr<Ageing> GetAgeing(const AgeingQuery& query,
                                     const PageRequest& page, TimeMicros now,
                                     bool with_totals) = 0;
  // Records a write-off waiting for approval, after checking, under the
  // customer's lock, that the customer owes it (FAILED_PRECONDITION,
  // WRITE_OFF_EXCEEDS_OPEN). A replay returns the recorded request.
  virtual StatusOr<LedgerRequestOutcome> RequestWriteOff(
      const NewWriteOff& write_off, const std::string& fingerprint,
      const RequestContext& ctx) = 0;
  // Approves (posts) or rejects a waiting request once `check` accepts it
  // on the locked row; a request already where the decision leads is
  // returned as is. NOT_FOUND (LEDGER_REQUEST_NOT_FOUND).
  virtual StatusOr<LedgerDecisionOutcome> DecideLedgerRequest(
      const std::string& store_code, LedgerRequestType type,
      const std::string& ledger_request_id, bool approve,
      const std::string& reason,
      const std::function<Status(const LedgerRequest&)>& check, TimeMicros now,
      const RequestContext& ctx) = 0;
  // Up to page.page_size + 1, newest first, below page.after_sequence.
  virtual StatusOr<std::vector<LedgerRequest>> ListLedgerRequests(
      const std::string& store_code, LedgerRequestState state,
      const PageRequest& page) = 0;
  // Up to page.page_size + 1 (store, supplier) rows after page.after_key
  // ("<store id>/<supplier id>"); `today` decides what is overdue.
  virtual StatusOr<std::vector<PayableDue>> ListPayablesDue(
      const std::string& store_code, const std::string& due_by_day,
      TimeMicros now, const PageRequest& page) = 0;
  // Prepares a run under the account locks of the suppliers it pays (in
  // party order), reserving the payables and credits it names.
  // NOT_FOUND (SUPPLIER_NOT_FOUND), FAILED_PRECONDITION (NOTHING_DUE),
  // ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED). A replay returns the run.
  virtual StatusOr<PaymentRunOutcome> PreparePaymentRun(
      const NewPaymentRun& run, const std::string& fingerprint,
      const RequestContext& ctx) = 0;
  // Approves (posts every line) or rejects a waiting run once `check`
  // accepts it, under its suppliers' locks; a run already where the
  // decision leads is returned as is. NOT_FOUND (PAYMENT_RUN_NOT_FOUND),
  // FAILED_PRECONDITION (PAYMENT_RUN_STALE).
  virtual StatusOr<PaymentRun> DecidePaymentRun(
      const std::string& store_code, const std::string& payment_run_id,
      bool approve, const std::string& reason,
      const std::function<Status(const PaymentRun&)>& check, TimeMicros now,
      const RequestContext& ctx) = 0;
  // NOT_FOUND (PAYMENT_RUN_NOT_FOUND).
  virtual StatusOr<PaymentRun> GetPaymentRun(
      const std::string& store_code, const std::string& payment_run_id) = 0;
  // Up to page.page_size + 1, newest first, below page.after_sequence,
  // without their items.
  virtual StatusOr<std::vector<PaymentRun>> ListPaymentRuns(
      const std::string& store_code, LedgerRequestState state,
      const PageRequest& page) = 0;
  // Matches an invoice to posted receipts of its supplier, under the
  // supplier's account lock (so that no payment slips past a block).
  // NOT_FOUND (SUPPLIER_NOT_FOUND, GOODS_RECEIPT_NOT_FOUND),
  // FAILED_PRECONDITION (RECEIPT_NOT_POSTED, RECEIPT_OTHER_SUPPLIER,
  // RECEIPT_ALREADY_INVOICED), ALREADY_EXISTS (IDEMPOTENCY_KEY_REUSED).
  virtual StatusOr<SupplierInvoiceOutcome> MatchSupplierInvoice(
      const NewSupplierInvoice& invoice, const std::string& fingerprint,
      const RequestContext& ctx) = 0;
  // BLOCKED -> ACCEPTED once `check` accepts the locked invoice, posting
  // the difference; an accepted one is returned as is.
  virtual StatusOr<SupplierInvoice> AcceptSupplierInvoice(
      const std::string& store_code, const std::string& invoice_id,
      const std::string& reason,
      const std::function<Status(const SupplierInvoice&)>& check,
      TimeMicros now, const RequestContext& ctx) = 0;
  // NOT_FOUND (SUPPLIER_INVOICE_NOT_FOUND).
  virtual StatusOr<SupplierInvoice> GetSupplierInvoice(
      const std::string& store_code, const std::string& invoice_id) = 0;
  virtual StatusOr<CreditSettings> GetCreditSettings(
      const std::string& store_code) = 0;
  virtual StatusOr<CreditSettings> UpdateCreditSettings(
      const CreditSettings& settings, const RequestContext& ctx) = 0;

  // Up to page.page_size + 1, newest first, below page.after_sequence.
  virtual StatusOr<std::vector<CreditException>> ListCreditExceptions(
      const std::string& store_code, const std::string& business_day,
      const PageRequest& page) = 0;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_REPOSITORY_H_
