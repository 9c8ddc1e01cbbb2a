// The definition of the opaque Connection, and one gRPC attempt of a unary
// call over it. Private to the SDK: the only place that sees gRPC.
#ifndef BACKOFFICE_CLIENT_INTERNAL_GRPC_CONNECTION_H_
#define BACKOFFICE_CLIENT_INTERNAL_GRPC_CONNECTION_H_

#include <grpcpp/grpcpp.h>

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/options.h"
#include "backoffice/status.h"
#include "internal/retry.h"

namespace backoffice {

class Connection {
 public:
  Connection(const ConnectionOptions& options,
             std::shared_ptr<grpc::ChannelCredentials> credentials);

  // Prepares one attempt's context: the bearer token, and a deadline that
  // is the earlier of the per-attempt timeout and the overall deadline of
  // the call (internal::DeadlineScope).
  void Prepare(grpc::ClientContext& context) const;

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  const std::shared_ptr<internal::Retrier>& retrier() const { return retrier_; }

 private:
  ConnectionOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::shared_ptr<internal::Retrier> retrier_;
};

namespace internal {

// The server's reason travels in an ErrorStatus in the status details.
Status FromGrpcStatus(const grpc::Status& status);

// One attempt: `invoke(context, response)` calls the stub.
template <typename Response, typename Invoke>
StatusOr<Response> CallOnce(const Connection& connection, Invoke&& invoke) {
  grpc::ClientContext context;
  connection.Prepare(context);
  Response response;
  grpc::Status status = invoke(&context, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response;
}

}  // namespace internal
}  // namespace backoffice

#endif  // BACKOFFICE_CLIENT_INTERNAL_GRPC_CONNECTION_H_
