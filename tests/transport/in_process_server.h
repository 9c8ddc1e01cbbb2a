// A gRPC server in this process with no listening port: the real RpcHandler
// (with the method-name interceptor), the real services of the modules a test
// adds over their real domain classes, a fake Authenticator that knows a few
// bearer secrets, and the policy table of those modules. Clients reach it
// through InProcessChannel(): no port, no sleep.
#ifndef BACKOFFICE_TESTS_TRANSPORT_IN_PROCESS_SERVER_H_
#define BACKOFFICE_TESTS_TRANSPORT_IN_PROCESS_SERVER_H_

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backoffice/v1/common.pb.h"
#include "core/domain/authenticator.h"
#include "core/domain/authorization.h"
#include "core/domain/errors.h"
#include "core/domain/model.h"
#include "core/transport/error_mapping.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::testing {

// Transport tests speak the server's own error type.
using domain::Status;
using domain::StatusCode;
using domain::StatusOr;

// Bearer secrets of the fake authenticator, one per role. Store-bound roles
// belong to store "S1" (the till to its terminal "T1").
inline constexpr const char* kTillSecret = "secret-till";
inline constexpr const char* kStaffSecret = "secret-staff";
inline constexpr const char* kManagerSecret = "secret-manager";
inline constexpr const char* kHeadOfficeSecret = "secret-head-office";
inline constexpr const char* kAdminSecret = "secret-admin";

// Maps known secrets to principals; anything else is INVALID_TOKEN, as the
// access module answers.
class FakeAuthenticator : public domain::Authenticator {
 public:
  FakeAuthenticator() {
    using domain::Principal;
    using domain::Role;
    principals_[kTillSecret] =
        Principal{11, "till", Role::kPosTerminal, "S1", "T1"};
    principals_[kStaffSecret] =
        Principal{12, "staff", Role::kStoreStaff, "S1", ""};
    principals_[kManagerSecret] =
        Principal{13, "manager", Role::kStoreManager, "S1", ""};
    principals_[kHeadOfficeSecret] =
        Principal{14, "head office", Role::kHeadOffice, "", ""};
    principals_[kAdminSecret] = Principal{15, "admin", Role::kAdmin, "", ""};
  }

  StatusOr<domain::Principal> Authenticate(const std::string& secret) override {
    auto it = principals_.find(secret);
    if (it == principals_.end()) {
      return domain::Unauthenticated("INVALID_TOKEN", "the token is not valid");
    }
    return it->second;
  }

  const domain::Principal& PrincipalOf(const std::string& secret) const {
    return principals_.at(secret);
  }

 private:
  std::map<std::string, domain::Principal> principals_;
};

class InProcessServer {
 public:
  InProcessServer() : handler_(authenticator_, policies_) {}
  ~InProcessServer() {
    if (server_) server_->Shutdown();
  }
  InProcessServer(const InProcessServer&) = delete;
  InProcessServer& operator=(const InProcessServer&) = delete;

  // Registers the real service `Service(handler, domain)` and the module's
  // method policies. Call before Start().
  template <typename Service, typename Domain>
  void Add(Domain& domain, const std::vector<domain::MethodPolicy>& policies) {
    auto status = policies_.Add(policies);
    ASSERT_TRUE(status.ok()) << status;
    services_.push_back(std::make_unique<Service>(handler_, domain));
  }

  // Builds and starts the server without a port.
  void Start() {
    grpc::ServerBuilder builder;
    for (auto& service : services_) builder.RegisterService(service.get());
    std::vector<
        std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        interceptors;
    interceptors.push_back(transport::MakeMethodNameInterceptorFactory());
    builder.experimental().SetInterceptorCreators(std::move(interceptors));
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    channel_ = server_->InProcessChannel(grpc::ChannelArguments());
  }

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  const FakeAuthenticator& authenticator() const { return authenticator_; }

 private:
  FakeAuthenticator authenticator_;
  domain::MethodPolicyTable policies_;
  transport::RpcHandler handler_;
  std::vector<std::unique_ptr<grpc::Service>> services_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

// A client context that sends `authorization: Bearer <secret>` (none when
// `secret` is empty).
inline std::unique_ptr<grpc::ClientContext> ContextFor(
    const std::string& secret) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!secret.empty()) {
    context->AddMetadata("authorization", "Bearer " + secret);
  }
  return context;
}

// The google.rpc.ErrorInfo the server put in the status details, or a
// default ErrorInfo (empty reason) when there is none.
inline v1::ErrorInfo ErrorInfoOf(const grpc::Status& status) {
  v1::ErrorStatus details;
  if (!details.ParseFromString(status.error_details())) return {};
  for (const auto& any : details.details()) {
    if (any.type_url() == transport::kStandardErrorInfoTypeUrl) {
      v1::ErrorInfo info;
      if (info.ParseFromString(any.value())) return info;
    }
  }
  return {};
}

inline std::string ReasonOf(const grpc::Status& status) {
  return ErrorInfoOf(status).reason();
}

// "code reason" of a status, for readable assertions.
MATCHER_P2(IsGrpcError, code, reason, "") {
  *result_listener << "code " << arg.error_code() << ", reason \""
                   << ReasonOf(arg) << "\", message \"" << arg.error_message()
                   << "\"";
  return arg.error_code() == code && ReasonOf(arg) == reason;
}

}  // namespace backoffice::testing

#endif  // BACKOFFICE_TESTS_TRANSPORT_IN_PROCESS_SERVER_H_
