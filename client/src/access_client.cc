// AccessConnection's default bodies, its gRPC and retrying implementations,
// and AccessClient.
#include "backoffice/access_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/access_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

AccessConnection::~AccessConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> AccessConnection::Method(     \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.AccessService." #Method       \
                  " is not implemented");                      \
  }
BACKOFFICE_ACCESS_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcAccessConnection : public AccessConnection {
 public:
  explicit GrpcAccessConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::AccessService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_ACCESS_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::AccessService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingAccessConnection : public AccessConnection {
 public:
  RetryingAccessConnection(std::shared_ptr<AccessConnection> inner,
                           std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.AccessService." #Method,                             \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_ACCESS_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<AccessConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<AccessConnection> MakeRetryingAccessConnection(
    std::shared_ptr<AccessConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingAccessConnection>(std::move(inner),
                                                    std::move(retrier));
}

}  // namespace internal

std::shared_ptr<AccessConnection> MakeAccessConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingAccessConnection(
      std::make_shared<internal::GrpcAccessConnection>(std::move(connection)),
      std::move(retrier));
}

AccessClient::AccessClient(std::shared_ptr<Connection> connection)
    : AccessClient(MakeAccessConnection(std::move(connection))) {}

AccessClient::AccessClient(std::shared_ptr<AccessConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                        \
  StatusOr<v1::Method##Response> AccessClient::Method( \
      const v1::Method##Request& request) {            \
    return connection_->Method(request);               \
  }
BACKOFFICE_ACCESS_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status AccessClient::ForEachAccessToken(
    v1::ListAccessTokensRequest request,
    const std::function<bool(const v1::AccessToken&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListAccessTokensRequest& r) {
        return connection_->ListAccessTokens(r);
      },
      [](const v1::ListAccessTokensResponse& page) -> const auto& {
        return page.access_tokens();
      },
      visit);
}

}  // namespace backoffice
