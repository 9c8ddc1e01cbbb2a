// The edge of every RPC: find the method's full name as gRPC reports it,
// authenticate the bearer token, authorise the method from the one policy
// table, run the handler, map any error (or escaped exception) to a gRPC
// status with a reason, and log the outcome without secrets. Calls refused
// as UNAUTHENTICATED are logged in aggregate, and a connection that keeps
// sending bad tokens gets no more lookups for a while (RefusalGuard).
//
// Thread safety: safe for concurrent use.
#ifndef BACKOFFICE_SERVER_CORE_TRANSPORT_RPC_HANDLER_H_
#define BACKOFFICE_SERVER_CORE_TRANSPORT_RPC_HANDLER_H_

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_interceptor.h>

#include <functional>
#include <memory>
#include <string>

#include "core/domain/status.h"
#include "core/domain/authenticator.h"
#include "core/domain/authorization.h"
#include "core/domain/model.h"
#include "core/transport/refusal_guard.h"

namespace backoffice::transport {

class RpcHandler {
 public:
  RpcHandler(domain::Authenticator& authenticator,
             const domain::MethodPolicyTable& policies,
             RefusalGuardOptions refusals = {})
      : authenticator_(authenticator),
        policies_(policies),
        refusals_(refusals) {}

  // Serves the call of `context`, whose method gRPC named when the call
  // arrived (see MakeMethodNameInterceptorFactory).
  grpc::Status Handle(
      grpc::ServerContext* context, const std::string& request_id,
      const std::function<Status(const domain::RequestContext&)>& body);

 private:
  StatusOr<domain::RequestContext> Admit(grpc::ServerContext* context,
                                         const std::string& method,
                                         const std::string& request_id,
                                         const std::string& peer,
                                         bool* over_budget);

  domain::Authenticator& authenticator_;
  const domain::MethodPolicyTable& policies_;
  RefusalGuard refusals_;
};

// Records, for the lifetime of each call, the full method name gRPC routed
// it to, so that RpcHandler authorises by what gRPC served rather than by a
// name written per handler. Register it with the server builder.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeMethodNameInterceptorFactory();

// The full method name of the call of `context` ("" when unknown).
std::string MethodNameOf(const grpc::ServerContextBase* context);

// The bearer token of an `authorization` header value, or "".
std::string BearerToken(const std::string& header_value);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_CORE_TRANSPORT_RPC_HANDLER_H_
