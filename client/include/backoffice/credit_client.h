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

/// Debts and credit. Every method is retried: reads; authorizations and
/// payments by their client ids; reversals by payment id; overrides and
/// releases by state (a repeat replays), unless ConnectionOptions::methods
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

 private:
  std::shared_ptr<CreditConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_CREDIT_CLIENT_H_
