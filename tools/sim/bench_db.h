// The database options of the benchmarks' raw sides (and seeding), read
// from the same environment as backofficed's: --db-host, --db-port,
// --db-user, --db-name and --db-password-file, or BACKOFFICE_DB_*; the
// password from BACKOFFICE_DB_PASSWORD or the file.
#ifndef BACKOFFICE_TOOLS_SIM_BENCH_DB_H_
#define BACKOFFICE_TOOLS_SIM_BENCH_DB_H_

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "core/storage/database.h"

namespace backoffice::sim {

inline void AddDatabaseOptions(CLI::App& cli, storage::DatabaseConfig& db,
                               std::string& password_file) {
  cli.add_option("--db-host", db.host)->envname("BACKOFFICE_DB_HOST");
  cli.add_option("--db-port", db.port)->envname("BACKOFFICE_DB_PORT");
  cli.add_option("--db-user", db.user)->envname("BACKOFFICE_DB_USER");
  cli.add_option("--db-name", db.database)->envname("BACKOFFICE_DB_NAME");
  cli.add_option("--db-password-file", password_file)
      ->envname("BACKOFFICE_DB_PASSWORD_FILE");
}

// After parsing. False, with a message naming `program`, when the file
// cannot be read.
inline bool ReadDatabasePassword(storage::DatabaseConfig& db,
                                 const std::string& password_file,
                                 const std::string& program) {
  if (const char* pw = std::getenv("BACKOFFICE_DB_PASSWORD")) db.password = pw;
  if (password_file.empty()) return true;
  std::ifstream in(password_file);
  if (!in || !std::getline(in, db.password)) {
    std::cerr << program << ": cannot read " << password_file << "\n";
    return false;
  }
  return true;
}

}  // namespace backoffice::sim

#endif  // BACKOFFICE_TOOLS_SIM_BENCH_DB_H_
