// AuditConnection's default bodies, its gRPC and retrying implementations,
// and AuditClient.
#include "backoffice/audit_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/audit_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

AuditConnection::~AuditConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> AuditConnection::Method(      \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.AuditService." #Method        \
                  " is not implemented");                      \
  }
BACKOFFICE_AUDIT_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcAuditConnection : public AuditConnection {
 public:
  explicit GrpcAuditConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::AuditService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_AUDIT_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::AuditService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingAuditConnection : public AuditConnection {
 public:
  RetryingAuditConnection(std::shared_ptr<AuditConnection> inner,
                          std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.AuditService." #Method,                              \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_AUDIT_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<AuditConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<AuditConnection> MakeRetryingAuditConnection(
    std::shared_ptr<AuditConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingAuditConnection>(std::move(inner),
                                                   std::move(retrier));
}

}  // namespace internal

std::shared_ptr<AuditConnection> MakeAuditConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingAuditConnection(
      std::make_shared<internal::GrpcAuditConnection>(std::move(connection)),
      std::move(retrier));
}

AuditClient::AuditClient(std::shared_ptr<Connection> connection)
    : AuditClient(MakeAuditConnection(std::move(connection))) {}

AuditClient::AuditClient(std::shared_ptr<AuditConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                       \
  StatusOr<v1::Method##Response> AuditClient::Method( \
      const v1::Method##Request& request) {           \
    return connection_->Method(request);              \
  }
BACKOFFICE_AUDIT_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status AuditClient::ForEachAuditRecord(
    v1::ListAuditRecordsRequest request,
    const std::function<bool(const v1::AuditRecord&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListAuditRecordsRequest& r) {
        return connection_->ListAuditRecords(r);
      },
      [](const v1::ListAuditRecordsResponse& page) -> const auto& {
        return page.audit_records();
      },
      visit);
}

}  // namespace backoffice
