// The Credit module: the party ledger's repository, domain and gRPC
// service, wired. Sales and receiving post to the ledger through its
// posting component (credit/storage/party_ledger.h).
#include "core/module/module.h"
#include "credit/domain/credit.h"
#include "credit/domain/credit_policy.h"
#include "credit/storage/mysql_credit_repository.h"
#include "credit/transport/credit_grpc_service.h"

namespace backoffice::credit {
namespace {

class CreditModule final : public module::Module {
 public:
  explicit CreditModule(const module::ModuleEnvironment& env)
      : repository_(env.db, env.report_db),
        credit_(repository_, &domain::SystemNowMicros),
        service_(env.rpc, credit_) {}

  std::string name() const override { return "credit"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::CreditMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::CreditService::service_full_name()};
  }

 private:
  storage::MySqlCreditRepository repository_;
  domain::Credit credit_;
  transport::CreditGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<CreditModule>(env);
}

}  // namespace backoffice::credit
