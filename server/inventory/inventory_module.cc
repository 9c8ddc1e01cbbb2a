// The Inventory module: its repositories, domain and gRPC service, wired.
#include "core/module/module.h"
#include "inventory/domain/inventory.h"
#include "inventory/domain/inventory_policy.h"
#include "inventory/storage/mysql_inventory_repository.h"
#include "inventory/transport/inventory_grpc_service.h"

namespace backoffice::inventory {
namespace {

class InventoryModule final : public module::Module {
 public:
  explicit InventoryModule(const module::ModuleEnvironment& env)
      : repository_(env.db),
        inventory_(repository_),
        service_(env.rpc, inventory_) {}

  std::string name() const override { return "inventory"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::InventoryMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::InventoryService::service_full_name()};
  }

 private:
  storage::MySqlInventoryRepository repository_;
  domain::Inventory inventory_;
  transport::InventoryGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<InventoryModule>(env);
}

}  // namespace backoffice::inventory
