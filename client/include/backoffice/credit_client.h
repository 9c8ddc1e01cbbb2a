// CreditClient: debts and credit ("hutang piutang"): holds of a credit
// customer's limit for a sale at a till, payments by customers and to
// suppliers, and each party's account, open items, statement and ageing.
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_CREDIT_CLIENT_H_
#define BACKOFFICE_CREDIT_CLIENT_H_

#include <functional>
#include <memory>

#include "backoffice/connection.h"
#include "backoffice/credit_connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/credit_service.pb.h"

namespace backoffice {

/// Debts and credit. Every method is retried: reads; authorizations,
/// payments, write-off requests and supplier invoice matches by their
/// client ids; reversals by payment id; overrides, releases, approvals,
/// rejections and invoice acceptances by state (a repeat replays); settings
/// updates, which set absolute values; unless ConnectionOptions::methods
/// says otherwise.
class CreditClient {
 public:
  /// A client over the SDK's gRPC connection (MakeCreditConnection).
  explicit CreditClient(std::shared_ptr<Connection> connection);
  /// A client over any CreditConnection, such as a mock.
  explicit CreditClient(std::shared_ptr<CreditConnection> connection);

  StatusOr<v1::AuthorizeCreditResponse> AuthorizeCredit(
      const v1::AuthorizeCreditRequest& request);
  StatusOr<v1::OverrideCreditAuthorizationResponse> OverrideCreditAuthorization(
      const v1::OverrideCreditAuthorizationRequest& request);
  StatusOr<v1::GetCreditAuthorizationResponse> GetCreditAuthorization(
      const v1::GetCreditAuthorizationRequest& request);
  StatusOr<v1::ReleaseCreditAuthorizationResponse> ReleaseCreditAuthorization(
      const v1::ReleaseCreditAuthorizationRequest& request);
  StatusOr<v1::RecordPaymentResponse> RecordPayment(
      const v1::RecordPaymentRequest& request);
  StatusOr<v1::ReversePaymentResponse> ReversePayment(
      const v1::ReversePaymentRequest& request);
  StatusOr<v1::GetAccountResponse> GetAccount(
      const v1::GetAccountRequest& request);
  StatusOr<v1::ListOpenItemsResponse> ListOpenItems(
      const v1::ListOpenItemsRequest& request);
  StatusOr<v1::GetStatementResponse> GetStatement(
      const v1::GetStatementRequest& request);
  StatusOr<v1::GetAgeingResponse> GetAgeing(
      const v1::GetAgeingRequest& request);
  StatusOr<v1::ListCreditExceptionsResponse> ListCreditExceptions(
      const v1::ListCreditExceptionsRequest& request);
  StatusOr<v1::RequestWriteOffResponse> RequestWriteOff(
      const v1::RequestWriteOffRequest& request);
  StatusOr<v1::ApproveLedgerRequestResponse> ApproveLedgerRequest(
      const v1::ApproveLedgerRequestRequest& request);
  StatusOr<v1::RejectLedgerRequestResponse> RejectLedgerRequest(
      const v1::RejectLedgerRequestRequest& request);
  StatusOr<v1::ListLedgerRequestsResponse> ListLedgerRequests(
      const v1::ListLedgerRequestsRequest& request);
  StatusOr<v1::ListPayablesDueResponse> ListPayablesDue(
      const v1::ListPayablesDueRequest& request);
  StatusOr<v1::MatchSupplierInvoiceResponse> MatchSupplierInvoice(
      const v1::MatchSupplierInvoiceRequest& request);
  StatusOr<v1::AcceptSupplierInvoiceResponse> AcceptSupplierInvoice(
      const v1::AcceptSupplierInvoiceRequest& request);
  StatusOr<v1::GetSupplierInvoiceResponse> GetSupplierInvoice(
      const v1::GetSupplierInvoiceRequest& request);
  StatusOr<v1::GetCreditSettingsResponse> GetCreditSettings(
      const v1::GetCreditSettingsRequest& request);
  StatusOr<v1::UpdateCreditSettingsResponse> UpdateCreditSettings(
      const v1::UpdateCreditSettingsRequest& request);
  StatusOr<v1::PreparePaymentRunResponse> PreparePaymentRun(
      const v1::PreparePaymentRunRequest& request);
  StatusOr<v1::ApprovePaymentRunResponse> ApprovePaymentRun(
      const v1::ApprovePaymentRunRequest& request);
  StatusOr<v1::RejectPaymentRunResponse> RejectPaymentRun(
      const v1::RejectPaymentRunRequest& request);
  StatusOr<v1::GetPaymentRunResponse> GetPaymentRun(
      const v1::GetPaymentRunRequest& request);
  StatusOr<v1::ListPaymentRunsResponse> ListPaymentRuns(
      const v1::ListPaymentRunsRequest& request);

  /// Visit every open document of a party, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachOpenItem(
      v1::ListOpenItemsRequest request,
      const std::function<bool(const v1::PartyDocument&)>& visit);
  /// Visit every ageing row (one per party), following the pages. The
  /// totals, which come on the first page only, are not visited: read them
  /// with GetAgeing.
  Status ForEachAgeingRow(
      v1::GetAgeingRequest request,
      const std::function<bool(const v1::AgeingRow&)>& visit);
  /// Visit every credit exception of a store, following the pages.
  Status ForEachCreditException(
      v1::ListCreditExceptionsRequest request,
      const std::function<bool(const v1::CreditException&)>& visit);
  /// Visit every ledger request of a store (in the request's state, if
  /// set), newest first, following the pages.
  Status ForEachLedgerRequest(
      v1::ListLedgerRequestsRequest request,
      const std::function<bool(const v1::LedgerRequest&)>& visit);
  /// Visit every row of the payables due by a day (one per store and
  /// supplier), following the pages.
  Status ForEachPayableDue(
      v1::ListPayablesDueRequest request,
      const std::function<bool(const v1::PayableDue&)>& visit);
  /// Visit every payment run of a store (in the request's state, if set),
  /// newest first, following the pages.
  Status ForEachPaymentRun(
      v1::ListPaymentRunsRequest request,
      const std::function<bool(const v1::PaymentRun&)>& visit);

 private:
  std::shared_ptr<CreditConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_CREDIT_CLIENT_H_
