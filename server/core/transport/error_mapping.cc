#include "core/transport/error_mapping.h"

#include "backoffice/v1/common.pb.h"

namespace backoffice::transport {

grpc::Status ToGrpcStatus(const Status& status) {
  if (status.ok()) return grpc::Status::OK;
  v1::ErrorInfo info;
  info.set_reason(status.reason());
  info.set_domain(kErrorDomain);
  for (const auto& [key, value] : status.metadata()) {
    (*info.mutable_metadata())[key] = value;
  }
  v1::ErrorStatus details;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(status.message());
  const std::string info_bytes = info.SerializeAsString();
  // The standard type first, so that generic gRPC tools show the reason;
  // backoffice.v1.ErrorInfo has the same fields and numbers, so the bytes
  // are the same. The second copy, under the v1 name, keeps SDKs released
  // before reading the reason.
  for (const char* type_url :
       {kStandardErrorInfoTypeUrl, kLegacyErrorInfoTypeUrl}) {
    auto* any = details.add_details();
    any->set_type_url(type_url);
    any->set_value(info_bytes);
  }
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      status.message(), details.SerializeAsString());
}

}  // namespace backoffice::transport
