// The party ledger over MariaDB (see credit/domain/credit_repository.h for
// the contract, credit/storage/party_ledger.h for the posting component).
#ifndef BACKOFFICE_SERVER_CREDIT_STORAGE_MYSQL_CREDIT_REPOSITORY_H_
#define BACKOFFICE_SERVER_CREDIT_STORAGE_MYSQL_CREDIT_REPOSITORY_H_

#include "core/storage/database.h"
#include "credit/domain/credit_repository.h"

namespace backoffice::storage {

class MySqlCreditRepository : public domain::CreditRepository {
 public:
  // `report_db` serves the long reads (ageing, statements), so that they
  // never hold the tills' connections.
  MySqlCreditRepository(Database& db, Database& report_db)
      : db_(db), report_db_(report_db) {}

  StatusOr<domain::AuthorizationOutcome> Authorize(
      const domain::NewAuthorization& request, const std::string& fingerprint,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::CreditAuthorization> Override(
      const std::string& store_code, const std::string& authorization_id,
      const std::string& reason, domain::TimeMicros now,
      const domain::OverrideCheck& check,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::CreditAuthorization> Release(
      const std::string& store_code, const std::string& authorization_id,
      domain::TimeMicros now, const domain::OverrideCheck& check,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::CreditAuthorization> GetAuthorization(
      const std::string& store_code,
      const std::string& authorization_id) override;
  StatusOr<domain::PaymentOutcome> RecordPayment(
      const domain::NewPayment& payment, const std::string& fingerprint,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::ReversalOutcome> ReversePayment(
      const std::string& store_code, const std::string& payment_id,
      const std::string& reason, domain::TimeMicros now,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::Account> GetAccount(const std::string& store_code,
                                       const domain::PartyRef& party,
                                       domain::TimeMicros now) override;
  StatusOr<std::vector<domain::PartyDocument>> ListOpenItems(
      const std::string& store_code, const domain::PartyRef& party,
      const domain::PageRequest& page) override;
  StatusOr<domain::Statement> GetStatement(const std::string& store_code,
                                           const domain::PartyRef& party,
                                           const std::string& from_day,
                                           const std::string& to_day) override;
  StatusOr<domain::Ageing> GetAgeing(const domain::AgeingQuery& query,
                                     const domain::PageRequest& page,
                                     domain::TimeMicros now,
                                     bool with_totals) override;
  StatusOr<domain::LedgerRequestOutcome> RequestWriteOff(
      const domain::NewWriteOff& write_off, const std::string& fingerprint,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::LedgerDecisionOutcome> DecideLedgerRequest(
      const std::string& store_code, domain::LedgerRequestType type,
      const std::string& ledger_request_id, bool approve,
      const std::string& reason,
      const std::function<Status(const domain::LedgerRequest&)>& check,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::LedgerRequest>> ListLedgerRequests(
      const std::string& store_code, domain::LedgerRequestState state,
      const domain::PageRequest& page) override;
  StatusOr<std::vector<domain::PayableDue>> ListPayablesDue(
      const std::string& store_code, const std::string& due_by_day,
      domain::TimeMicros now, const domain::PageRequest& page) override;
  StatusOr<domain::PaymentRunOutcome> PreparePaymentRun(
      const domain::NewPaymentRun& run, const std::string& fingerprint,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::PaymentRun> DecidePaymentRun(
      const std::string& store_code, const std::string& payment_run_id,
      bool approve, const std::string& reason,
      const std::function<Status(const domain::PaymentRun&)>& check,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::PaymentRun> GetPaymentRun(
      const std::string& store_code,
      const std::string& payment_run_id) override;
  StatusOr<std::vector<domain::PaymentRun>> ListPaymentRuns(
      const std::string& store_code, domain::LedgerRequestState state,
      const domain::PageRequest& page) override;
  StatusOr<domain::SupplierInvoiceOutcome> MatchSupplierInvoice(
      const domain::NewSupplierInvoice& invoice, const std::string& fingerprint,
      const domain::RequestContext& ctx) override;
  StatusOr<domain::SupplierInvoice> AcceptSupplierInvoice(
      const std::string& store_code, const std::string& invoice_id,
      const std::string& reason,
      const std::function<Status(const domain::SupplierInvoice&)>& check,
      domain::TimeMicros now, const domain::RequestContext& ctx) override;
  StatusOr<domain::SupplierInvoice> GetSupplierInvoice(
      const std::string& store_code, const std::string& invoice_id) override;
  StatusOr<domain::CreditSettings> GetCreditSettings(
      const std::string& store_code) override;
  StatusOr<domain::CreditSettings> UpdateCreditSettings(
      const domain::CreditSettings& settings,
      const domain::RequestContext& ctx) override;
  StatusOr<std::vector<domain::CreditException>> ListCreditExceptions(
      const std::string& store_code, const std::string& business_day,
      const domain::PageRequest& page) override;

 private:
  Database& db_;
  Database& report_db_;
};

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_CREDIT_STORAGE_MYSQL_CREDIT_REPOSITORY_H_
