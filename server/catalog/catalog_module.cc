// The Catalog module: its repositories, domain and gRPC service, wired.
#include "catalog/domain/catalog.h"
#include "catalog/domain/catalog_policy.h"
#include "catalog/storage/mysql_catalog_repository.h"
#include "catalog/transport/catalog_grpc_service.h"
#include "core/module/module.h"

namespace backoffice::catalog {
namespace {

class CatalogModule final : public module::Module {
 public:
  explicit CatalogModule(const module::ModuleEnvironment& env)
      : repository_(env.db),
        catalog_(repository_),
        service_(env.rpc, catalog_) {}

  std::string name() const override { return "catalog"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::CatalogMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::CatalogService::service_full_name()};
  }

 private:
  storage::MySqlCatalogRepository repository_;
  domain::Catalog catalog_;
  transport::CatalogGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<CatalogModule>(env);
}

}  // namespace backoffice::catalog
