// The Stock control module: near expiry, slow movers, returns to the
// supplier, transfers between stores and stock counts, wired. Returns,
// transfers and counts post through inventory's stock posting component;
// returns also through credit's party ledger.
#include "core/module/module.h"
#include "stockcontrol/domain/stock_control.h"
#include "stockcontrol/domain/stock_control_policy.h"
#include "stockcontrol/domain/stock_counts.h"
#include "stockcontrol/domain/stock_transfers.h"
#include "stockcontrol/storage/mysql_stock_control_repository.h"
#include "stockcontrol/storage/mysql_stock_counts.h"
#include "stockcontrol/storage/mysql_stock_transfers.h"
#include "stockcontrol/transport/stock_control_grpc_service.h"

namespace backoffice::stockcontrol {
namespace {

class StockControlModule final : public module::Module {
 public:
  explicit StockControlModule(const module::ModuleEnvironment& env)
      : repository_(env.db, env.report_db),
        transfer_repository_(env.db),
        count_repository_(env.db),
        stock_control_(repository_, &domain::SystemNowMicros),
        transfers_(transfer_repository_, &domain::SystemNowMicros),
        counts_(count_repository_, &domain::SystemNowMicros),
        service_(env.rpc, stock_control_, transfers_, counts_) {}

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
  storage::MySqlStockTransferRepository transfer_repository_;
  storage::MySqlStockCountRepository count_repository_;
  domain::StockControl stock_control_;
  domain::StockTransfers transfers_;
  domain::StockCounts counts_;
  transport::StockControlGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<StockControlModule>(env);
}

}  // namespace backoffice::stockcontrol
