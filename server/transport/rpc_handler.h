// The edge of every RPC: authenticate the bearer token, authorise the method
// from the policy table, run the handler, map any error (or escaped
// exception) to a gRPC status with a reason, and log the outcome without
// secrets.
//
// Thread safety: safe for concurrent use.
#ifndef BACKOFFICE_SERVER_TRANSPORT_RPC_HANDLER_H_
#define BACKOFFICE_SERVER_TRANSPORT_RPC_HANDLER_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <string>

#include "backoffice/status.h"
#include "domain/access.h"
#include "domain/model.h"

namespace backoffice::transport {

class RpcHandler {
 public:
  explicit RpcHandler(domain::Access& access) : access_(access) {}

  // Serves `method` (the full gRPC method name) for `context`.
  grpc::Status Handle(
      grpc::ServerContext* context, const std::string& method,
      const std::string& request_id,
      const std::function<Status(const domain::RequestContext&)>& body);

 private:
  StatusOr<domain::RequestContext> Admit(grpc::ServerContext* context,
                                         const std::string& method,
                                         const std::string& request_id);

  domain::Access& access_;
};

// The bearer token of an `authorization` header value, or "".
std::string BearerToken(const std::string& header_value);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_TRANSPORT_RPC_HANDLER_H_
