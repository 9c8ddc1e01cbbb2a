// Small helpers shared by the repositories: row reading, audit appends, and
// turning key violations into domain errors.
#ifndef BACKOFFICE_SERVER_STORAGE_SQL_UTIL_H_
#define BACKOFFICE_SERVER_STORAGE_SQL_UTIL_H_

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/domain/model.h"
#include "core/domain/status.h"

namespace backoffice::storage {

// SQL that reads a DATETIME(6) column as exact microseconds since the epoch.
#define BO_MICROS(col) \
  "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', " col ")"

std::int64_t GetInt64(const soci::row& row, std::size_t i);
std::optional<std::int64_t> GetOptionalInt64(const soci::row& row,
                                             std::size_t i);
std::string GetString(const soci::row& row, std::size_t i);
bool GetBool(const soci::row& row, std::size_t i);

// Appends one audit record for `ctx` in the session's open transaction.
// A null `ctx` records the system itself (the bootstrap command).
void AppendAudit(soci::session& session, const domain::RequestContext* ctx,
                 const domain::AuditEntry& entry);

// The id of the store with this code, or throws StatusError(NOT_FOUND,
// STORE_NOT_FOUND).
std::int64_t RequireStoreId(soci::session& session, const std::string& code);

// What documents need of their store: its row, currency and time zone.
struct StoreRow {
  long long id = 0;
  std::string code;
  std::string currency_code;
  std::string time_zone;
};

// The store with this code, or throws StatusError(NOT_FOUND,
// STORE_NOT_FOUND).
StoreRow RequireStoreRow(soci::session& session, const std::string& code);

// Runs `statement`; a duplicate-key error becomes StatusError(ALREADY_EXISTS,
// reason, message) and a missing reference StatusError(NOT_FOUND, ...).
void ExecuteOrConflict(const std::function<void()>& statement,
                       const std::string& reason, const std::string& message);

// The AUTO_INCREMENT id of the session's last insert (the first one of a
// multi-row insert), read from the client library: no round trip.
long long LastInsertId(soci::session& session);

// Throws StatusError with `status`, aborting the unit of work.
[[noreturn]] void Fail(Status status);

// Escapes LIKE wildcards and lowers ASCII letters, wrapped in '%'.
std::string ContainsPattern(const std::string& text);

// Whether `e` is a duplicate-key error (1062) on the unique key `key`.
bool IsDuplicateOf(const soci::soci_error& e, const char* key);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STORAGE_SQL_UTIL_H_
