// Schema migrations: numbered, immutable SQL files under
// server/storage/migrations, compiled into the binary.
//
// Migrate() applies the missing ones in order under a MariaDB advisory lock,
// so that two servers starting at once never both migrate, and records each
// with its SHA-256. A migration whose file changed after it was applied is
// refused (FAILED_PRECONDITION, MIGRATION_CHECKSUM_MISMATCH).
#ifndef BACKOFFICE_SERVER_STORAGE_MIGRATIONS_H_
#define BACKOFFICE_SERVER_STORAGE_MIGRATIONS_H_

#include <string>
#include <vector>

#include "core/domain/status.h"
#include "core/storage/database.h"

namespace backoffice::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// The migrations built into this binary, in version order.
const std::vector<Migration>& EmbeddedMigrations();
// The schema version this binary needs: the highest embedded version.
int RequiredSchemaVersion();

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;
};

// Applies every missing migration from `migrations` (the embedded ones by
// default). Safe to run concurrently from several processes.
StatusOr<MigrationReport> Migrate(
    Database& db,
    const std::vector<Migration>& migrations = EmbeddedMigrations());

// OK when the database holds every migration this binary needs, unchanged;
// FAILED_PRECONDITION (SCHEMA_TOO_OLD or MIGRATION_CHECKSUM_MISMATCH) with a
// message that says what to do otherwise.
Status CheckSchema(Database& db, const std::vector<Migration>& migrations =
                                     EmbeddedMigrations());

// The statements of a migration file: split at lines ending in ';', with
// comment lines removed.
std::vector<std::string> SplitSqlStatements(const std::string& sql);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STORAGE_MIGRATIONS_H_
