// The Purchasing module: its repository, domain and gRPC service, wired.
#include "core/module/module.h"
#include "purchasing/domain/purchase_order_policy.h"
#include "purchasing/domain/purchase_orders.h"
#include "purchasing/domain/purchasing.h"
#include "purchasing/domain/purchasing_policy.h"
#include "purchasing/storage/mysql_purchase_order_repository.h"
#include "purchasing/storage/mysql_purchasing_repository.h"
#include "purchasing/transport/purchase_order_grpc_service.h"
#include "purchasing/transport/purchasing_grpc_service.h"

namespace backoffice::purchasing {
namespace {

class PurchasingModule final : public module::Module {
 public:
  explicit PurchasingModule(const module::ModuleEnvironment& env)
      : repository_(env.db),
        purchasing_(repository_),
        service_(env.rpc, purchasing_),
        order_repository_(env.db),
        orders_(order_repository_),
        order_service_(env.rpc, orders_) {}

  std::string name() const override { return "purchasing"; }
  std::vector<grpc::Service*> services() override {
    return {&service_, &order_service_};
  }
  std::vector<domain::MethodPolicy> policies() const override {
    auto policies = domain::PurchasingMethodPolicies();
    for (auto& p : domain::PurchaseOrderMethodPolicies()) {
      policies.push_back(p);
    }
    return policies;
  }
  std::vector<std::string> service_names() const override {
    return {v1::PurchasingService::service_full_name(),
            v1::PurchaseOrderService::service_full_name()};
  }

 private:
  storage::MySqlPurchasingRepository repository_;
  domain::Purchasing purchasing_;
  transport::PurchasingGrpcService service_;
  storage::MySqlPurchaseOrderRepository order_repository_;
  domain::PurchaseOrders orders_;
  transport::PurchaseOrderGrpcService order_service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<PurchasingModule>(env);
}

}  // namespace backoffice::purchasing
