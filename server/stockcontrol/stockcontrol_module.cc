// The Stock control module: near expiry, slow movers and returns to the
// supplier, wired. Returns post through inventory's stock posting
// component and credit's party ledger.
#include "core/module/module.h"
#include "stockcontrol/domain/stock_control.h"
#include "stockcontrol/domain/stock_control_policy.h"
#include "stockcontrol/storage/mysql_stock_control_repository.h"
#include "stockcontrol/transport/stock_control_grpc_service.h"

namespace backoffice::stockcontrol {
namespace {

class StockControlModule final : public module::Module {
 public:
  explicit StockControlModule(const module::ModuleEnvironment& env)
      : repository_(env.db, env.report_db),
        stock_control_(repository_, &domain::SystemNowMicros),
        service_(env.rpc, stock_control_) {}

  std::string name() const override { return "stockcontrol"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::StockControlMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::StockControlService::service_full_name()};
  }

 private:
  storage::MySqlStockControlRepository repository_;
  domain::StockControl stock_control_;
  transport::StockControlGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<StockControlModule>(env);
}

}  // namespace backoffice::stockcontrol
