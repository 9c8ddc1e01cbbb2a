#include "registered_modules.h"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include "core/storage/database.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::testing {
namespace {

using domain::Status;
using domain::StatusCode;
using domain::StatusOr;

class RefusingAuthenticator : public domain::Authenticator {
 public:
  StatusOr<domain::Principal> Authenticate(const std::string&) override {
    return Status(StatusCode::kUnauthenticated, "UNKNOWN_TOKEN", "test");
  }
};

}  // namespace

struct RegisteredModules::Pools {
  storage::Database db{storage::DatabaseConfig{}};
  storage::Database report_db{storage::DatabaseConfig{}};
  RefusingAuthenticator authenticator;
  std::unique_ptr<transport::RpcHandler> handler;
};

RegisteredModules::RegisteredModules() : pools_(std::make_unique<Pools>()) {
  pools_->handler =
      std::make_unique<transport::RpcHandler>(pools_->authenticator, table_);
  const module::ModuleEnvironment env{pools_->db, pools_->report_db,
                                      *pools_->handler};
  for (const auto& registration : module::AllModules()) {
    modules_.push_back(registration.make(env));
    Status added = table_.Add(modules_.back()->policies());
    EXPECT_TRUE(added.ok()) << registration.name << ": " << added;
  }
}

RegisteredModules::~RegisteredModules() = default;

std::vector<domain::MethodPolicy> RegisteredModules::Policies() const {
  std::vector<domain::MethodPolicy> all;
  for (const auto& m : modules_) {
    for (const auto& policy : m->policies()) all.push_back(policy);
  }
  return all;
}

std::set<std::string> RegisteredModules::ServedMethods() const {
  std::set<std::string> methods;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const auto& m : modules_) {
    for (const auto& name : m->service_names()) {
      const auto* service = pool->FindServiceByName(name);
      EXPECT_NE(service, nullptr) << name;
      if (service == nullptr) continue;
      for (int i = 0; i < service->method_count(); ++i) {
        methods.insert("/" + service->full_name() + "/" +
                       service->method(i)->name());
      }
    }
  }
  return methods;
}

}  // namespace backoffice::testing
