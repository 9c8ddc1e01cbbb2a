// The Closing module: till sessions (the opening float, drops and payouts,
// the counted cash beside what the till should hold, a variance accepted
// by a second person) and the closing settings, wired. The store's day
// close and its exceptions follow in this module.
#include "closing/domain/till_sessions.h"
#include "closing/storage/mysql_till_sessions.h"
#include "closing/transport/closing_grpc_service.h"
#include "core/module/module.h"

namespace backoffice::closing {
namespace {

class ClosingModule final : public module::Module {
 public:
  explicit ClosingModule(const module::ModuleEnvironment& env)
      : repository_(env.db),
        sessions_(repository_, &domain::SystemNowMicros),
        service_(env.rpc, sessions_) {}

  std::string name() const override { return "closing"; }
  std::vector<grpc::Service*> services() override { return {&service_}; }
  std::vector<domain::MethodPolicy> policies() const override {
    return domain::ClosingMethodPolicies();
  }
  std::vector<std::string> service_names() const override {
    return {v1::ClosingService::service_full_name()};
  }

 private:
  storage::MySqlTillSessionRepository repository_;
  domain::TillSessions sessions_;
  transport::ClosingGrpcService service_;
};

}  // namespace

std::unique_ptr<module::Module> MakeModule(
    const module::ModuleEnvironment& env) {
  return std::make_unique<ClosingModule>(env);
}

}  // namespace backoffice::closing
