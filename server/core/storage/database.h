// Database access for the storage layer: a bounded pool of SOCI sessions to
// MariaDB, and the one place where database failures become Status values.
//
// Every unit of work runs through Database::InTransaction or
// Database::WithSession, which lease a session for the call's duration (or
// fail with UNAVAILABLE after the lease timeout), map SOCI and MariaDB errors
// to stable statuses, retry deadlocks and lock timeouts a bounded number of
// times, and reconnect sessions whose connection was lost, so that the server
// recovers by itself when the database comes back.
//
// Thread safety: Database is safe for concurrent use; a leased session is
// used by one thread at a time.
#ifndef BACKOFFICE_SERVER_STORAGE_DATABASE_H_
#define BACKOFFICE_SERVER_STORAGE_DATABASE_H_

#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/domain/status.h"

namespace backoffice::storage {

struct DatabaseConfig {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string user = "backoffice";
  std::string password;  // Never logged.
  std::string database = "backoffice";
  int pool_size = 8;
  std::chrono::milliseconds lease_timeout{2000};
  int connect_timeout_seconds = 2;
  // Bounds a read or write on a connection whose server stopped answering.
  int io_timeout_seconds = 5;
  // Bounds the wait for a row (or metadata) lock held by another
  // transaction. It must stay at least kLockWaitMarginSeconds below
  // io_timeout_seconds, so that a statement waiting for a lock is answered
  // by MariaDB (a retryable conflict) before the client gives the connection
  // up as lost; Validate() checks it.
  int lock_wait_timeout_seconds = 3;
  // A connection left idle in the pool at least this long is pinged before
  // its work begins, and reopened if MariaDB dropped it meanwhile (its
  // wait_timeout, a restart), so that no call fails for a connection that
  // was already dead when it was leased. Zero pings on every lease.
  std::chrono::milliseconds idle_check_after{1000};
  // Extra statements run on every new connection after the server's own
  // session settings (tests use it, e.g. to shorten wait_timeout).
  std::vector<std::string> session_setup_sql;

  // The SOCI connect string; contains the password, so never log it.
  std::string ConnectString() const;
  // "user@host:port/database", safe to log.
  std::string Describe() const;
  // INVALID_ARGUMENT when the settings contradict each other (see
  // lock_wait_timeout_seconds).
  Status Validate() const;
};

// How far a lock wait stays below the read timeout.
inline constexpr int kLockWaitMarginSeconds = 2;

// Thrown inside a unit of work to abort it with a domain Status; the
// transaction rolls back and the status is returned to the caller. It is a
// std::exception, so that no catch-all mistakes it for something else.
struct StatusError : std::exception {
  explicit StatusError(Status s) : status(std::move(s)) {}
  const char* what() const noexcept override { return "StatusError"; }
  Status status;
};

class Database {
 public:
  // Throws std::invalid_argument when config.Validate() fails.
  explicit Database(DatabaseConfig config);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs `work` inside one transaction, committed when `work` returns OK and
  // rolled back otherwise. Deadlocks and lock wait timeouts are retried up
  // to five times, so `work` must not have side effects outside the
  // database. A lost connection yields UNAVAILABLE.
  Status InTransaction(const std::function<Status(soci::session&)>& work);
  // Runs `work` on a leased session without opening a transaction (reads,
  // DDL, advisory locks).
  Status WithSession(const std::function<Status(soci::session&)>& work);

  // Whether the database answers a trivial query now.
  bool Ping();

  const DatabaseConfig& config() const { return config_; }

 private:
  struct Slot {
    std::unique_ptr<soci::session> session;
    bool needs_reconnect = true;
    std::chrono::steady_clock::time_point last_used;
  };

  StatusOr<std::size_t> Acquire();
  // Opens a fresh session on `slot`; throws on failure.
  void Connect(Slot& slot);
  void Release(std::size_t index, bool broken);
  Status Run(bool transactional,
             const std::function<Status(soci::session&)>& work);

  const DatabaseConfig config_;
  std::mutex mutex_;
  std::condition_variable slot_freed_;
  std::vector<Slot> slots_;        // Guarded by mutex_ for ownership.
  std::vector<std::size_t> free_;  // Guarded by mutex_.
};

// Maps an exception thrown by SOCI or the MariaDB client to a Status.
// Duplicate keys become ALREADY_EXISTS with `duplicate_reason`.
Status StatusFromException(
    const std::exception& e,
    const std::string& duplicate_reason = "ALREADY_EXISTS");
// Whether an exception means the connection is gone (to drop the session).
bool IsConnectionError(const std::exception& e);
// The MariaDB error number of a SOCI MySQL error, or 0.
int MysqlErrorNumber(const std::exception& e);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_STORAGE_DATABASE_H_
