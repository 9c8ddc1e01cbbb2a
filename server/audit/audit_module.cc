// The Audit module: its repositories, domain and gRPC service, wired.
#include "audit/domain/audit_log.h"
#include "audit/domain/audit_policy.h"
#include "audit/storage/mysql_audit_repository.h"
#include "audit/transport/audit_grpc_service.h"
#include "core/module/module.h"

namespace backoffice::audit {
namespace {

class AuditModule final : public module::Module {
 public:
  explicit AuditModule(const module::ModuleEnvironment& env)
      : repository_(env.db), audit_(repository_), service_(env.rpc, audit_) {}

  std::string name() const override { return "audit"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::AuditMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::AuditService::service_full_name()};
  }

 private:
  storage::MySqlAuditRepository repository_;
  domain::AuditLog audit_;
  transport::AuditGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<AuditModule>(env);
}

}  // namespace backoffice::audit
