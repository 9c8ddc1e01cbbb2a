// GoodsReceiptConnection's default bodies, its gRPC and retrying
// implementations, and GoodsReceiptClient.
#include "backoffice/goods_receipt_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/goods_receipt_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

GoodsReceiptConnection::~GoodsReceiptConnection() = default;

#define BO_DEFAULT(Method, Kind)                                 \
  StatusOr<v1::Method##Response> GoodsReceiptConnection::Method( \
      const v1::Method##Request&) {                              \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED",   \
                  "backoffice.v1.GoodsReceiptService." #Method   \
                  " is not implemented");                        \
  }
BACKOFFICE_GOODS_RECEIPT_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcGoodsReceiptConnection : public GoodsReceiptConnection {
 public:
  explicit GrpcGoodsReceiptConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::GoodsReceiptService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_GOODS_RECEIPT_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::GoodsReceiptService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingGoodsReceiptConnection : public GoodsReceiptConnection {
 public:
  RetryingGoodsReceiptConnection(std::shared_ptr<GoodsReceiptConnection> inner,
                                 std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.GoodsReceiptService." #Method,                       \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_GOODS_RECEIPT_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<GoodsReceiptConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<GoodsReceiptConnection> MakeRetryingGoodsReceiptConnection(
    std::shared_ptr<GoodsReceiptConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingGoodsReceiptConnection>(std::move(inner),
                                                          std::move(retrier));
}

}  // namespace internal

std::shared_ptr<GoodsReceiptConnection> MakeGoodsReceiptConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingGoodsReceiptConnection(
      std::make_shared<internal::GrpcGoodsReceiptConnection>(
          std::move(connection)),
      std::move(retrier));
}

GoodsReceiptClient::GoodsReceiptClient(std::shared_ptr<Connection> connection)
    : GoodsReceiptClient(MakeGoodsReceiptConnection(std::move(connection))) {}

GoodsReceiptClient::GoodsReceiptClient(
    std::shared_ptr<GoodsReceiptConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                              \
  StatusOr<v1::Method##Response> GoodsReceiptClient::Method( \
      const v1::Method##Request& request) {                  \
    return connection_->Method(request);                     \
  }
BACKOFFICE_GOODS_RECEIPT_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status GoodsReceiptClient::ForEachGoodsReceipt(
    v1::ListGoodsReceiptsRequest request,
    const std::function<bool(const v1::GoodsReceipt&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListGoodsReceiptsRequest& r) {
        return connection_->ListGoodsReceipts(r);
      },
      [](const v1::ListGoodsReceiptsResponse& page) -> const auto& {
        return page.goods_receipts();
      },
      visit);
}

}  // namespace backoffice
