// InventoryConnection's default bodies, its gRPC and retrying implementations,
// and InventoryClient.
#include "backoffice/inventory_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/inventory_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

InventoryConnection::~InventoryConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> InventoryConnection::Method(  \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.InventoryService." #Method    \
                  " is not implemented");                      \
  }
BACKOFFICE_INVENTORY_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcInventoryConnection : public InventoryConnection {
 public:
  explicit GrpcInventoryConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::InventoryService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_INVENTORY_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::InventoryService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingInventoryConnection : public InventoryConnection {
 public:
  RetryingInventoryConnection(std::shared_ptr<InventoryConnection> inner,
                              std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.InventoryService." #Method,                          \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_INVENTORY_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<InventoryConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<InventoryConnection> MakeRetryingInventoryConnection(
    std::shared_ptr<InventoryConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingInventoryConnection>(std::move(inner),
                                                       std::move(retrier));
}

}  // namespace internal

std::shared_ptr<InventoryConnection> MakeInventoryConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingInventoryConnection(
      std::make_shared<internal::GrpcInventoryConnection>(
          std::move(connection)),
      std::move(retrier));
}

InventoryClient::InventoryClient(std::shared_ptr<Connection> connection)
    : InventoryClient(MakeInventoryConnection(std::move(connection))) {}

InventoryClient::InventoryClient(
    std::shared_ptr<InventoryConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                           \
  StatusOr<v1::Method##Response> InventoryClient::Method( \
      const v1::Method##Request& request) {               \
    return connection_->Method(request);                  \
  }
BACKOFFICE_INVENTORY_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status InventoryClient::ForEachStockLevel(
    v1::ListStockLevelsRequest request,
    const std::function<bool(const v1::StockLevel&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListStockLevelsRequest& r) {
        return connection_->ListStockLevels(r);
      },
      [](const v1::ListStockLevelsResponse& page) -> const auto& {
        return page.stock_levels();
      },
      visit);
}

Status InventoryClient::ForEachStockMovement(
    v1::ListStockMovementsRequest request,
    const std::function<bool(const v1::StockMovement&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListStockMovementsRequest& r) {
        return connection_->ListStockMovements(r);
      },
      [](const v1::ListStockMovementsResponse& page) -> const auto& {
        return page.stock_movements();
      },
      visit);
}

Status InventoryClient::ForEachStockAdjustmentRequest(
    v1::ListStockAdjustmentRequestsRequest request,
    const std::function<bool(const v1::StockAdjustmentRequest&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListStockAdjustmentRequestsRequest& r) {
        return connection_->ListStockAdjustmentRequests(r);
      },
      [](const v1::ListStockAdjustmentRequestsResponse& page) -> const auto& {
        return page.requests();
      },
      visit);
}

}  // namespace backoffice
