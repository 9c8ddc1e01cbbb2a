#include "backoffice/client.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "backoffice/v1/access_service.grpc.pb.h"
#include "backoffice/v1/audit_service.grpc.pb.h"
#include "backoffice/v1/catalog_service.grpc.pb.h"
#include "backoffice/v1/common.pb.h"
#include "backoffice/v1/inventory_service.grpc.pb.h"
#include "backoffice/v1/reconciliation_service.grpc.pb.h"
#include "backoffice/v1/sales_service.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace backoffice {

class Connection {
 public:
  Connection(const ConnectionOptions& options,
             std::shared_ptr<grpc::ChannelCredentials> credentials)
      : options_(options),
        channel_(grpc::CreateChannel(options.address, std::move(credentials))),
        catalog_(v1::CatalogService::NewStub(channel_)),
        access_(v1::AccessService::NewStub(channel_)),
        audit_(v1::AuditService::NewStub(channel_)),
        health_(grpc::health::v1::Health::NewStub(channel_)),
        sales_(v1::SalesService::NewStub(channel_)),
        inventory_(v1::InventoryService::NewStub(channel_)),
        reconciliation_(v1::ReconciliationService::NewStub(channel_)) {}

  // Prepares a call's context: deadline and bearer token.
  void Prepare(grpc::ClientContext& context) const {
    context.set_deadline(std::chrono::system_clock::now() + options_.timeout);
    if (!options_.token.empty()) {
      context.AddMetadata("authorization", "Bearer " + options_.token);
    }
  }

  v1::CatalogService::StubInterface& catalog() { return *catalog_; }
  v1::AccessService::StubInterface& access() { return *access_; }
  v1::AuditService::StubInterface& audit() { return *audit_; }
  grpc::health::v1::Health::StubInterface& health() { return *health_; }
  v1::SalesService::StubInterface& sales() { return *sales_; }
  v1::InventoryService::StubInterface& inventory() { return *inventory_; }
  v1::ReconciliationService::StubInterface& reconciliation() { return *reconciliation_; }
  const RetryPolicy& retry() const { return options_.retry; }

 private:
  ConnectionOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::CatalogService::StubInterface> catalog_;
  std::unique_ptr<v1::AccessService::StubInterface> access_;
  std::unique_ptr<v1::AuditService::StubInterface> audit_;
  std::unique_ptr<grpc::health::v1::Health::StubInterface> health_;
  std::unique_ptr<v1::SalesService::StubInterface> sales_;
  std::unique_ptr<v1::InventoryService::StubInterface> inventory_;
  std::unique_ptr<v1::ReconciliationService::StubInterface> reconciliation_;
};

namespace {

// The server's reason travels in an ErrorStatus in the status details.
Status FromGrpcStatus(const grpc::Status& status) {
  std::string reason;
  Status out;
  v1::ErrorStatus details;
  if (!status.error_details().empty() &&
      details.ParseFromString(status.error_details())) {
    for (const auto& any : details.details()) {
      v1::ErrorInfo info;
      if (any.type_url() == "type.googleapis.com/backoffice.v1.ErrorInfo" &&
          info.ParseFromString(any.value())) {
        out = Status(static_cast<StatusCode>(status.error_code()),
                     info.reason(), status.error_message());
        for (const auto& [key, value] : info.metadata()) {
          out.WithMetadata(key, value);
        }
        return out;
      }
    }
  }
  // No detail: a transport failure (server down, deadline) or a foreign
  // server. The code alone then serves as the reason.
  return Status(static_cast<StatusCode>(status.error_code()),
                StatusCodeName(static_cast<StatusCode>(status.error_code())),
                status.error_message());
}

template <typename Response, typename Invoke>
StatusOr<Response> Call(Connection& connection, Invoke&& invoke) {
  grpc::ClientContext context;
  connection.Prepare(context);
  Response response;
  grpc::Status status = invoke(&context, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response;
}

// What is worth sending again unchanged: the server or the network was
// away, the attempt ran out of time, or the server met a conflict that it
// could not resolve itself (ABORTED). Only idempotent calls are retried.
bool IsTransient(const Status& status) {
  return status.code() == StatusCode::kUnavailable ||
         status.code() == StatusCode::kDeadlineExceeded ||
         status.code() == StatusCode::kAborted;
}

// Calls until success, a permanent error, or the policy's last attempt.
// Only for calls that are safe to repeat.
template <typename Response, typename Invoke>
StatusOr<Response> CallWithRetry(Connection& connection, Invoke&& invoke) {
  const RetryPolicy& policy = connection.retry();
  std::mt19937_64 random(std::random_device{}());
  auto backoff = policy.initial_backoff;
  for (int attempt = 1;; ++attempt) {
    auto result = Call<Response>(connection, invoke);
    if (result.ok() || !IsTransient(result.status()) || attempt >= policy.max_attempts) {
      return result;
    }
    // Full jitter: a random wait up to the current backoff.
    std::uniform_int_distribution<long long> jitter(backoff.count() / 2, backoff.count());
    std::this_thread::sleep_for(std::chrono::milliseconds(jitter(random)));
    backoff = std::min(policy.max_backoff, backoff * 2);
  }
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

}  // namespace

StatusOr<std::shared_ptr<Connection>> MakeConnection(
    const ConnectionOptions& options) {
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (!options.ca_file.empty() || options.use_tls) {
    grpc::SslCredentialsOptions ssl;
    if (!options.ca_file.empty() &&
        !ReadFile(options.ca_file, &ssl.pem_root_certs)) {
      return Status(StatusCode::kInvalidArgument, "CA_FILE_UNREADABLE",
                    "cannot read CA file " + options.ca_file);
    }
    credentials = grpc::SslCredentials(ssl);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  return std::make_shared<Connection>(options, std::move(credentials));
}

StatusOr<bool> CheckServing(const std::shared_ptr<Connection>& connection) {
  grpc::health::v1::HealthCheckRequest request;
  auto response = Call<grpc::health::v1::HealthCheckResponse>(
      *connection, [&](grpc::ClientContext* c, auto* r) {
        return connection->health().Check(c, request, r);
      });
  if (!response.ok()) return response.status();
  return response->status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

#define BO_UNARY(Client, stub, Method)                                       \
  StatusOr<v1::Method##Response> Client::Method(                             \
      const v1::Method##Request& request) {                                  \
    return Call<v1::Method##Response>(                                       \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return connection_->stub().Method(c, request, r);                  \
        });                                                                  \
  }

BO_UNARY(CatalogClient, catalog, CreateStore)
BO_UNARY(CatalogClient, catalog, GetStore)
BO_UNARY(CatalogClient, catalog, UpdateStore)
BO_UNARY(CatalogClient, catalog, ListStores)
BO_UNARY(CatalogClient, catalog, CreateTerminal)
BO_UNARY(CatalogClient, catalog, GetTerminal)
BO_UNARY(CatalogClient, catalog, UpdateTerminal)
BO_UNARY(CatalogClient, catalog, ListTerminals)
BO_UNARY(CatalogClient, catalog, CreateProduct)
BO_UNARY(CatalogClient, catalog, GetProduct)
BO_UNARY(CatalogClient, catalog, UpdateProduct)
BO_UNARY(CatalogClient, catalog, ListProducts)
BO_UNARY(CatalogClient, catalog, ImportProducts)
BO_UNARY(CatalogClient, catalog, SetProductStoreSetting)
BO_UNARY(CatalogClient, catalog, GetProductStoreSetting)
BO_UNARY(CatalogClient, catalog, ListProductStoreSettings)
BO_UNARY(CatalogClient, catalog, CreateSupplier)
BO_UNARY(CatalogClient, catalog, GetSupplier)
BO_UNARY(CatalogClient, catalog, UpdateSupplier)
BO_UNARY(CatalogClient, catalog, ListSuppliers)
BO_UNARY(CatalogClient, catalog, CreateCustomer)
BO_UNARY(CatalogClient, catalog, GetCustomer)
BO_UNARY(CatalogClient, catalog, UpdateCustomer)
BO_UNARY(CatalogClient, catalog, ListCustomers)
BO_UNARY(AccessClient, access, CreateAccessToken)
BO_UNARY(AccessClient, access, ListAccessTokens)
BO_UNARY(AccessClient, access, RevokeAccessToken)
BO_UNARY(AccessClient, access, GetCallerIdentity)
BO_UNARY(AuditClient, audit, ListAuditRecords)
// A reconciliation may run long; sending it again while it runs would only
// double the load.
BO_UNARY(ReconciliationClient, reconciliation, VerifyLedger)

#define BO_RETRIED(Client, stub, Method)                                   \
  StatusOr<v1::Method##Response> Client::Method(                          \
      const v1::Method##Request& request) {                               \
    return CallWithRetry<v1::Method##Response>(                           \
        *connection_, [&](grpc::ClientContext* c, v1::Method##Response* r) { \
          return connection_->stub().Method(c, request, r);               \
        });                                                               \
  }

BO_RETRIED(SalesClient, sales, RecordSale)
BO_RETRIED(SalesClient, sales, UploadSales)
BO_RETRIED(SalesClient, sales, RecordReturn)
BO_RETRIED(SalesClient, sales, VoidSale)
BO_RETRIED(SalesClient, sales, GetSale)
BO_RETRIED(SalesClient, sales, ListSales)
BO_RETRIED(SalesClient, sales, CheckReceiptSequence)
BO_RETRIED(InventoryClient, inventory, GetStockLevel)
BO_RETRIED(InventoryClient, inventory, ListStockLevels)
BO_RETRIED(InventoryClient, inventory, ListStockMovements)
BO_RETRIED(InventoryClient, inventory, AdjustStock)

#undef BO_RETRIED
#undef BO_UNARY

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
    for (auto& r : *response->mutable_results()) results.push_back(std::move(r));
  }
  return results;
}

}  // namespace backoffice
