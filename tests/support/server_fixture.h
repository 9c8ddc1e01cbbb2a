// A real backofficed process on a free port over a scratch database, with a
// bootstrapped admin token, driven through the SDK.
#ifndef BACKOFFICE_TESTS_SUPPORT_SERVER_FIXTURE_H_
#define BACKOFFICE_TESTS_SUPPORT_SERVER_FIXTURE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "backoffice/client.h"
#include "test_env.h"

namespace backoffice::testing {

class RunningServer {
 public:
  // Starts the server over `db` (migrating it) and waits until it serves.
  explicit RunningServer(const storage::DatabaseConfig& db,
                         std::vector<std::string> extra_args = {});
  ~RunningServer();

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  const std::string& admin_token() const { return admin_token_; }
  ChildProcess& process() { return *process_; }
  std::map<std::string, std::string> DbEnv() const;

  std::shared_ptr<Connection> Connect(const std::string& token,
                                      int timeout_ms = 10000) const;
  // Creates a token through the API as the admin; returns its secret.
  std::string CreateToken(v1::Role role, const std::string& store_code = "",
                          const std::string& terminal_code = "",
                          std::string* token_id = nullptr) const;
  // Stops the server with SIGTERM; returns its exit code.
  int Stop();
  // Kills the server with SIGKILL, as a crash or power cut would.
  void Kill();
  // Starts the server again on the same port and database; waits until it
  // serves.
  void Restart();

 private:
  storage::DatabaseConfig db_;
  int port_ = 0;
  std::string admin_token_;
  std::vector<std::string> argv_;
  std::unique_ptr<ChildProcess> process_;

  void StartAndWait();
};

// Runs backofficectl against `server` with `token`; returns the exit code.
int RunCli(const RunningServer& server, const std::string& token,
           const std::vector<std::string>& args, std::string* out,
           std::string* err = nullptr);

}  // namespace backoffice::testing

#endif  // BACKOFFICE_TESTS_SUPPORT_SERVER_FIXTURE_H_
