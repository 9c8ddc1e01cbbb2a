// The Reconciliation module: its repositories, domain and gRPC service, wired.
#include "core/module/module.h"
#include "reconciliation/domain/reconciliation.h"
#include "reconciliation/domain/reconciliation_policy.h"
#include "reconciliation/storage/mysql_reconciliation_repository.h"
#include "reconciliation/transport/reconciliation_grpc_service.h"

namespace backoffice::reconciliation {
namespace {

class ReconciliationModule final : public module::Module {
 public:
  explicit ReconciliationModule(const module::ModuleEnvironment& env)
      :  // Whole-ledger reads get the report pool: they neither starve the
         // tills' pool nor are cut off as if the database had hung.
        repository_(env.report_db),
        reconciliation_(repository_),
        service_(env.rpc, reconciliation_) {}

  std::string name() const override { return "reconciliation"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::ReconciliationMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::ReconciliationService::service_full_name()};
  }

 private:
  storage::MySqlReconciliationRepository repository_;
  domain::Reconciliation reconciliation_;
  transport::ReconciliationGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<ReconciliationModule>(env);
}

}  // namespace backoffice::reconciliation
