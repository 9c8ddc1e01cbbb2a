// A gMock mock of CreditConnection, to test code that uses CreditClient
// without a server:
//
//   auto mock = std::make_shared<backoffice::mocks::MockCreditConnection>();
//   EXPECT_CALL(*mock, ...).WillOnce(testing::Return(...));
//   backoffice::CreditClient client(mock);
//
// Header-only; link GTest::gmock (or backoffice::mocks, from
// find_package(backoffice CONFIG REQUIRED COMPONENTS mocks)).
//
// @par Thread Safety
// As any gMock mock: set expectations before calls start.
#ifndef BACKOFFICE_MOCKS_MOCK_CREDIT_CONNECTION_H_
#define BACKOFFICE_MOCKS_MOCK_CREDIT_CONNECTION_H_

#include <gmock/gmock.h>

#include "backoffice/credit_connection.h"

namespace backoffice {
namespace mocks {

class MockCreditConnection : public CreditConnection {
 public:
  MOCK_METHOD(StatusOr<v1::AuthorizeCreditResponse>, AuthorizeCredit,
              (const v1::AuthorizeCreditRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::OverrideCreditAuthorizationResponse>,
              OverrideCreditAuthorization,
              (const v1::OverrideCreditAuthorizationRequest& request),
              (override));
  MOCK_METHOD(StatusOr<v1::GetCreditAuthorizationResponse>,
              GetCreditAuthorization,
              (const v1::GetCreditAuthorizationRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ReleaseCreditAuthorizationResponse>,
              ReleaseCreditAuthorization,
              (const v1::ReleaseCreditAuthorizationRequest& request),
              (override));
  MOCK_METHOD(StatusOr<v1::RecordPaymentResponse>, RecordPayment,
              (const v1::RecordPaymentRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ReversePaymentResponse>, ReversePayment,
              (const v1::ReversePaymentRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetAccountResponse>, GetAccount,
              (const v1::GetAccountRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListOpenItemsResponse>, ListOpenItems,
              (const v1::ListOpenItemsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetStatementResponse>, GetStatement,
              (const v1::GetStatementRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetAgeingResponse>, GetAgeing,
              (const v1::GetAgeingRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListCreditExceptionsResponse>, ListCreditExceptions,
              (const v1::ListCreditExceptionsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RequestWriteOffResponse>, RequestWriteOff,
              (const v1::RequestWriteOffRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ApproveLedgerRequestResponse>, ApproveLedgerRequest,
              (const v1::ApproveLedgerRequestRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RejectLedgerRequestResponse>, RejectLedgerRequest,
              (const v1::RejectLedgerRequestRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListLedgerRequestsResponse>, ListLedgerRequests,
              (const v1::ListLedgerRequestsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListPayablesDueResponse>, ListPayablesDue,
              (const v1::ListPayablesDueRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::MatchSupplierInvoiceResponse>, MatchSupplierInvoice,
              (const v1::MatchSupplierInvoiceRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::AcceptSupplierInvoiceResponse>,
              AcceptSupplierInvoice,
              (const v1::AcceptSupplierInvoiceRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetSupplierInvoiceResponse>, GetSupplierInvoice,
              (const v1::GetSupplierInvoiceRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetCreditSettingsResponse>, GetCreditSettings,
              (const v1::GetCreditSettingsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::UpdateCreditSettingsResponse>, UpdateCreditSettings,
              (const v1::UpdateCreditSettingsRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::PreparePaymentRunResponse>, PreparePaymentRun,
              (const v1::PreparePaymentRunRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ApprovePaymentRunResponse>, ApprovePaymentRun,
              (const v1::ApprovePaymentRunRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::RejectPaymentRunResponse>, RejectPaymentRun,
              (const v1::RejectPaymentRunRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::GetPaymentRunResponse>, GetPaymentRun,
              (const v1::GetPaymentRunRequest& request), (override));
  MOCK_METHOD(StatusOr<v1::ListPaymentRunsResponse>, ListPaymentRuns,
              (const v1::ListPaymentRunsRequest& request), (override));
};

}  // namespace mocks
}  // namespace backoffice

#endif  // BACKOFFICE_MOCKS_MOCK_CREDIT_CONNECTION_H_
