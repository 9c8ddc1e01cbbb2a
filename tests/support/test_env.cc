#include "test_env.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace backoffice::testing {
namespace {

using domain::Status;

std::string RequireEnv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(
        std::string(name) +
        " is not set: database tests need the private MariaDB. Run them "
        "through ./tools/test.sh, or `eval \"$(tools/db.sh env)\"` after "
        "`tools/db.sh start`.");
  }
  return value;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string UniqueName(const char* prefix) {
  static std::atomic<int> counter{0};
  return std::string(prefix) + std::to_string(getpid()) + "_" +
         std::to_string(counter++) + "_" +
         std::to_string(
             std::chrono::steady_clock::now().time_since_epoch().count() %
             100000);
}

pid_t Spawn(const std::vector<std::string>& argv,
            const std::map<std::string, std::string>& env, int out_fd,
            int err_fd) {
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

int ExitCode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

storage::DatabaseConfig PrivateDatabaseConfig() {
  storage::DatabaseConfig config;
  config.host = RequireEnv("BACKOFFICE_DB_HOST");
  config.port = std::stoi(RequireEnv("BACKOFFICE_DB_PORT"));
  config.user = RequireEnv("BACKOFFICE_DB_USER");
  std::ifstream in(RequireEnv("BACKOFFICE_DB_PASSWORD_FILE"));
  std::getline(in, config.password);
  config.pool_size = 4;
  return config;
}

ScratchDatabase::ScratchDatabase() {
  config_ = PrivateDatabaseConfig();
  storage::DatabaseConfig server = config_;
  server.database = "";
  admin_ = std::make_unique<storage::Database>(server);
  config_.database = UniqueName("bo_test_");
  Status s = admin_->WithSession([&](soci::session& session) {
    session << "CREATE DATABASE " + config_.database +
                   " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    return Status();
  });
  if (!s.ok()) {
    throw std::runtime_error("cannot create a test database on " +
                             config_.Describe() + ": " + s.ToString());
  }
}

ScratchDatabase::~ScratchDatabase() {
  admin_->WithSession([&](soci::session& session) {
    session << "DROP DATABASE IF EXISTS " + config_.database;
    return Status();
  });
}

long long ScratchDatabase::CountRows(const std::string& table_and_where) {
  long long count = -1;
  Status s = admin_->WithSession([&](soci::session& session) {
    session << "SELECT COUNT(*) FROM " + config_.database + "." +
                   table_and_where,
        soci::into(count);
    return Status();
  });
  if (!s.ok()) throw std::runtime_error("count failed: " + s.ToString());
  return count;
}

void ScratchDatabase::Execute(const std::string& sql) {
  Status s = admin_->WithSession([&](soci::session& session) {
    session << "USE " + config_.database;
    session << sql;
    return Status();
  });
  if (!s.ok()) throw std::runtime_error("execute failed: " + s.ToString());
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::map<std::string, std::string>& env) {
  output_path_ = "/tmp/" + UniqueName("bo_child_") + ".log";
  int fd = open(output_path_.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
  pid_ = Spawn(argv, env, fd, fd);
  close(fd);
}

ChildProcess::~ChildProcess() {
  if (!reaped_) SignalAndWait(SIGKILL);
  unlink(output_path_.c_str());
}

int ChildProcess::SignalAndWait(int signal) {
  if (!reaped_) kill(pid_, signal);
  return Wait();
}

int ChildProcess::Wait() {
  if (!reaped_) {
    waitpid(pid_, &status_, 0);
    reaped_ = true;
  }
  return ExitCode(status_);
}

bool ChildProcess::Running() {
  if (reaped_) return false;
  pid_t r = waitpid(pid_, &status_, WNOHANG);
  if (r == pid_) reaped_ = true;
  return !reaped_;
}

std::string ChildProcess::Output() const { return ReadAll(output_path_); }

int RunCommand(const std::vector<std::string>& argv,
               const std::map<std::string, std::string>& env, std::string* out,
               std::string* err) {
  std::string base = "/tmp/" + UniqueName("bo_cmd_");
  int out_fd =
      open((base + ".out").c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
  int err_fd =
      open((base + ".err").c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
  pid_t pid = Spawn(argv, env, out_fd, err_fd);
  close(out_fd);
  close(err_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  if (out) *out = ReadAll(base + ".out");
  if (err) *err = ReadAll(base + ".err");
  unlink((base + ".out").c_str());
  unlink((base + ".err").c_str());
  return ExitCode(status);
}

int FreePort() {
  // Below the kernel's ephemeral range (32768 and up on Debian): a client
  // dialling a port of that range can be given the same port as its own
  // source and connect to itself (the server listens with SO_REUSEPORT),
  // and then its channel fails every call. tools/db.sh picks MariaDB's
  // ports the same way.
  static std::atomic<unsigned> sequence{0};
  std::mt19937 random(static_cast<unsigned>(getpid()) * 7919u +
                      sequence.fetch_add(1) * 104729u);
  for (int attempt = 0; attempt < 200; ++attempt) {
    const int port = 20000 + static_cast<int>(random() % 12000);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool free =
        bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    if (free) return port;
  }
  throw std::runtime_error("no free port below the ephemeral range");
}

std::string SourcePath(const std::string& relative) {
  return std::string(BACKOFFICE_SOURCE_DIR) + "/" + relative;
}

std::string& SharedSetUpTest::SharedSetUpError() {
  static std::string error;
  return error;
}

void SharedSetUpTest::RunSharedSetUp(const std::function<void()>& set_up) {
  SharedSetUpError().clear();
  try {
    set_up();
  } catch (const std::exception& e) {
    SharedSetUpError() = e.what();
  } catch (...) {
    SharedSetUpError() = "unknown exception";
  }
}

void SharedSetUpTest::SetUp() {
  ASSERT_EQ(SharedSetUpError(), "") << "the suite's shared set-up failed";
}

}  // namespace backoffice::testing
