// The one place where domain Status values become gRPC statuses: the code,
// the message, and a google.rpc.ErrorInfo with the stable reason in the
// status details (a google.rpc.Status in grpc-status-details-bin).
#ifndef BACKOFFICE_SERVER_TRANSPORT_ERROR_MAPPING_H_
#define BACKOFFICE_SERVER_TRANSPORT_ERROR_MAPPING_H_

#include <grpcpp/grpcpp.h>

#include "core/domain/status.h"

namespace backoffice::transport {

inline constexpr const char* kErrorDomain = "backoffice.v1";
inline constexpr const char* kStandardErrorInfoTypeUrl =
    "type.googleapis.com/google.rpc.ErrorInfo";
inline constexpr const char* kLegacyErrorInfoTypeUrl =
    "type.googleapis.com/backoffice.v1.ErrorInfo";

grpc::Status ToGrpcStatus(const Status& status);

}  // namespace backoffice::transport

#endif  // BACKOFFICE_SERVER_TRANSPORT_ERROR_MAPPING_H_
