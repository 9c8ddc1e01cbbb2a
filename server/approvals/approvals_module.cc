// The Approvals module: the one inbox of everything that waits for a
// second person, wired. It reads the other modules' tables and decides
// nothing: each item names the RPC of its own module that does.
#include "approvals/domain/approvals.h"
#include "approvals/storage/mysql_approval_repository.h"
#include "approvals/transport/approval_grpc_service.h"
#include "core/module/module.h"

namespace backoffice::approvals {
namespace {

class ApprovalsModule final : public module::Module {
 public:
  explicit ApprovalsModule(const module::ModuleEnvironment& env)
      : repository_(env.report_db),
        approvals_(repository_, &domain::SystemNowMicros),
        service_(env.rpc, approvals_) {}

  std::string name() const override { return "approvals"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::ApprovalMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::ApprovalService::service_full_name()};
  }

 private:
  storage::MySqlApprovalRepository repository_;
  domain::Approvals approvals_;
  transport::ApprovalGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<ApprovalsModule>(env);
}

}  // namespace backoffice::approvals
