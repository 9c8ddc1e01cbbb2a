// Shared test support: the private MariaDB that tools/test.sh started, fresh
// databases per test, and child processes (the real server and CLI).
//
// Database tests never skip: when the database is missing they fail with a
// message that says how to start it.
#ifndef BACKOFFICE_TESTS_SUPPORT_TEST_ENV_H_
#define BACKOFFICE_TESTS_SUPPORT_TEST_ENV_H_

#include <gtest/gtest.h>
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/storage/database.h"

namespace backoffice::testing {

// The private MariaDB's settings from BACKOFFICE_DB_* (see tools/db.sh env);
// the database name is left to the caller.
storage::DatabaseConfig PrivateDatabaseConfig();

// Creates an empty database with a unique name and drops it on destruction.
class ScratchDatabase {
 public:
  ScratchDatabase();
  ~ScratchDatabase();
  const storage::DatabaseConfig& config() const { return config_; }
  // Runs SQL as the test user against this database (for assertions only).
  long long CountRows(const std::string& table_and_where);
  void Execute(const std::string& sql);

 private:
  storage::DatabaseConfig config_;
  std::unique_ptr<storage::Database> admin_;
};

// A fixture whose tests share state built once per suite (a server, a
// database). gtest reports the tests of a suite whose SetUpTestSuite failed
// as skipped, and ctest counts skipped tests as not failed; so the shared
// set-up runs through RunSharedSetUp, and each test of the suite fails with
// its reason when it failed.
class SharedSetUpTest : public ::testing::Test {
 protected:
  static void RunSharedSetUp(const std::function<void()>& set_up);
  void SetUp() override;

 private:
  static std::string& SharedSetUpError();
};

// A child process with its output in a file.
class ChildProcess {
 public:
  // Starts `argv` with `env` added to this process's environment.
  ChildProcess(const std::vector<std::string>& argv,
               const std::map<std::string, std::string>& env = {});
  ~ChildProcess();
  pid_t pid() const { return pid_; }
  // Sends `signal`; returns the exit status (as from waitpid) after waiting.
  int SignalAndWait(int signal);
  // Waits for exit; returns the exit code, or 128+signal.
  int Wait();
  bool Running();
  std::string Output() const;  // stdout and stderr so far.

 private:
  pid_t pid_ = -1;
  std::string output_path_;
  bool reaped_ = false;
  int status_ = 0;
};

// Runs a command to its end; returns {exit code, stdout}. stderr goes to
// `*err` when given.
int RunCommand(const std::vector<std::string>& argv,
               const std::map<std::string, std::string>& env, std::string* out,
               std::string* err = nullptr);

// A TCP port on 127.0.0.1 that nothing listens on now.
int FreePort();

// The absolute path of a file in the source tree.
std::string SourcePath(const std::string& relative);

}  // namespace backoffice::testing

#endif  // BACKOFFICE_TESTS_SUPPORT_TEST_ENV_H_
