// The Sales module: its repositories, domain and gRPC service, wired.
#include "core/module/module.h"
#include "sales/domain/sales.h"
#include "sales/domain/sales_policy.h"
#include "sales/storage/mysql_sales_repository.h"
#include "sales/transport/sales_grpc_service.h"

namespace backoffice::sales {
namespace {

class SalesModule final : public module::Module {
 public:
  explicit SalesModule(const module::ModuleEnvironment& env)
      : repository_(env.db), sales_(repository_), service_(env.rpc, sales_) {}

  std::string name() const override { return "sales"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::SalesMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::SalesService::service_full_name()};
  }

 private:
  storage::MySqlSalesRepository repository_;
  domain::Sales sales_;
  transport::SalesGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<SalesModule>(env);
}

}  // namespace backoffice::sales
