#include "server_app.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/resource_quota.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "access/access_module.h"
#include "access/domain/access.h"
#include "access/storage/mysql_access_repository.h"
#include "core/module/module.h"
#include "core/storage/migrations.h"
#include "core/transport/health_monitor.h"
#include "core/transport/rpc_handler.h"
#include "grpc/health/v1/health.pb.h"

namespace backoffice::app {
namespace {

bool IsLoopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address.rfind("localhost:", 0) == 0 ||
         address.rfind("[::1]:", 0) == 0 || address.rfind("unix:", 0) == 0;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

// Blocks the termination signals in every thread, so that the main thread
// alone receives them through sigwait.
sigset_t BlockTerminationSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

Status ValidateServerOptions(const ServerOptions& options) {
  if (options.min_pollers < 1 || options.max_pollers < options.min_pollers) {
    return Status(StatusCode::kInvalidArgument, "INVALID_SERVER_OPTIONS",
                  "want 1 <= --min-pollers <= --max-pollers");
  }
  if (options.max_threads < options.max_pollers + 2) {
    return Status(StatusCode::kInvalidArgument, "INVALID_SERVER_OPTIONS",
                  "--max-threads must exceed --max-pollers by at least 2, or "
                  "no call would find a thread");
  }
  if (options.auth_cache_ttl.count() < 0 || options.auth_failure_budget < 0) {
    return Status(StatusCode::kInvalidArgument, "INVALID_SERVER_OPTIONS",
                  "the token cache and failure budget cannot be negative");
  }
  return Status();
}

int RunServer(const ServerOptions& options,
              const storage::DatabaseConfig& db_config) {
  const sigset_t signals = BlockTerminationSignals();
  for (Status s : {ValidateServerOptions(options), db_config.Validate()}) {
    if (!s.ok()) {
      spdlog::critical("refusing to start: {}", s.message());
      return 2;
    }
  }
  storage::Database db(db_config);
  spdlog::info("database {}", db_config.Describe());

  if (options.migrate_on_start) {
    auto report = storage::Migrate(db);
    if (!report.ok()) {
      spdlog::critical("migration failed: {}", report.status().ToString());
      return 1;
    }
    for (const auto& name : report->applied) spdlog::info("applied {}", name);
  }
  if (Status s = storage::CheckSchema(db); !s.ok()) {
    spdlog::critical("refusing to start: {}", s.ToString());
    return 1;
  }

  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (!options.tls_cert_file.empty() || !options.tls_key_file.empty()) {
    grpc::SslServerCredentialsOptions ssl;
    grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
    if (!ReadFile(options.tls_cert_file, &pair.cert_chain) ||
        !ReadFile(options.tls_key_file, &pair.private_key)) {
      spdlog::critical("cannot read the TLS certificate or key");
      return 1;
    }
    ssl.pem_key_cert_pairs.push_back(std::move(pair));
    credentials = grpc::SslServerCredentials(ssl);
  } else {
    if (!IsLoopback(options.listen_address) && !options.allow_insecure) {
      spdlog::critical(
          "refusing plaintext on {}: give --tls-cert and --tls-key, or "
          "--allow-insecure",
          options.listen_address);
      return 1;
    }
    credentials = grpc::InsecureServerCredentials();
  }

  // Authentication has connections of its own: callers without a valid
  // token must not compete with the tills for the sales pool. Token lookups
  // (callers whose token is not cached) get two; the revocation generation
  // that every call checks gets one more, so that a flood of lookups cannot
  // make the tills wait.
  storage::DatabaseConfig auth_config = db_config;
  auth_config.pool_size = 2;
  storage::Database auth_db(auth_config);
  storage::DatabaseConfig generation_config = db_config;
  generation_config.pool_size = 1;
  storage::Database generation_db(generation_config);
  domain::AuthCacheOptions cache_options;
  cache_options.positive_ttl = options.auth_cache_ttl;
  cache_options.negative_ttl = options.auth_cache_ttl;
  std::unique_ptr<domain::Authenticator> authenticator =
      access::MakeAuthenticator(auth_db, generation_db, cache_options);
  // Reconciliation reads whole ledgers: it gets connections of its own, with
  // a read timeout fit for long queries.
  storage::DatabaseConfig report_config = db_config;
  report_config.pool_size = 2;
  report_config.io_timeout_seconds = 900;
  storage::Database report_db(report_config);

  domain::MethodPolicyTable policies;
  transport::RefusalGuardOptions refusal_options;
  refusal_options.failures_per_peer = options.auth_failure_budget;
  transport::RpcHandler handler(*authenticator, policies, refusal_options);
  const module::ModuleEnvironment env{db, report_db, handler};
  std::vector<std::unique_ptr<module::Module>> modules;
  for (const auto& registration : module::AllModules()) {
    modules.push_back(registration.make(env));
    if (Status s = policies.Add(modules.back()->policies()); !s.ok()) {
      spdlog::critical("module {}: {}", registration.name, s.ToString());
      return 1;
    }
  }

  // The health service is built into gRPC without a C++ descriptor; linking
  // the generated one lets reflection describe it to generic clients.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // Bounded threads: a flood of calls cannot start a thread each.
  grpc::ResourceQuota quota("backofficed");
  quota.SetMaxThreads(options.max_threads);
  builder.SetResourceQuota(quota);
  builder.SetSyncServerOption(
      grpc::ServerBuilder::SyncServerOption::MIN_POLLERS, options.min_pollers);
  builder.SetSyncServerOption(
      grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, options.max_pollers);
  int bound_port = 0;
  builder.AddListeningPort(options.listen_address, credentials, &bound_port);
  for (auto& m : modules) {
    for (grpc::Service* service : m->services())
      builder.RegisterService(service);
  }
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(transport::MakeMethodNameInterceptorFactory());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || bound_port == 0) {
    spdlog::critical("cannot listen on {}", options.listen_address);
    return 1;
  }
  // The probe has a connection of its own: a pool busy with sales must not
  // make a healthy server look dead.
  storage::DatabaseConfig probe_config = db_config;
  probe_config.pool_size = 1;
  storage::Database probe_db(probe_config);
  transport::HealthMonitor health(
      server->GetHealthCheckService(), [&probe_db] { return probe_db.Ping(); },
      options.health_interval);
  health.Start();
  spdlog::info("backofficed serving on {} ({}), schema version {}",
               options.listen_address,
               options.tls_cert_file.empty() ? "plaintext" : "TLS",
               storage::RequiredSchemaVersion());

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  spdlog::info("signal {} received: finishing in-flight RPCs (up to {} s)",
               signal_number, options.shutdown_grace.count());
  health.Stop();
  server->Shutdown(std::chrono::system_clock::now() + options.shutdown_grace);
  server->Wait();
  spdlog::info("backofficed stopped");
  return 0;
}

int RunMigrate(const storage::DatabaseConfig& db_config) {
  storage::Database db(db_config);
  auto report = storage::Migrate(db);
  if (!report.ok()) {
    std::cerr << "migrate: " << report.status().ToString() << "\n";
    return 1;
  }
  for (const auto& name : report->applied)
    std::cout << "applied " << name << "\n";
  std::cout << "schema version " << report->to_version << " (was "
            << report->from_version << ")\n";
  return 0;
}

int RunBootstrapAdmin(const storage::DatabaseConfig& db_config,
                      const std::string& display_name) {
  storage::Database db(db_config);
  if (Status s = storage::CheckSchema(db); !s.ok()) {
    std::cerr << "bootstrap-admin: " << s.ToString() << "\n";
    return 1;
  }
  storage::MySqlAccessRepository repository(db);
  domain::Access access(repository);
  auto created = access.BootstrapAdmin(display_name);
  if (!created.ok()) {
    std::cerr << "bootstrap-admin: " << created.status().ToString() << "\n";
    return 1;
  }
  // The secret goes to stdout alone, so that scripts can capture it; it is
  // shown this once and stored only as a hash.
  std::cerr << "created admin token "
            << domain::FormatTokenId(created->token.id) << " for '"
            << display_name << "'; keep its secret safe:\n";
  std::cout << created->secret << "\n";
  return 0;
}

}  // namespace backoffice::app
