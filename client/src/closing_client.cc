// ClosingConnection's default bodies, its gRPC and retrying
// implementations, and ClosingClient.
#include "backoffice/closing_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/closing_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

ClosingConnection::~ClosingConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> ClosingConnection::Method(    \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.ClosingService." #Method      \
                  " is not implemented");                      \
  }
BACKOFFICE_CLOSING_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcClosingConnection : public ClosingConnection {
 public:
  explicit GrpcClosingConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::ClosingService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_CLOSING_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::ClosingService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingClosingConnection : public ClosingConnection {
 public:
  RetryingClosingConnection(std::shared_ptr<ClosingConnection> inner,
                            std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.ClosingService." #Method,                            \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_CLOSING_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<ClosingConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<ClosingConnection> MakeRetryingClosingConnection(
    std::shared_ptr<ClosingConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingClosingConnection>(std::move(inner),
                                                     std::move(retrier));
}

}  // namespace internal

std::shared_ptr<ClosingConnection> MakeClosingConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingClosingConnection(
      std::make_shared<internal::GrpcClosingConnection>(std::move(connection)),
      std::move(retrier));
}

ClosingClient::ClosingClient(std::shared_ptr<Connection> connection)
    : ClosingClient(MakeClosingConnection(std::move(connection))) {}

ClosingClient::ClosingClient(std::shared_ptr<ClosingConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                         \
  StatusOr<v1::Method##Response> ClosingClient::Method( \
      const v1::Method##Request& request) {             \
    return connection_->Method(request);                \
  }
BACKOFFICE_CLOSING_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status ClosingClient::ForEachTillSession(
    v1::ListTillSessionsRequest request,
    const std::function<bool(const v1::TillSession&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListTillSessionsRequest& r) {
        return connection_->ListTillSessions(r);
      },
      [](const v1::ListTillSessionsResponse& page) -> const auto& {
        return page.sessions();
      },
      visit);
}

}  // namespace backoffice
