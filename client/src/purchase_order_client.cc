// PurchaseOrderConnection's default bodies, its gRPC and retrying
// implementations, and PurchaseOrderClient.
#include "backoffice/purchase_order_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/purchase_order_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

PurchaseOrderConnection::~PurchaseOrderConnection() = default;

#define BO_DEFAULT(Method, Kind)                                  \
  StatusOr<v1::Method##Response> PurchaseOrderConnection::Method( \
      const v1::Method##Request&) {                               \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED",    \
                  "backoffice.v1.PurchaseOrderService." #Method   \
                  " is not implemented");                         \
  }
BACKOFFICE_PURCHASE_ORDER_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcPurchaseOrderConnection : public PurchaseOrderConnection {
 public:
  explicit GrpcPurchaseOrderConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::PurchaseOrderService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_PURCHASE_ORDER_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::PurchaseOrderService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingPurchaseOrderConnection : public PurchaseOrderConnection {
 public:
  RetryingPurchaseOrderConnection(
      std::shared_ptr<PurchaseOrderConnection> inner,
      std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.PurchaseOrderService." #Method,                      \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_PURCHASE_ORDER_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<PurchaseOrderConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<PurchaseOrderConnection> MakeRetryingPurchaseOrderConnection(
    std::shared_ptr<PurchaseOrderConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingPurchaseOrderConnection>(std::move(inner),
                                                           std::move(retrier));
}

}  // namespace internal

std::shared_ptr<PurchaseOrderConnection> MakePurchaseOrderConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingPurchaseOrderConnection(
      std::make_shared<internal::GrpcPurchaseOrderConnection>(
          std::move(connection)),
      std::move(retrier));
}

PurchaseOrderClient::PurchaseOrderClient(std::shared_ptr<Connection> connection)
    : PurchaseOrderClient(MakePurchaseOrderConnection(std::move(connection))) {}

PurchaseOrderClient::PurchaseOrderClient(
    std::shared_ptr<PurchaseOrderConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                               \
  StatusOr<v1::Method##Response> PurchaseOrderClient::Method( \
      const v1::Method##Request& request) {                   \
    return connection_->Method(request);                      \
  }
BACKOFFICE_PURCHASE_ORDER_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status PurchaseOrderClient::ForEachPurchaseOrder(
    v1::ListPurchaseOrdersRequest request,
    const std::function<bool(const v1::PurchaseOrder&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListPurchaseOrdersRequest& r) {
        return connection_->ListPurchaseOrders(r);
      },
      [](const v1::ListPurchaseOrdersResponse& page) -> const auto& {
        return page.purchase_orders();
      },
      visit);
}

}  // namespace backoffice
