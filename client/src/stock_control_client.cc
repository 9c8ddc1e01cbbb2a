// StockControlConnection's default bodies, its gRPC and retrying
// implementations, and StockControlClient.
#include "backoffice/stock_control_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/stock_control_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

StockControlConnection::~StockControlConnection() = default;

#define BO_DEFAULT(Method, Kind)                                 \
  StatusOr<v1::Method##Response> StockControlConnection::Method( \
      const v1::Method##Request&) {                              \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED",   \
                  "backoffice.v1.StockControlService." #Method   \
                  " is not implemented");                        \
  }
BACKOFFICE_STOCK_CONTROL_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcStockControlConnection : public StockControlConnection {
 public:
  explicit GrpcStockControlConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::StockControlService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_STOCK_CONTROL_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::StockControlService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingStockControlConnection : public StockControlConnection {
 public:
  RetryingStockControlConnection(std::shared_ptr<StockControlConnection> inner,
                                 std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.StockControlService." #Method,                       \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_STOCK_CONTROL_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<StockControlConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<StockControlConnection> MakeRetryingStockControlConnection(
    std::shared_ptr<StockControlConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingStockControlConnection>(std::move(inner),
                                                          std::move(retrier));
}

}  // namespace internal

std::shared_ptr<StockControlConnection> MakeStockControlConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingStockControlConnection(
      std::make_shared<internal::GrpcStockControlConnection>(
          std::move(connection)),
      std::move(retrier));
}

StockControlClient::StockControlClient(std::shared_ptr<Connection> connection)
    : StockControlClient(MakeStockControlConnection(std::move(connection))) {}

StockControlClient::StockControlClient(
    std::shared_ptr<StockControlConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                              \
  StatusOr<v1::Method##Response> StockControlClient::Method( \
      const v1::Method##Request& request) {                  \
    return connection_->Method(request);                     \
  }
BACKOFFICE_STOCK_CONTROL_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status StockControlClient::ForEachExpiringLot(
    v1::ListExpiringLotsRequest request,
    const std::function<bool(const v1::ExpiringLot&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListExpiringLotsRequest& r) {
        return connection_->ListExpiringLots(r);
      },
      [](const v1::ListExpiringLotsResponse& page) -> const auto& {
        return page.lots();
      },
      visit);
}

Status StockControlClient::ForEachSlowMover(
    v1::ListSlowMoversRequest request,
    const std::function<bool(const v1::SlowMover&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListSlowMoversRequest& r) {
        return connection_->ListSlowMovers(r);
      },
      [](const v1::ListSlowMoversResponse& page) -> const auto& {
        return page.slow_movers();
      },
      visit);
}

Status StockControlClient::ForEachSupplierReturn(
    v1::ListSupplierReturnsRequest request,
    const std::function<bool(const v1::SupplierReturn&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListSupplierReturnsRequest& r) {
        return connection_->ListSupplierReturns(r);
      },
      [](const v1::ListSupplierReturnsResponse& page) -> const auto& {
        return page.supplier_returns();
      },
      visit);
}

Status StockControlClient::ForEachStockTransfer(
    v1::ListStockTransfersRequest request,
    const std::function<bool(const v1::StockTransfer&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListStockTransfersRequest& r) {
        return connection_->ListStockTransfers(r);
      },
      [](const v1::ListStockTransfersResponse& page) -> const auto& {
        return page.transfers();
      },
      visit);
}

Status StockControlClient::ForEachStockCount(
    v1::ListStockCountsRequest request,
    const std::function<bool(const v1::StockCount&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListStockCountsRequest& r) {
        return connection_->ListStockCounts(r);
      },
      [](const v1::ListStockCountsResponse& page) -> const auto& {
        return page.counts();
      },
      visit);
}

}  // namespace backoffice
