#include "server_fixture.h"

#include <signal.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace backoffice::testing {

std::map<std::string, std::string> RunningServer::DbEnv() const {
  // The child gets the password in its environment, which only this user
  // can read; the file variable is cleared so that it cannot override it.
  return {{"BACKOFFICE_DB_HOST", db_.host},
          {"BACKOFFICE_DB_PORT", std::to_string(db_.port)},
          {"BACKOFFICE_DB_USER", db_.user},
          {"BACKOFFICE_DB_NAME", db_.database},
          {"BACKOFFICE_DB_PASSWORD", db_.password},
          {"BACKOFFICE_DB_PASSWORD_FILE", ""},
          {"BACKOFFICE_LOG_LEVEL", "info"}};
}

RunningServer::RunningServer(const storage::DatabaseConfig& db,
                             std::vector<std::string> extra_args)
    : db_(db), port_(FreePort()) {
  std::string out;
  std::string err;
  // Migrate first so that bootstrap-admin finds the schema.
  if (RunCommand({BACKOFFICED_PATH, "migrate"}, DbEnv(), &out, &err) != 0) {
    throw std::runtime_error("backofficed migrate failed: " + err);
  }
  if (RunCommand({BACKOFFICED_PATH, "bootstrap-admin", "--name", "test admin"},
                 DbEnv(), &out, &err) != 0) {
    throw std::runtime_error("bootstrap-admin failed: " + err);
  }
  admin_token_ = out.substr(0, out.find('\n'));
  argv_ = {BACKOFFICED_PATH, "serve", "--listen", address()};
  argv_.insert(argv_.end(), extra_args.begin(), extra_args.end());
  StartAndWait();
}

void RunningServer::StartAndWait() {
  process_ = std::make_unique<ChildProcess>(argv_, DbEnv());
  for (int i = 0; i < 200; ++i) {
    // A fresh channel per attempt: an old one may sit in reconnect backoff.
    auto serving = CheckServing(Connect("", 500));
    if (serving.ok() && *serving) return;
    if (!process_->Running()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("backofficed did not become SERVING: " +
                           process_->Output());
}

void RunningServer::Kill() { process_->SignalAndWait(SIGKILL); }

void RunningServer::Restart() {
  if (process_->Running()) Kill();
  StartAndWait();
}

RunningServer::~RunningServer() {
  if (process_->Running()) process_->SignalAndWait(SIGKILL);
}

int RunningServer::Stop() { return process_->SignalAndWait(SIGTERM); }

std::shared_ptr<Connection> RunningServer::Connect(const std::string& token,
                                                   int timeout_ms) const {
  ConnectionOptions options;
  options.address = address();
  options.token = token;
  options.timeout = std::chrono::milliseconds(timeout_ms);
  return *MakeConnection(options);
}

std::string RunningServer::CreateToken(v1::Role role,
                                       const std::string& store_code,
                                       const std::string& terminal_code,
                                       std::string* token_id) const {
  AccessClient access(Connect(admin_token_));
  v1::CreateAccessTokenRequest request;
  request.mutable_access_token()->set_display_name("test token");
  request.mutable_access_token()->set_role(role);
  request.mutable_access_token()->set_store_code(store_code);
  request.mutable_access_token()->set_terminal_code(terminal_code);
  auto created = access.CreateAccessToken(request);
  if (!created.ok()) {
    throw std::runtime_error("CreateAccessToken: " +
                             created.status().ToString());
  }
  if (token_id) *token_id = created->access_token().id();
  return created->secret();
}

int RunCli(const RunningServer& server, const std::string& token,
           const std::vector<std::string>& args, std::string* out,
           std::string* err) {
  std::vector<std::string> argv = {BACKOFFICECTL_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(
      argv,
      {{"BACKOFFICE_ADDR", server.address()}, {"BACKOFFICE_TOKEN", token}}, out,
      err);
}

}  // namespace backoffice::testing
