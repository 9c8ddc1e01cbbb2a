#include "core/storage/migrations.h"

#include <spdlog/spdlog.h>

#include <map>
#include <sstream>

#include "core/domain/token_secret.h"

namespace backoffice::storage {
namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INT NOT NULL PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL,"
    " checksum CHAR(64) NOT NULL,"
    " applied_time DATETIME(6) NOT NULL"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
constexpr const char* kLockName = "backoffice.schema_migrations";
constexpr int kLockWaitSeconds = 60;

struct AppliedMigration {
  std::string name;
  std::string checksum;
};

std::map<int, AppliedMigration> ReadApplied(soci::session& session) {
  std::map<int, AppliedMigration> applied;
  int table_count = 0;
  session << "SELECT COUNT(*) FROM information_schema.tables "
             "WHERE table_schema = DATABASE() AND table_name = "
             "'schema_migrations'",
      soci::into(table_count);
  if (table_count == 0) return applied;
  soci::rowset<soci::row> rows =
      session.prepare
      << "SELECT version, name, checksum FROM schema_migrations";
  for (const auto& row : rows) {
    applied[row.get<int>(0)] = {row.get<std::string>(1),
                                row.get<std::string>(2)};
  }
  return applied;
}

Status VerifyApplied(const std::map<int, AppliedMigration>& applied,
                     const std::vector<Migration>& migrations) {
  for (const auto& m : migrations) {
    auto it = applied.find(m.version);
    if (it == applied.end()) continue;
    if (it->second.checksum != domain::Sha256Hex(m.sql)) {
      return Status(StatusCode::kFailedPrecondition,
                    "MIGRATION_CHECKSUM_MISMATCH",
                    "migration " + m.name +
                        " was changed after it was applied; applied "
                        "migrations are immutable, add a new one instead");
    }
  }
  return Status();
}

int CurrentVersion(const std::map<int, AppliedMigration>& applied) {
  return applied.empty() ? 0 : applied.rbegin()->first;
}

}  // namespace

int RequiredSchemaVersion() {
  const auto& all = EmbeddedMigrations();
  return all.empty() ? 0 : all.back().version;
}

std::vector<std::string> SplitSqlStatements(const std::string& sql) {
  std::vector<std::string> statements;
  std::istringstream in(sql);
  std::string line;
  std::string current;
  while (std::getline(in, line)) {
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line.compare(first, 2, "--") == 0) {
      continue;
    }
    current += line;
    current += '\n';
    auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      statements.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) {
    statements.push_back(current);
  }
  return statements;
}

StatusOr<MigrationReport> Migrate(Database& db,
                                  const std::vector<Migration>& migrations) {
  MigrationReport report;
  Status status = db.WithSession([&](soci::session& session) -> Status {
    int locked = 0;
    soci::indicator ind;
    // SOCI binds by reference and runs the statement when the whole
    // expression ends: bound values must outlive it, so no temporaries.
    const std::string lock_name = kLockName;
    const int lock_wait_seconds = kLockWaitSeconds;
    session << "SELECT GET_LOCK(:name, :wait)", soci::use(lock_name),
        soci::use(lock_wait_seconds), soci::into(locked, ind);
    if (ind != soci::i_ok || locked != 1) {
      return Status(StatusCode::kUnavailable, "MIGRATION_LOCK_TIMEOUT",
                    "another process holds the migration lock");
    }
    // Whatever happens below, the advisory lock goes with this scope.
    struct Unlock {
      soci::session& s;
      ~Unlock() {
        try {
          s << "DO RELEASE_LOCK('backoffice.schema_migrations')";
        } catch (...) {
        }
      }
    } unlock{session};

    session << kCreateMigrationsTable;
    auto applied = ReadApplied(session);
    if (auto s = VerifyApplied(applied, migrations); !s.ok()) return s;
    report.from_version = CurrentVersion(applied);
    for (const auto& m : migrations) {
      if (applied.count(m.version) != 0) continue;
      spdlog::info("applying migration {}", m.name);
      for (const auto& statement : SplitSqlStatements(m.sql)) {
        session << statement;
      }
      std::string checksum = domain::Sha256Hex(m.sql);
      session << "INSERT INTO schema_migrations (version, name, checksum, "
                 "applied_time) VALUES (:v, :n, :c, UTC_TIMESTAMP(6))",
          soci::use(m.version), soci::use(m.name), soci::use(checksum);
      report.applied.push_back(m.name);
    }
    report.to_version = CurrentVersion(ReadApplied(session));
    return Status();
  });
  if (!status.ok()) return status;
  return report;
}

Status CheckSchema(Database& db, const std::vector<Migration>& migrations) {
  return db.WithSession([&](soci::session& session) -> Status {
    auto applied = ReadApplied(session);
    if (auto s = VerifyApplied(applied, migrations); !s.ok()) return s;
    const int required = migrations.empty() ? 0 : migrations.back().version;
    const int current = CurrentVersion(applied);
    for (const auto& m : migrations) {
      if (applied.count(m.version) == 0) {
        return Status(StatusCode::kFailedPrecondition, "SCHEMA_TOO_OLD",
                      "the database schema is at version " +
                          std::to_string(current) + " but this server needs " +
                          std::to_string(required) +
                          "; run 'backofficed migrate' (or start with "
                          "--migrate)");
      }
    }
    return Status();
  });
}

}  // namespace backoffice::storage
