// CreditConnection's default bodies, its gRPC and retrying implementations,
// and CreditClient.
#include "backoffice/credit_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/credit_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

CreditConnection::~CreditConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> CreditConnection::Method(     \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.CreditService." #Method       \
                  " is not implemented");                      \
  }
BACKOFFICE_CREDIT_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcCreditConnection : public CreditConnection {
 public:
  explicit GrpcCreditConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::CreditService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_CREDIT_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::CreditService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingCreditConnection : public CreditConnection {
 public:
  RetryingCreditConnection(std::shared_ptr<CreditConnection> inner,
                           std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.CreditService." #Method,                             \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_CREDIT_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<CreditConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<CreditConnection> MakeRetryingCreditConnection(
    std::shared_ptr<CreditConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingCreditConnection>(std::move(inner),
                                                    std::move(retrier));
}

}  // namespace internal

std::shared_ptr<CreditConnection> MakeCreditConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingCreditConnection(
      std::make_shared<internal::GrpcCreditConnection>(std::move(connection)),
      std::move(retrier));
}

CreditClient::CreditClient(std::shared_ptr<Connection> connection)
    : CreditClient(MakeCreditConnection(std::move(connection))) {}

CreditClient::CreditClient(std::shared_ptr<CreditConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                        \
  StatusOr<v1::Method##Response> CreditClient::Method( \
      const v1::Method##Request& request) {            \
    return connection_->Method(request);               \
  }
BACKOFFICE_CREDIT_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status CreditClient::ForEachOpenItem(
    v1::ListOpenItemsRequest request,
    const std::function<bool(const v1::PartyDocument&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListOpenItemsRequest& r) {
        return connection_->ListOpenItems(r);
      },
      [](const v1::ListOpenItemsResponse& page) -> const auto& {
        return page.documents();
      },
      visit);
}

Status CreditClient::ForEachAgeingRow(
    v1::GetAgeingRequest request,
    const std::function<bool(const v1::AgeingRow&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::GetAgeingRequest& r) {
        return connection_->GetAgeing(r);
      },
      [](const v1::GetAgeingResponse& page) -> const auto& {
        return page.rows();
      },
      visit);
}

Status CreditClient::ForEachCreditException(
    v1::ListCreditExceptionsRequest request,
    const std::function<bool(const v1::CreditException&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListCreditExceptionsRequest& r) {
        return connection_->ListCreditExceptions(r);
      },
      [](const v1::ListCreditExceptionsResponse& page) -> const auto& {
        return page.exceptions();
      },
      visit);
}

Status CreditClient::ForEachLedgerRequest(
    v1::ListLedgerRequestsRequest request,
    const std::function<bool(const v1::LedgerRequest&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListLedgerRequestsRequest& r) {
        return connection_->ListLedgerRequests(r);
      },
      [](const v1::ListLedgerRequestsResponse& page) -> const auto& {
        return page.requests();
      },
      visit);
}

Status CreditClient::ForEachPayableDue(
    v1::ListPayablesDueRequest request,
    const std::function<bool(const v1::PayableDue&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListPayablesDueRequest& r) {
        return connection_->ListPayablesDue(r);
      },
      [](const v1::ListPayablesDueResponse& page) -> const auto& {
        return page.payables();
      },
      visit);
}

Status CreditClient::ForEachPaymentRun(
    v1::ListPaymentRunsRequest request,
    const std::function<bool(const v1::PaymentRun&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListPaymentRunsRequest& r) {
        return connection_->ListPaymentRuns(r);
      },
      [](const v1::ListPaymentRunsResponse& page) -> const auto& {
        return page.payment_runs();
      },
      visit);
}

}  // namespace backoffice
