// ReconciliationConnection's default bodies, its gRPC and retrying
// implementations, and ReconciliationClient.
#include "backoffice/reconciliation_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/reconciliation_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

ReconciliationConnection::~ReconciliationConnection() = default;

#define BO_DEFAULT(Method, Kind)                                   \
  StatusOr<v1::Method##Response> ReconciliationConnection::Method( \
      const v1::Method##Request&) {                                \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED",     \
                  "backoffice.v1.ReconciliationService." #Method   \
                  " is not implemented");                          \
  }
BACKOFFICE_RECONCILIATION_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcReconciliationConnection : public ReconciliationConnection {
 public:
  explicit GrpcReconciliationConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::ReconciliationService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_RECONCILIATION_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::ReconciliationService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingReconciliationConnection : public ReconciliationConnection {
 public:
  RetryingReconciliationConnection(
      std::shared_ptr<ReconciliationConnection> inner,
      std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.ReconciliationService." #Method,                     \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_RECONCILIATION_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<ReconciliationConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<ReconciliationConnection> MakeRetryingReconciliationConnection(
    std::shared_ptr<ReconciliationConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingReconciliationConnection>(std::move(inner),
                                                            std::move(retrier));
}

}  // namespace internal

std::shared_ptr<ReconciliationConnection> MakeReconciliationConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingReconciliationConnection(
      std::make_shared<internal::GrpcReconciliationConnection>(
          std::move(connection)),
      std::move(retrier));
}

ReconciliationClient::ReconciliationClient(
    std::shared_ptr<Connection> connection)
    : ReconciliationClient(
          MakeReconciliationConnection(std::move(connection))) {}

ReconciliationClient::ReconciliationClient(
    std::shared_ptr<ReconciliationConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                                \
  StatusOr<v1::Method##Response> ReconciliationClient::Method( \
      const v1::Method##Request& request) {                    \
    return connection_->Method(request);                       \
  }
BACKOFFICE_RECONCILIATION_METHODS(BO_CLIENT)
#undef BO_CLIENT

}  // namespace backoffice
