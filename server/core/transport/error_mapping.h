// The one place where domain Status values become gRPC statuses: the code,
// the message, and an ErrorInfo with the stable reason in the status details.
#ifndef BACKOFFICE_SERVER_TRANSPORT_ERROR_MAPPING_H_
#define BACKOFFICE_SERVER_TRANSPORT_ERROR_MAPPING_H_

#include <grpcpp/grpcpp.h>

#include "backoffice/status.h"

namespace backoffice::transport {

inline constexpr const char* kErrorDomain = "backoffice.v1";

grpc::Status ToGrpcStatus(const Status& status);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_TRANSPORT_ERROR_MAPPING_H_
