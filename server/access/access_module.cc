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

// Owns the repository the authenticating Access reads through.
class RepositoryAuthenticator final : public domain::Authenticator {
 public:
  explicit RepositoryAuthenticator(storage::Database& db)
      : repository_(db), access_(repository_) {}
  StatusOr<domain::Principal> Authenticate(const std::string& secret) override {
    return access_.Authenticate(secret);
  }

 private:
  storage::MySqlAccessRepository repository_;
  domain::Access access_;
};

}  // namespace

std::unique_ptr<domain::Authenticator> MakeAuthenticator(
    storage::Database& db) {
  return std::make_unique<RepositoryAuthenticator>(db);
}

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<AccessModule>(env);
}

}  // namespace backoffice::access
