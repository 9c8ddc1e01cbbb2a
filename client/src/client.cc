#include "backoffice/client.h"

#include <grpcpp/grpcpp.h>

#include <fstream>
#include <sstream>

#include "backoffice/v1/access_service.grpc.pb.h"
#include "backoffice/v1/audit_service.grpc.pb.h"
#include "backoffice/v1/catalog_service.grpc.pb.h"
#include "backoffice/v1/common.pb.h"
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
        health_(grpc::health::v1::Health::NewStub(channel_)) {}

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

 private:
  ConnectionOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::CatalogService::StubInterface> catalog_;
  std::unique_ptr<v1::AccessService::StubInterface> access_;
  std::unique_ptr<v1::AuditService::StubInterface> audit_;
  std::unique_ptr<grpc::health::v1::Health::StubInterface> health_;
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

#undef BO_UNARY

}  // namespace backoffice
