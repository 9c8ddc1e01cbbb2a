// ApprovalConnection's default bodies, its gRPC and retrying
// implementations, and ApprovalClient.
#include "backoffice/approval_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/approval_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

ApprovalConnection::~ApprovalConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> ApprovalConnection::Method(   \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.ApprovalService." #Method     \
                  " is not implemented");                      \
  }
BACKOFFICE_APPROVAL_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcApprovalConnection : public ApprovalConnection {
 public:
  explicit GrpcApprovalConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::ApprovalService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_APPROVAL_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::ApprovalService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingApprovalConnection : public ApprovalConnection {
 public:
  RetryingApprovalConnection(std::shared_ptr<ApprovalConnection> inner,
                             std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.ApprovalService." #Method,                           \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_APPROVAL_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<ApprovalConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<ApprovalConnection> MakeRetryingApprovalConnection(
    std::shared_ptr<ApprovalConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingApprovalConnection>(std::move(inner),
                                                      std::move(retrier));
}

}  // namespace internal

std::shared_ptr<ApprovalConnection> MakeApprovalConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingApprovalConnection(
      std::make_shared<internal::GrpcApprovalConnection>(std::move(connection)),
      std::move(retrier));
}

ApprovalClient::ApprovalClient(std::shared_ptr<Connection> connection)
    : ApprovalClient(MakeApprovalConnection(std::move(connection))) {}

ApprovalClient::ApprovalClient(std::shared_ptr<ApprovalConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                          \
  StatusOr<v1::Method##Response> ApprovalClient::Method( \
      const v1::Method##Request& request) {              \
    return connection_->Method(request);                 \
  }
BACKOFFICE_APPROVAL_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status ApprovalClient::ForEachApproval(
    v1::ListApprovalsRequest request,
    const std::function<bool(const v1::Approval&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListApprovalsRequest& r) {
        return connection_->ListApprovals(r);
      },
      [](const v1::ListApprovalsResponse& page) -> const auto& {
        return page.approvals();
      },
      visit);
}

}  // namespace backoffice
