// The Access module: its repositories, domain and gRPC service, wired.
#include "access/access_module.h"

#include "access/domain/access.h"
#include "access/domain/access_policy.h"
#include "access/storage/mysql_access_repository.h"
#include "access/transport/access_grpc_service.h"
#include "core/module/module.h"

namespace backoffice::access {
namespace {

class AccessModule final : public module::Module {
 public:
  explicit AccessModule(const module::ModuleEnvironment& env)
      : repository_(env.db), access_(repository_), service_(env.rpc, access_) {}

  std::string name() const override { return "access"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::AccessMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::AccessService::service_full_name()};
  }

 private:
  storage::MySqlAccessRepository repository_;
  domain::Access access_;
  transport::AccessGrpcService service_;
};

}  // namespace

namespace {

// Owns the repositories the caching authenticator reads through.
class RepositoryAuthenticator final : public domain::Authenticator {
 public:
  RepositoryAuthenticator(storage::Database& lookup_db,
                          storage::Database& generation_db,
                          const domain::AuthCacheOptions& options)
      : lookups_(lookup_db),
        generations_(generation_db),
        cache_(lookups_, generations_, options) {}
  domain::StatusOr<domain::Principal> Authenticate(
      const std::string& secret) override {
    return cache_.Authenticate(secret);
  }
  domain::StatusOr<domain::Principal> AuthenticateWithoutLookup(
      const std::string& secret) override {
    return cache_.AuthenticateWithoutLookup(secret);
  }

 private:
  storage::MySqlAccessRepository lookups_;
  storage::MySqlAccessRepository generations_;
  domain::CachingAuthenticator cache_;
};

}  // namespace

std::unique_ptr<domain::Authenticator> MakeAuthenticator(
    storage::Database& lookup_db, storage::Database& generation_db,
    const domain::AuthCacheOptions& options) {
  return std::make_unique<RepositoryAuthenticator>(lookup_db, generation_db,
                                                   options);
}

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<AccessModule>(env);
}

}  // namespace backoffice::access
