#include "backoffice/connection.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "backoffice/v1/common.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "internal/grpc_connection.h"

namespace backoffice {

Connection::Connection(const ConnectionOptions& options,
                       std::shared_ptr<grpc::ChannelCredentials> credentials)
    : options_(options),
      channel_(grpc::CreateChannel(options.address, std::move(credentials))),
      retrier_(std::make_shared<internal::Retrier>(options)) {}

void Connection::Prepare(grpc::ClientContext& context) const {
  auto deadline = std::chrono::system_clock::now() + options_.timeout;
  if (auto overall = internal::DeadlineScope::Current()) {
    // The overall deadline is on the steady clock; gRPC takes the system's.
    auto remaining = *overall - std::chrono::steady_clock::now();
    deadline = std::min(
        deadline, std::chrono::time_point_cast<decltype(deadline)::duration>(
                      std::chrono::system_clock::now() + remaining));
  }
  context.set_deadline(deadline);
  if (!options_.token.empty()) {
    context.AddMetadata("authorization", "Bearer " + options_.token);
  }
}

namespace internal {

Status FromGrpcStatus(const grpc::Status& status) {
  const auto code = static_cast<StatusCode>(status.error_code());
  v1::ErrorStatus details;
  if (!status.error_details().empty() &&
      details.ParseFromString(status.error_details())) {
    // google.rpc.ErrorInfo, or the v1 copy of older servers: the same
    // fields and numbers, so one message parses both.
    for (const auto& any : details.details()) {
      v1::ErrorInfo info;
      if ((any.type_url() == "type.googleapis.com/google.rpc.ErrorInfo" ||
           any.type_url() == "type.googleapis.com/backoffice.v1.ErrorInfo") &&
          info.ParseFromString(any.value())) {
        Status out(code, info.reason(), status.error_message());
        for (const auto& [key, value] : info.metadata()) {
          out.WithMetadata(key, value);
        }
        return out;
      }
    }
  }
  // No detail: a transport failure (server down, deadline) or a foreign
  // server. The code alone then serves as the reason.
  return Status(code, StatusCodeName(code), status.error_message());
}

}  // namespace internal

namespace {

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
  for (const auto& [method, unused] : options.methods) {
    if (!DefaultIdempotency(method)) {
      return Status(StatusCode::kInvalidArgument, "UNKNOWN_METHOD",
                    "no method named " + method +
                        " (expected a full name such as "
                        "backoffice.v1.SalesService.RecordSale)");
    }
  }
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
  auto stub = grpc::health::v1::Health::NewStub(connection->channel());
  grpc::health::v1::HealthCheckRequest request;
  auto response = internal::CallOnce<grpc::health::v1::HealthCheckResponse>(
      *connection, [&](grpc::ClientContext* c, auto* r) {
        return stub->Check(c, request, r);
      });
  if (!response.ok()) return response.status();
  return response->status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

}  // namespace backoffice
