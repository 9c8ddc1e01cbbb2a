#include "core/storage/database.h"

#include <soci/mysql/soci-mysql.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <random>
#include <stdexcept>
#include <thread>
#include <utility>

namespace backoffice::storage {
namespace {

constexpr int kErrDuplicateKey = 1062;
constexpr int kErrLockWaitTimeout = 1205;
constexpr int kErrDeadlock = 1213;
constexpr int kErrForeignKey = 1452;
constexpr int kErrServerGone = 2006;
constexpr int kErrLostConnection = 2013;
constexpr int kErrCannotConnectSocket = 2002;
constexpr int kErrCannotConnectTcp = 2003;
constexpr int kErrServerLost = 2055;
constexpr int kErrServerShutdown = 1053;
constexpr int kMaxConflictRetries = 5;

bool IsConnectionErrorNumber(int n) {
  return n == kErrServerGone || n == kErrLostConnection ||
         n == kErrCannotConnectSocket || n == kErrCannotConnectTcp ||
         n == kErrServerLost || n == kErrServerShutdown ||
         n == 1927 /* killed */;
}

bool IsRetryableConflict(int n) {
  return n == kErrDeadlock || n == kErrLockWaitTimeout;
}

}  // namespace

std::string DatabaseConfig::ConnectString() const {
  // An empty "db=" would swallow the next option as its value.
  const std::string db_option = database.empty() ? "" : " db=" + database;
  return "host=" + host + " port=" + std::to_string(port) + db_option +
         " user=" + user + " password='" + password + "'" +
         " charset=utf8mb4 connect_timeout=" +
         std::to_string(connect_timeout_seconds) +
         " read_timeout=" + std::to_string(io_timeout_seconds) +
         " write_timeout=" + std::to_string(io_timeout_seconds);
}

std::string DatabaseConfig::Describe() const {
  return user + "@" + host + ":" + std::to_string(port) + "/" + database;
}

Status DatabaseConfig::Validate() const {
  if (pool_size < 1) {
    return Status(StatusCode::kInvalidArgument, "INVALID_DATABASE_CONFIG",
                  "the pool needs at least one connection");
  }
  if (lock_wait_timeout_seconds < 1) {
    return Status(StatusCode::kInvalidArgument, "INVALID_DATABASE_CONFIG",
                  "the lock wait timeout must be at least one second");
  }
  if (io_timeout_seconds < lock_wait_timeout_seconds + kLockWaitMarginSeconds) {
    return Status(StatusCode::kInvalidArgument, "INVALID_DATABASE_CONFIG",
                  "the read timeout (" + std::to_string(io_timeout_seconds) +
                      " s) must exceed the lock wait timeout (" +
                      std::to_string(lock_wait_timeout_seconds) +
                      " s) by at least " +
                      std::to_string(kLockWaitMarginSeconds) +
                      " s, or a lock wait would look like a lost connection");
  }
  if (idle_check_after.count() < 0) {
    return Status(StatusCode::kInvalidArgument, "INVALID_DATABASE_CONFIG",
                  "the idle check threshold cannot be negative");
  }
  return Status();
}

int MysqlErrorNumber(const std::exception& e) {
  if (auto* m = dynamic_cast<const soci::mysql_soci_error*>(&e)) {
    return static_cast<int>(m->err_num_);
  }
  return 0;
}

bool IsConnectionError(const std::exception& e) {
  if (IsConnectionErrorNumber(MysqlErrorNumber(e))) return true;
  // SOCI reports some connection failures without an error number.
  const char* what = e.what();
  return std::strstr(what, "Lost connection") != nullptr ||
         std::strstr(what, "server has gone away") != nullptr ||
         std::strstr(what, "Can't connect") != nullptr;
}

Status StatusFromException(const std::exception& e,
                           const std::string& duplicate_reason) {
  if (dynamic_cast<const soci::soci_error*>(&e) == nullptr) {
    // Not the database's doing: a bug of the server, reported as such.
    spdlog::error("unit of work failed with an exception: {}", e.what());
    return Status(StatusCode::kInternal, "INTERNAL_ERROR",
                  "the server failed unexpectedly");
  }
  const int n = MysqlErrorNumber(e);
  if (n == kErrDuplicateKey) {
    return Status(StatusCode::kAlreadyExists, duplicate_reason,
                  "an entity with the same key already exists");
  }
  if (IsRetryableConflict(n)) {
    return Status(StatusCode::kAborted, "TRANSACTION_CONFLICT",
                  "the change conflicted with concurrent changes; retry it");
  }
  if (n == kErrForeignKey) {
    return Status(StatusCode::kFailedPrecondition, "REFERENCED_ENTITY_MISSING",
                  "a referenced entity does not exist");
  }
  if (IsConnectionError(e)) {
    return Status(StatusCode::kUnavailable, "DATABASE_UNAVAILABLE",
                  "the database is unreachable; retry later");
  }
  // Raw database text never reaches clients; it goes to the log only.
  spdlog::error("database error {}: {}", n, e.what());
  return Status(StatusCode::kInternal, "DATABASE_ERROR",
                "the database reported an unexpected error");
}

Database::Database(DatabaseConfig config) : config_(std::move(config)) {
  if (Status s = config_.Validate(); !s.ok()) {
    throw std::invalid_argument(s.message());
  }
  slots_.resize(config_.pool_size);
  for (std::size_t i = 0; i < slots_.size(); ++i) free_.push_back(i);
}

Database::~Database() = default;

StatusOr<std::size_t> Database::Acquire() {
  std::size_t index;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!slot_freed_.wait_for(lock, config_.lease_timeout,
                              [&] { return !free_.empty(); })) {
      return Status(StatusCode::kUnavailable, "DATABASE_POOL_EXHAUSTED",
                    "no database connection became free in time");
    }
    index = free_.back();
    free_.pop_back();
  }
  Slot& slot = slots_[index];
  try {
    if (!slot.needs_reconnect &&
        std::chrono::steady_clock::now() - slot.last_used >=
            config_.idle_check_after &&
        !slot.session->is_connected()) {
      // MariaDB dropped the connection while it sat idle (wait_timeout, a
      // restart): open a new one before any work runs on it.
      spdlog::info("reopening a database connection that was lost while idle");
      slot.needs_reconnect = true;
    }
    if (slot.needs_reconnect) Connect(slot);
  } catch (const std::exception& e) {
    spdlog::warn("cannot connect to the database {}: error {}",
                 config_.Describe(), MysqlErrorNumber(e));
    Release(index, true);
    return Status(StatusCode::kUnavailable, "DATABASE_UNAVAILABLE",
                  "the database is unreachable; retry later");
  }
  return index;
}

void Database::Connect(Slot& slot) {
  slot.session.reset();
  auto session = std::make_unique<soci::session>();
  session->open(soci::mysql, config_.ConnectString());
  // Instants are UTC everywhere; lock waits stay short so that a retry
  // storm cannot pile up behind one slow transaction, and below the read
  // timeout (DatabaseConfig::Validate), so that a lock wait ends as a
  // retryable conflict and never as a lost connection.
  *session << "SET time_zone = '+00:00'";
  const std::string lock_wait =
      std::to_string(config_.lock_wait_timeout_seconds);
  *session << "SET SESSION innodb_lock_wait_timeout = " + lock_wait;
  *session << "SET SESSION lock_wait_timeout = " + lock_wait;
  // READ COMMITTED: every read sees what is committed, and inserts take
  // no gap locks, so concurrent tills do not deadlock on neighbouring
  // keys. Correctness never rests on snapshots: balances change by
  // atomic arithmetic, duplicates are stopped by unique keys, and rows
  // that a rule reads before writing are locked (FOR UPDATE).
  *session << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
  for (const std::string& sql : config_.session_setup_sql) *session << sql;
  slot.session = std::move(session);
  slot.needs_reconnect = false;
}

void Database::Release(std::size_t index, bool broken) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (broken) {
      slots_[index].needs_reconnect = true;
      slots_[index].session.reset();
    }
    slots_[index].last_used = std::chrono::steady_clock::now();
    free_.push_back(index);
  }
  slot_freed_.notify_one();
}

Status Database::Run(bool transactional,
                     const std::function<Status(soci::session&)>& work) {
  Status last;
  bool reopened = false;
  for (int attempt = 0; attempt <= kMaxConflictRetries; ++attempt) {
    auto index = Acquire();
    if (!index.ok()) return index.status();
    soci::session& session = *slots_[*index].session;
    bool broken = false;
    bool begun = !transactional;
    Status result;
    try {
      if (transactional) {
        soci::transaction tx(session);
        begun = true;
        result = work(session);
        if (result.ok()) tx.commit();
        // Otherwise the transaction's destructor rolls back.
      } else {
        result = work(session);
      }
    } catch (const StatusError& e) {
      result = e.status;
    } catch (const std::exception& e) {
      broken = IsConnectionError(e);
      result = StatusFromException(e);
    }
    Release(*index, broken);
    if (broken && !begun && !reopened) {
      // The connection died before the transaction began (between the idle
      // check and BEGIN): nothing ran, so try once more on a new one.
      reopened = true;
      --attempt;
      continue;
    }
    if (result.code() == StatusCode::kAborted &&
        result.reason() == "TRANSACTION_CONFLICT" &&
        attempt < kMaxConflictRetries) {
      last = result;
      // A short random pause lets the transaction that won finish first.
      thread_local std::mt19937 random(std::random_device{}());
      std::this_thread::sleep_for(std::chrono::milliseconds(
          std::uniform_int_distribution<int>(1, 5 * (attempt + 1))(random)));
      continue;
    }
    return result;
  }
  return last;
}

Status Database::InTransaction(
    const std::function<Status(soci::session&)>& work) {
  return Run(true, work);
}

Status Database::WithSession(
    const std::function<Status(soci::session&)>& work) {
  return Run(false, work);
}

bool Database::Ping() {
  Status status = WithSession([](soci::session& session) {
    int one = 0;
    session << "SELECT 1", soci::into(one);
    return one == 1 ? Status()
                    : Status(StatusCode::kInternal, "PING_FAILED", "bad ping");
  });
  return status.ok();
}

}  // namespace backoffice::storage
