// PurchasingConnection's default bodies, its gRPC and retrying implementations,
// and PurchasingClient.
#include "backoffice/purchasing_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/purchasing_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

PurchasingConnection::~PurchasingConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> PurchasingConnection::Method( \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.PurchasingService." #Method   \
                  " is not implemented");                      \
  }
BACKOFFICE_PURCHASING_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcPurchasingConnection : public PurchasingConnection {
 public:
  explicit GrpcPurchasingConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::PurchasingService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_PURCHASING_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::PurchasingService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingPurchasingConnection : public PurchasingConnection {
 public:
  RetryingPurchasingConnection(std::shared_ptr<PurchasingConnection> inner,
                               std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.PurchasingService." #Method,                         \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_PURCHASING_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<PurchasingConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<PurchasingConnection> MakeRetryingPurchasingConnection(
    std::shared_ptr<PurchasingConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingPurchasingConnection>(std::move(inner),
                                                        std::move(retrier));
}

}  // namespace internal

std::shared_ptr<PurchasingConnection> MakePurchasingConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingPurchasingConnection(
      std::make_shared<internal::GrpcPurchasingConnection>(
          std::move(connection)),
      std::move(retrier));
}

PurchasingClient::PurchasingClient(std::shared_ptr<Connection> connection)
    : PurchasingClient(MakePurchasingConnection(std::move(connection))) {}

PurchasingClient::PurchasingClient(
    std::shared_ptr<PurchasingConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                            \
  StatusOr<v1::Method##Response> PurchasingClient::Method( \
      const v1::Method##Request& request) {                \
    return connection_->Method(request);                   \
  }
BACKOFFICE_PURCHASING_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status PurchasingClient::ForEachSupplierItem(
    v1::ListSupplierItemsRequest request,
    const std::function<bool(const v1::SupplierItem&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListSupplierItemsRequest& r) {
        return connection_->ListSupplierItems(r);
      },
      [](const v1::ListSupplierItemsResponse& page) -> const auto& {
        return page.supplier_items();
      },
      visit);
}

Status PurchasingClient::ForEachDemand(
    v1::ListDemandRequest request,
    const std::function<bool(const v1::ProductDemand&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListDemandRequest& r) {
        return connection_->ListDemand(r);
      },
      [](const v1::ListDemandResponse& page) -> const auto& {
        return page.demands();
      },
      visit);
}

}  // namespace backoffice
