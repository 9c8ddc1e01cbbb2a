// Assembles the server: database, repositories, domain, gRPC services,
// health and reflection, and runs it until SIGTERM or SIGINT.
#ifndef BACKOFFICE_SERVER_APP_SERVER_APP_H_
#define BACKOFFICE_SERVER_APP_SERVER_APP_H_

#include <chrono>
#include <string>

#include "core/storage/database.h"

namespace backoffice::app {

struct ServerOptions {
  std::string listen_address = "127.0.0.1:50051";
  std::string tls_cert_file;  // With tls_key_file: serve TLS.
  std::string tls_key_file;
  // Plaintext is refused on addresses other than loopback unless this is set.
  bool allow_insecure = false;
  bool migrate_on_start = false;
  std::chrono::seconds shutdown_grace{10};
  std::chrono::milliseconds health_interval{1000};
  // gRPC's synchronous server runs each call in flight on a thread of its
  // own: the resource quota caps them (pollers included); a call beyond the
  // cap is answered RESOURCE_EXHAUSTED at once instead of starting a thread.
  int max_threads = 256;
  int min_pollers = 1;
  int max_pollers = 2;
  // How long a verified (or refused) token is remembered; a revocation
  // still takes effect on the next call.
  std::chrono::milliseconds auth_cache_ttl{5000};
  // Calls with bad tokens a connection may make per 10 s before its unknown
  // tokens are refused without a lookup; 0 disables it.
  int auth_failure_budget = 20;
};

// INVALID_ARGUMENT when the options contradict each other.
Status ValidateServerOptions(const ServerOptions& options);

// Serves until SIGTERM or SIGINT; returns the process exit code.
int RunServer(const ServerOptions& options,
              const storage::DatabaseConfig& db_config);
// `backofficed migrate`: applies missing migrations and prints them.
int RunMigrate(const storage::DatabaseConfig& db_config);
// `backofficed bootstrap-admin`: prints the first admin token's secret.
int RunBootstrapAdmin(const storage::DatabaseConfig& db_config,
                      const std::string& display_name);

}  // namespace backoffice::app

#endif  // BACKOFFICE_SERVER_APP_SERVER_APP_H_
