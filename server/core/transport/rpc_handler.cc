#include "core/transport/rpc_handler.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <mutex>
#include <unordered_map>

#include "core/domain/errors.h"
#include "core/transport/error_mapping.h"

namespace backoffice::transport {
namespace {

// The method of every call in flight, by its context.
class MethodRegistry {
 public:
  static MethodRegistry& Get() {
    static auto* const registry = new MethodRegistry();
    return *registry;
  }
  void Put(const grpc::ServerContextBase* context, const char* method) {
    std::lock_guard<std::mutex> lock(mutex_);
    methods_[context] = method;
  }
  void Erase(const grpc::ServerContextBase* context) {
    std::lock_guard<std::mutex> lock(mutex_);
    methods_.erase(context);
  }
  std::string Find(const grpc::ServerContextBase* context) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = methods_.find(context);
    return it == methods_.end() || it->second == nullptr ? std::string()
                                                         : it->second;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<const grpc::ServerContextBase*, const char*> methods_;
};

// Lives exactly as long as its call: gRPC creates it when the call starts
// and destroys it with the call's context.
class MethodNameInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit MethodNameInterceptor(grpc::experimental::ServerRpcInfo* info)
      : context_(info->server_context()) {
    MethodRegistry::Get().Put(context_, info->method());
  }
  ~MethodNameInterceptor() override { MethodRegistry::Get().Erase(context_); }
  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    methods->Proceed();
  }

 private:
  const grpc::ServerContextBase* context_;
};

class MethodNameInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new MethodNameInterceptor(info);
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeMethodNameInterceptorFactory() {
  return std::make_unique<MethodNameInterceptorFactory>();
}

std::string MethodNameOf(const grpc::ServerContextBase* context) {
  return MethodRegistry::Get().Find(context);
}

std::string BearerToken(const std::string& header_value) {
  constexpr std::string_view kPrefix = "Bearer ";
  if (header_value.size() <= kPrefix.size() ||
      header_value.compare(0, kPrefix.size(), kPrefix) != 0) {
    return "";
  }
  return header_value.substr(kPrefix.size());
}

StatusOr<domain::RequestContext> RpcHandler::Admit(
    grpc::ServerContext* context, const std::string& method,
    const std::string& request_id, const std::string& peer, bool* over_budget) {
  const auto& metadata = context->client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return domain::Unauthenticated("MISSING_TOKEN",
                                   "send 'authorization: Bearer <token>'");
  }
  std::string secret =
      BearerToken(std::string(it->second.data(), it->second.size()));
  if (secret.empty()) {
    return domain::Unauthenticated("MALFORMED_AUTHORIZATION",
                                   "the authorization header must be "
                                   "'Bearer <token>'");
  }
  // A connection that spent its failure budget costs no lookup: only tokens
  // verified before still pass.
  *over_budget = refusals_.OverBudget(peer);
  auto principal = *over_budget
                       ? authenticator_.AuthenticateWithoutLookup(secret)
                       : authenticator_.Authenticate(secret);
  if (!principal.ok()) return principal.status();
  if (auto s = policies_.Authorize(*principal, method); !s.ok()) return s;
  domain::RequestContext ctx;
  ctx.principal = *std::move(principal);
  ctx.method = method;
  ctx.request_id = request_id;
  ctx.peer = peer.substr(0, 128);
  ctx.cancelled = [context] { return context->IsCancelled(); };
  const auto deadline = context->deadline();
  if (deadline != std::chrono::system_clock::time_point::max()) {
    ctx.deadline = std::chrono::duration_cast<std::chrono::microseconds>(
                       deadline.time_since_epoch())
                       .count();
  }
  return ctx;
}

grpc::Status RpcHandler::Handle(
    grpc::ServerContext* context, const std::string& request_id,
    const std::function<Status(const domain::RequestContext&)>& body) {
  const auto start = std::chrono::steady_clock::now();
  const std::string method = MethodNameOf(context);
  const std::string peer = context->peer();
  std::int64_t principal_id = 0;
  bool over_budget = false;
  Status status;
  try {
    auto ctx = Admit(context, method, request_id, peer, &over_budget);
    if (!ctx.ok()) {
      status = ctx.status();
    } else {
      principal_id = ctx->principal.token_id;
      status = body(*ctx);
    }
  } catch (const std::exception& e) {
    // gRPC would turn an escaped exception into an opaque UNKNOWN.
    spdlog::error("rpc {} failed with an exception: {}", method, e.what());
    status =
        domain::Internal("INTERNAL_ERROR", "the server failed unexpectedly");
  } catch (...) {
    spdlog::error("rpc {} failed with a non-standard exception", method);
    status =
        domain::Internal("INTERNAL_ERROR", "the server failed unexpectedly");
  }
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  if (status.code() == StatusCode::kUnauthenticated) {
    // Counted and logged once per interval: a flood of bad tokens must not
    // become a flood of log lines.
    refusals_.Refused(peer, status.reason(), over_budget);
    spdlog::debug("rpc method={} code=UNAUTHENTICATED reason={} micros={}",
                  method, status.reason(), micros);
  } else if (status.ok()) {
    refusals_.Tick();
    spdlog::debug("rpc method={} principal=tok_{} code=OK micros={}", method,
                  principal_id, micros);
  } else {
    spdlog::info("rpc method={} principal=tok_{} code={} reason={} micros={}",
                 method, principal_id, StatusCodeName(status.code()),
                 status.reason(), micros);
  }
  return ToGrpcStatus(status);
}

}  // namespace backoffice::transport
