// A business module as the server sees it: the gRPC services it serves and
// who may call each of their methods. Each module builds its own
// repositories, domain and services over the shared pools in
// ModuleEnvironment; the server registers every module listed in
// server/CMakeLists.txt (BACKOFFICE_MODULES) and nothing else changes when a
// module is added.
#ifndef BACKOFFICE_SERVER_CORE_MODULE_MODULE_H_
#define BACKOFFICE_SERVER_CORE_MODULE_MODULE_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "core/domain/authorization.h"
#include "core/storage/database.h"
#include "core/transport/rpc_handler.h"

namespace backoffice::module {

struct ModuleEnvironment {
  // The pool of short transactions: tills, managers, head office.
  storage::Database& db;
  // A small pool with a long read timeout, for whole-ledger reads.
  storage::Database& report_db;
  transport::RpcHandler& rpc;
};

class Module {
 public:
  virtual ~Module() = default;
  // "sales", as in the folder name.
  virtual std::string name() const = 0;
  // Owned by the module; registered with the server in this order.
  virtual std::vector<grpc::Service*> services() = 0;
  // The module's part of the policy table: one entry per method it serves.
  virtual std::vector<domain::MethodPolicy> policies() const = 0;
  // The full names of the gRPC services it serves
  // ("backoffice.v1.SalesService"), for the policy coverage check.
  virtual std::vector<std::string> service_names() const = 0;
};

using ModuleFactory = std::unique_ptr<Module> (*)(const ModuleEnvironment&);

struct ModuleRegistration {
  const char* name;
  ModuleFactory make;
};

// Every module of the server, generated from BACKOFFICE_MODULES.
const std::vector<ModuleRegistration>& AllModules();

}  // namespace backoffice::module

#endif  // BACKOFFICE_SERVER_CORE_MODULE_MODULE_H_
