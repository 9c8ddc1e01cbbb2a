// Debts and credit as the transport layer sees it: validation, store and
// terminal scope, the pure rules, then the repository.
//
// Thread safety: stateless beyond its repository and clock; safe for
// concurrent use.
#ifndef BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_H_
#define BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_H_

#include <string>

#include "core/domain/clock.h"
#include "core/domain/model.h"
#include "core/domain/status.h"
#include "credit/domain/credit_model.h"
#include "credit/domain/credit_repository.h"

namespace backoffice::domain {

class Credit {
 public:
  Credit(CreditRepository& repository, Clock clock)
      : repository_(repository), clock_(std::move(clock)) {}

  // A hold, or FAILED_PRECONDITION (CREDIT_LIMIT_EXCEEDED) with the
  // refusal recorded for an override; a replay answers the same.
  StatusOr<AuthorizationOutcome> Authorize(const RequestContext& ctx,
                                           const NewAuthorization& request);
  StatusOr<CreditAuthorization> Override(const RequestContext& ctx,
                                         const std::string& store_code,
                                         const std::string& authorization_id,
                                         const std::string& reason);
  StatusOr<CreditAuthorization> Release(const RequestContext& ctx,
                                        const std::string& store_code,
                                        const std::string& authorization_id);
  StatusOr<CreditAuthorization> GetAuthorization(
      const RequestContext& ctx, const std::string& store_code,
      const std::string& authorization_id);
  StatusOr<PaymentOutcome> RecordPayment(const RequestContext& ctx,
                                         const NewPayment& payment);
  StatusOr<ReversalOutcome> ReversePayment(const RequestContext& ctx,
                                           const std::string& store_code,
                                           const std::string& payment_id,
                                           const std::string& reason);
  StatusOr<Account> GetAccount(const RequestContext& ctx,
                               const std::string& store_code,
                               const PartyRef& party);
  StatusOr<Page<PartyDocument>> ListOpenItems(const RequestContext& ctx,
                                              const std::string& store_code,
                                              const PartyRef& party,
                                              int page_size,
                                              const std::string& page_token);
  StatusOr<Statement> GetStatement(const RequestContext& ctx,
                                   const std::string& store_code,
                                   const PartyRef& party,
                                   const std::string& from_day,
                                   const std::string& to_day);
  StatusOr<Ageing> GetAgeing(const RequestContext& ctx,
                             const AgeingQuery& query, int page_size,
                             const std::string& page_token);
  StatusOr<LedgerRequestOutcome> RequestWriteOff(const RequestContext& ctx,
                                                 const NewWriteOff& write_off);
  StatusOr<LedgerDecisionOutcome> DecideLedgerRequest(
      const RequestContext& ctx, const std::string& store_code,
      LedgerRequestType type, const std::string& ledger_request_id,
      bool approve, const std::string& reason);
  StatusOr<Page<LedgerRequest>> ListLedgerRequests(
      const RequestContext& ctx, const std::string& store_code,
      LedgerRequestState state, int page_size, const std::string& page_token);
  StatusOr<Page<PayableDue>> ListPayablesDue(const RequestContext& ctx,
                                             const std::string& store_code,
                                             const std::string& due_by_day,
                                             int page_size,
                                             const std::string& page_token);
  // Payment runs (payment_runs.cc).
  StatusOr<PaymentRunOutcome> PreparePaymentRun(const RequestContext& ctx,
                                                const NewPaymentRun& run);
  StatusOr<PaymentRun> DecidePaymentRun(const RequestContext& ctx,
                                        const std::string& store_code,
                                        const std::string& payment_run_id,
                                        bool approve,
                                        const std::string& reason);
  StatusOr<PaymentRun> GetPaymentRun(const RequestContext& ctx,
                                     const std::string& store_code,
                                     const std::string& payment_run_id);
  StatusOr<Page<PaymentRun>> ListPaymentRuns(const RequestContext& ctx,
                                             const std::string& store_code,
                                             LedgerRequestState state,
                                             int page_size,
                                             const std::string& page_token);
  StatusOr<SupplierInvoiceOutcome> MatchSupplierInvoice(
      const RequestContext& ctx, const NewSupplierInvoice& invoice);
  StatusOr<SupplierInvoice> AcceptSupplierInvoice(const RequestContext& ctx,
                                                  const std::string& store_code,
                                                  const std::string& invoice_id,
                                                  const std::string& reason);
  StatusOr<SupplierInvoice> GetSupplierInvoice(const RequestContext& ctx,
                                               const std::string& store_code,
                                               const std::string& invoice_id);
  StatusOr<CreditSettings> GetCreditSettings(const RequestContext& ctx,
                                             const std::string& store_code);
  StatusOr<CreditSettings> UpdateCreditSettings(const RequestContext& ctx,
                                                const CreditSettings& settings);
  StatusOr<Page<CreditException>> ListCreditExceptions(
      const RequestContext& ctx, const std::string& store_code,
      const std::string& business_day, int page_size,
      const std::string& page_token);

 private:
  CreditRepository& repository_;
  Clock clock_;
};

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CREDIT_DOMAIN_CREDIT_H_
