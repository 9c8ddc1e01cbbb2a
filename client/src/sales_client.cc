// SalesConnection's default bodies, its gRPC and retrying implementations,
// and SalesClient.
#include "backoffice/sales_client.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>

#include "backoffice/v1/sales_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

SalesConnection::~SalesConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> SalesConnection::Method(      \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.SalesService." #Method        \
                  " is not implemented");                      \
  }
BACKOFFICE_SALES_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcSalesConnection : public SalesConnection {
 public:
  explicit GrpcSalesConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::SalesService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_SALES_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::SalesService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingSalesConnection : public SalesConnection {
 public:
  RetryingSalesConnection(std::shared_ptr<SalesConnection> inner,
                          std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.SalesService." #Method,                              \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_SALES_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<SalesConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<SalesConnection> MakeRetryingSalesConnection(
    std::shared_ptr<SalesConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingSalesConnection>(std::move(inner),
                                                   std::move(retrier));
}

}  // namespace internal

std::shared_ptr<SalesConnection> MakeSalesConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingSalesConnection(
      std::make_shared<internal::GrpcSalesConnection>(std::move(connection)),
      std::move(retrier));
}

SalesClient::SalesClient(std::shared_ptr<Connection> connection)
    : SalesClient(MakeSalesConnection(std::move(connection))) {}

SalesClient::SalesClient(std::shared_ptr<SalesConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                       \
  StatusOr<v1::Method##Response> SalesClient::Method( \
      const v1::Method##Request& request) {           \
    return connection_->Method(request);              \
  }
BACKOFFICE_SALES_METHODS(BO_CLIENT)
#undef BO_CLIENT

StatusOr<std::vector<v1::SaleResult>> SalesClient::UploadBacklog(
    const std::vector<v1::Sale>& sales, int batch_size) {
  batch_size = std::clamp(batch_size, 1, 1000);
  std::vector<v1::SaleResult> results;
  results.reserve(sales.size());
  for (std::size_t start = 0; start < sales.size(); start += batch_size) {
    v1::UploadSalesRequest request;
    const std::size_t end = std::min(sales.size(), start + batch_size);
    for (std::size_t i = start; i < end; ++i) *request.add_sales() = sales[i];
    auto response = UploadSales(request);
    if (!response.ok()) return response.status();
    for (auto& r : *response->mutable_results()) {
      results.push_back(std::move(r));
    }
  }
  return results;
}

Status SalesClient::ForEachSale(
    v1::ListSalesRequest request,
    const std::function<bool(const v1::Sale&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListSalesRequest& r) {
        return connection_->ListSales(r);
      },
      [](const v1::ListSalesResponse& page) -> const auto& {
        return page.sales();
      },
      visit);
}

}  // namespace backoffice
