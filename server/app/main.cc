// backofficed: the back-office server. Only wiring: flags and environment
// into options, then the chosen subcommand.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "server_app.h"

int main(int argc, char** argv) {
  CLI::App cli{
      "backofficed: the back office of a retail chain (gRPC over MariaDB).\n"
      "Every flag can also be set from the environment variable shown."};
  cli.require_subcommand(1);

  backoffice::storage::DatabaseConfig db;
  std::string password_file;
  std::string log_level = "info";
  int lease_timeout_ms = static_cast<int>(db.lease_timeout.count());
  int idle_check_ms = static_cast<int>(db.idle_check_after.count());
  auto add_db_flags = [&](CLI::App* app) {
    app->add_option("--db-host", db.host, "MariaDB host (an IP address)")
        ->envname("BACKOFFICE_DB_HOST")
        ->capture_default_str();
    app->add_option("--db-port", db.port, "MariaDB port")
        ->envname("BACKOFFICE_DB_PORT")
        ->capture_default_str();
    app->add_option("--db-user", db.user, "MariaDB user")
        ->envname("BACKOFFICE_DB_USER")
        ->capture_default_str();
    app->add_option("--db-name", db.database, "database name")
        ->envname("BACKOFFICE_DB_NAME")
        ->capture_default_str();
    app->add_option("--db-password-file", password_file,
                    "file holding the MariaDB password (or set "
                    "BACKOFFICE_DB_PASSWORD)")
        ->envname("BACKOFFICE_DB_PASSWORD_FILE");
    app->add_option("--db-pool-size", db.pool_size, "connections in the pool")
        ->envname("BACKOFFICE_DB_POOL_SIZE")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    app->add_option("--db-lease-timeout-ms", lease_timeout_ms,
                    "wait at most this long for a free connection")
        ->envname("BACKOFFICE_DB_LEASE_TIMEOUT_MS")
        ->capture_default_str();
    app->add_option("--db-idle-check-ms", idle_check_ms,
                    "ping a pooled connection idle this long before using it "
                    "(and reopen it if the database dropped it)")
        ->envname("BACKOFFICE_DB_IDLE_CHECK_MS")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app->add_option("--log-level", log_level, "trace|debug|info|warn|error")
        ->envname("BACKOFFICE_LOG_LEVEL")
        ->capture_default_str();
  };

  backoffice::app::ServerOptions options;
  int grace_seconds = static_cast<int>(options.shutdown_grace.count());
  auto* serve = cli.add_subcommand("serve", "serve the gRPC API");
  add_db_flags(serve);
  serve
      ->add_option("--listen", options.listen_address, "host:port to listen on")
      ->envname("BACKOFFICE_LISTEN")
      ->capture_default_str();
  serve
      ->add_option("--tls-cert", options.tls_cert_file, "PEM certificate chain")
      ->envname("BACKOFFICE_TLS_CERT");
  serve->add_option("--tls-key", options.tls_key_file, "PEM private key")
      ->envname("BACKOFFICE_TLS_KEY");
  serve->add_flag("--allow-insecure", options.allow_insecure,
                  "allow plaintext on a non-loopback address");
  serve
      ->add_flag("--migrate", options.migrate_on_start,
                 "apply missing migrations before serving")
      ->envname("BACKOFFICE_MIGRATE");
  serve
      ->add_option("--shutdown-grace-seconds", grace_seconds,
                   "time in-flight RPCs get on SIGTERM")
      ->capture_default_str();

  int auth_cache_ms = static_cast<int>(options.auth_cache_ttl.count());
  serve
      ->add_option("--max-threads", options.max_threads,
                   "threads for calls in flight, pollers included; a call "
                   "beyond them is answered RESOURCE_EXHAUSTED")
      ->envname("BACKOFFICE_MAX_THREADS")
      ->capture_default_str()
      ->check(CLI::Range(4, 100000));
  serve
      ->add_option("--min-pollers", options.min_pollers,
                   "threads always waiting for new calls")
      ->envname("BACKOFFICE_MIN_POLLERS")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  serve
      ->add_option("--max-pollers", options.max_pollers,
                   "threads at most waiting for new calls")
      ->envname("BACKOFFICE_MAX_POLLERS")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  serve
      ->add_option("--auth-cache-ms", auth_cache_ms,
                   "remember verified and refused tokens this long (a "
                   "revocation still takes effect on the next call)")
      ->envname("BACKOFFICE_AUTH_CACHE_MS")
      ->capture_default_str()
      ->check(CLI::Range(0, 3600000));
  serve
      ->add_option("--auth-failure-budget", options.auth_failure_budget,
                   "calls with bad tokens a connection may make per 10 s "
                   "before its unknown tokens are refused without a lookup "
                   "(0: no limit)")
      ->envname("BACKOFFICE_AUTH_FAILURE_BUDGET")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);

  auto* migrate = cli.add_subcommand("migrate", "apply missing migrations");
  add_db_flags(migrate);

  std::string admin_name = "admin";
  auto* bootstrap = cli.add_subcommand(
      "bootstrap-admin",
      "create an admin token with database access only; prints its secret");
  add_db_flags(bootstrap);
  bootstrap->add_option("--name", admin_name, "who holds the token")
      ->capture_default_str();

  CLI11_PARSE(cli, argc, argv);

  spdlog::set_level(spdlog::level::from_str(log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  db.lease_timeout = std::chrono::milliseconds(lease_timeout_ms);
  db.idle_check_after = std::chrono::milliseconds(idle_check_ms);
  options.auth_cache_ttl = std::chrono::milliseconds(auth_cache_ms);
  options.shutdown_grace = std::chrono::seconds(grace_seconds);
  if (const char* pw = std::getenv("BACKOFFICE_DB_PASSWORD")) db.password = pw;
  if (!password_file.empty()) {
    std::ifstream in(password_file);
    if (!in || !std::getline(in, db.password)) {
      std::cerr << "cannot read --db-password-file " << password_file << "\n";
      return 2;
    }
  }

  if (*serve) return backoffice::app::RunServer(options, db);
  if (*migrate) return backoffice::app::RunMigrate(db);
  return backoffice::app::RunBootstrapAdmin(db, admin_name);
}
