// The Receiving module: goods receipts' repository, domain and gRPC service,
// wired.
#include "core/module/module.h"
#include "receiving/domain/goods_receipts.h"
#include "receiving/domain/receiving_policy.h"
#include "receiving/storage/mysql_receipt_repository.h"
#include "receiving/transport/goods_receipt_grpc_service.h"

namespace backoffice::receiving {
namespace {

class ReceivingModule final : public module::Module {
 public:
  explicit ReceivingModule(const module::ModuleEnvironment& env)
      : repository_(env.db),
        receipts_(repository_),
        service_(env.rpc, receipts_) {}

  std::string name() const override { return "receiving"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::ReceivingMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::GoodsReceiptService::service_full_name()};
  }

 private:
  storage::MySqlGoodsReceiptRepository repository_;
  domain::GoodsReceipts receipts_;
  transport::GoodsReceiptGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<ReceivingModule>(env);
}

}  // namespace backoffice::receiving
