// CreditConnection: the seam under CreditClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockCreditConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_CREDIT_CONNECTION_H_
#define BACKOFFICE_CREDIT_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/credit_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.CreditService. Each
/// default implementation returns UNIMPLEMENTED, so that an implementation of
/// your own keeps compiling when the service grows.
class CreditConnection {
 public:
  virtual ~CreditConnection();

  virtual StatusOr<v1::AuthorizeCreditResponse> AuthorizeCredit(
      const v1::AuthorizeCreditRequest& request);
  virtual StatusOr<v1::OverrideCreditAuthorizationResponse>
  OverrideCreditAuthorization(
      const v1::OverrideCreditAuthorizationRequest& request);
  virtual StatusOr<v1::GetCreditAuthorizationResponse> GetCreditAuthorization(
      const v1::GetCreditAuthorizationRequest& request);
  virtual StatusOr<v1::ReleaseCreditAuthorizationResponse>
  ReleaseCreditAuthorization(
      const v1::ReleaseCreditAuthorizationRequest& request);
  virtual StatusOr<v1::RecordPaymentResponse> RecordPayment(
      const v1::RecordPaymentRequest& request);
  virtual StatusOr<v1::ReversePaymentResponse> ReversePayment(
      const v1::ReversePaymentRequest& request);
  virtual StatusOr<v1::GetAccountResponse> GetAccount(
      const v1::GetAccountRequest& request);
  virtual StatusOr<v1::ListOpenItemsResponse> ListOpenItems(
      const v1::ListOpenItemsRequest& request);
  virtual StatusOr<v1::GetStatementResponse> GetStatement(
      const v1::GetStatementRequest& request);
  virtual StatusOr<v1::GetAgeingResponse> GetAgeing(
      const v1::GetAgeingRequest& request);
  virtual StatusOr<v1::ListCreditExceptionsResponse> ListCreditExceptions(
      const v1::ListCreditExceptionsRequest& request);
  virtual StatusOr<v1::RequestWriteOffResponse> RequestWriteOff(
      const v1::RequestWriteOffRequest& request);
  virtual StatusOr<v1::ApproveLedgerRequestResponse> ApproveLedgerRequest(
      const v1::ApproveLedgerRequestRequest& request);
  virtual StatusOr<v1::RejectLedgerRequestResponse> RejectLedgerRequest(
      const v1::RejectLedgerRequestRequest& request);
  virtual StatusOr<v1::ListLedgerRequestsResponse> ListLedgerRequests(
      const v1::ListLedgerRequestsRequest& request);
  virtual StatusOr<v1::ListPayablesDueResponse> ListPayablesDue(
      const v1::ListPayablesDueRequest& request);
  virtual StatusOr<v1::MatchSupplierInvoiceResponse> MatchSupplierInvoice(
      const v1::MatchSupplierInvoiceRequest& request);
  virtual StatusOr<v1::AcceptSupplierInvoiceResponse> AcceptSupplierInvoice(
      const v1::AcceptSupplierInvoiceRequest& request);
  virtual StatusOr<v1::GetSupplierInvoiceResponse> GetSupplierInvoice(
      const v1::GetSupplierInvoiceRequest& request);
  virtual StatusOr<v1::GetCreditSettingsResponse> GetCreditSettings(
      const v1::GetCreditSettingsRequest& request);
  virtual StatusOr<v1::UpdateCreditSettingsResponse> UpdateCreditSettings(
      const v1::UpdateCreditSettingsRequest& request);
  virtual StatusOr<v1::PreparePaymentRunResponse> PreparePaymentRun(
      const v1::PreparePaymentRunRequest& request);
  virtual StatusOr<v1::ApprovePaymentRunResponse> ApprovePaymentRun(
      const v1::ApprovePaymentRunRequest& request);
  virtual StatusOr<v1::RejectPaymentRunResponse> RejectPaymentRun(
      const v1::RejectPaymentRunRequest& request);
  virtual StatusOr<v1::GetPaymentRunResponse> GetPaymentRun(
      const v1::GetPaymentRunRequest& request);
  virtual StatusOr<v1::ListPaymentRunsResponse> ListPaymentRuns(
      const v1::ListPaymentRunsRequest& request);
};

/// The SDK's CreditConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<CreditConnection> MakeCreditConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_CREDIT_CONNECTION_H_
