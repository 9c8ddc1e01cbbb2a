// CatalogConnection's default bodies, its gRPC and retrying implementations,
// and CatalogClient.
#include "backoffice/catalog_client.h"

#include <grpcpp/grpcpp.h>

#include "backoffice/v1/catalog_service.grpc.pb.h"
#include "internal/grpc_connection.h"
#include "internal/method_lists.h"
#include "internal/pager.h"
#include "internal/retry.h"
#include "internal/service_connections.h"

namespace backoffice {

CatalogConnection::~CatalogConnection() = default;

#define BO_DEFAULT(Method, Kind)                               \
  StatusOr<v1::Method##Response> CatalogConnection::Method(    \
      const v1::Method##Request&) {                            \
    return Status(StatusCode::kUnimplemented, "UNIMPLEMENTED", \
                  "backoffice.v1.CatalogService." #Method      \
                  " is not implemented");                      \
  }
BACKOFFICE_CATALOG_METHODS(BO_DEFAULT)
#undef BO_DEFAULT

namespace internal {
namespace {

// One gRPC attempt per call.
class GrpcCatalogConnection : public CatalogConnection {
 public:
  explicit GrpcCatalogConnection(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)),
        stub_(v1::CatalogService::NewStub(connection_->channel())) {}

#define BO_GRPC(Method, Kind)                                                \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request)  \
      override {                                                             \
    return CallOnce<v1::Method##Response>(                                   \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return stub_->Method(c, request, r);                               \
        });                                                                  \
  }
  BACKOFFICE_CATALOG_METHODS(BO_GRPC)
#undef BO_GRPC

 private:
  std::shared_ptr<Connection> connection_;
  std::unique_ptr<v1::CatalogService::StubInterface> stub_;
};

// Retries each call of `inner` under the method's plan.
class RetryingCatalogConnection : public CatalogConnection {
 public:
  RetryingCatalogConnection(std::shared_ptr<CatalogConnection> inner,
                            std::shared_ptr<const Retrier> retrier)
      : inner_(std::move(inner)), retrier_(std::move(retrier)) {}

#define BO_RETRYING(Method, Kind)                                           \
  StatusOr<v1::Method##Response> Method(const v1::Method##Request& request) \
      override {                                                            \
    return retrier_->Run<v1::Method##Response>(                             \
        "backoffice.v1.CatalogService." #Method,                            \
        [&] { return inner_->Method(request); });                           \
  }
  BACKOFFICE_CATALOG_METHODS(BO_RETRYING)
#undef BO_RETRYING

 private:
  std::shared_ptr<CatalogConnection> inner_;
  std::shared_ptr<const Retrier> retrier_;
};

}  // namespace

std::shared_ptr<CatalogConnection> MakeRetryingCatalogConnection(
    std::shared_ptr<CatalogConnection> inner,
    std::shared_ptr<const Retrier> retrier) {
  return std::make_shared<RetryingCatalogConnection>(std::move(inner),
                                                     std::move(retrier));
}

}  // namespace internal

std::shared_ptr<CatalogConnection> MakeCatalogConnection(
    std::shared_ptr<Connection> connection) {
  auto retrier = connection->retrier();
  return internal::MakeRetryingCatalogConnection(
      std::make_shared<internal::GrpcCatalogConnection>(std::move(connection)),
      std::move(retrier));
}

CatalogClient::CatalogClient(std::shared_ptr<Connection> connection)
    : CatalogClient(MakeCatalogConnection(std::move(connection))) {}

CatalogClient::CatalogClient(std::shared_ptr<CatalogConnection> connection)
    : connection_(std::move(connection)) {}

#define BO_CLIENT(Method, Kind)                         \
  StatusOr<v1::Method##Response> CatalogClient::Method( \
      const v1::Method##Request& request) {             \
    return connection_->Method(request);                \
  }
BACKOFFICE_CATALOG_METHODS(BO_CLIENT)
#undef BO_CLIENT

Status CatalogClient::ForEachStore(
    v1::ListStoresRequest request,
    const std::function<bool(const v1::Store&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListStoresRequest& r) {
        return connection_->ListStores(r);
      },
      [](const v1::ListStoresResponse& page) -> const auto& {
        return page.stores();
      },
      visit);
}

Status CatalogClient::ForEachTerminal(
    v1::ListTerminalsRequest request,
    const std::function<bool(const v1::Terminal&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListTerminalsRequest& r) {
        return connection_->ListTerminals(r);
      },
      [](const v1::ListTerminalsResponse& page) -> const auto& {
        return page.terminals();
      },
      visit);
}

Status CatalogClient::ForEachProduct(
    v1::ListProductsRequest request,
    const std::function<bool(const v1::Product&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListProductsRequest& r) {
        return connection_->ListProducts(r);
      },
      [](const v1::ListProductsResponse& page) -> const auto& {
        return page.products();
      },
      visit);
}

Status CatalogClient::ForEachProductStoreSetting(
    v1::ListProductStoreSettingsRequest request,
    const std::function<bool(const v1::ProductStoreSetting&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListProductStoreSettingsRequest& r) {
        return connection_->ListProductStoreSettings(r);
      },
      [](const v1::ListProductStoreSettingsResponse& page) -> const auto& {
        return page.settings();
      },
      visit);
}

Status CatalogClient::ForEachSupplier(
    v1::ListSuppliersRequest request,
    const std::function<bool(const v1::Supplier&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListSuppliersRequest& r) {
        return connection_->ListSuppliers(r);
      },
      [](const v1::ListSuppliersResponse& page) -> const auto& {
        return page.suppliers();
      },
      visit);
}

Status CatalogClient::ForEachCustomer(
    v1::ListCustomersRequest request,
    const std::function<bool(const v1::Customer&)>& visit) {
  return internal::ForEachPage(
      std::move(request),
      [this](const v1::ListCustomersRequest& r) {
        return connection_->ListCustomers(r);
      },
      [](const v1::ListCustomersResponse& page) -> const auto& {
        return page.customers();
      },
      visit);
}

}  // namespace backoffice
