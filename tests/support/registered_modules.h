// Every module the server registers, built over database pools that never
// connect (building a module opens no connection): what tests need to check
// the policy table against the services actually served.
#ifndef BACKOFFICE_TESTS_SUPPORT_REGISTERED_MODULES_H_
#define BACKOFFICE_TESTS_SUPPORT_REGISTERED_MODULES_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/domain/authorization.h"
#include "core/module/module.h"

namespace backoffice::testing {

class RegisteredModules {
 public:
  RegisteredModules();
  ~RegisteredModules();

  const std::vector<std::unique_ptr<module::Module>>& modules() const {
    return modules_;
  }
  // Every module's policies joined, as the server joins them.
  const domain::MethodPolicyTable& table() const { return table_; }
  // Every module's policies in registration order (duplicates kept).
  std::vector<domain::MethodPolicy> Policies() const;
  // "/pkg.Service/Method" of every method of every service the modules
  // serve, read from the protos' descriptors.
  std::set<std::string> ServedMethods() const;

 private:
  struct Pools;
  std::unique_ptr<Pools> pools_;
  domain::MethodPolicyTable table_;
  std::vector<std::unique_ptr<module::Module>> modules_;
};

}  // namespace backoffice::testing

#endif  // BACKOFFICE_TESTS_SUPPORT_REGISTERED_MODULES_H_
