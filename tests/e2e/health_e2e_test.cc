// Health follows the database: NOT_SERVING while MariaDB is down, with RPCs
// answering UNAVAILABLE within their deadline, and SERVING again once it is
// back, without restarting the server. Uses a MariaDB of its own so that
// stopping it disturbs no other test.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "backoffice/client.h"
#include "server_fixture.h"

namespace backoffice {
namespace {

using testing::RunCommand;
using testing::RunningServer;
using testing::SourcePath;

class OwnMariaDb {
 public:
  OwnMariaDb() : dir_("/tmp/bo_health_db_" + std::to_string(getpid())) {
    Run({"start", "--port", "auto"});
    std::ifstream port(dir_ + "/port");
    port >> port_;
  }
  ~OwnMariaDb() {
    Run({"stop"});
    std::string out;
    RunCommand({"/bin/rm", "-rf", dir_}, {}, &out);
  }
  void Stop() { Run({"stop"}); }
  void Start() { Run({"start", "--port", std::to_string(port_)}); }
  storage::DatabaseConfig Config() const {
    storage::DatabaseConfig config;
    config.port = port_;
    std::ifstream in(dir_ + "/password");
    std::getline(in, config.password);
    return config;
  }

 private:
  void Run(std::vector<std::string> args) {
    std::vector<std::string> argv = {"/bin/bash", SourcePath("tools/db.sh")};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--dir");
    argv.push_back(dir_);
    std::string out;
    std::string err;
    if (RunCommand(argv, {}, &out, &err) != 0) {
      throw std::runtime_error("db.sh failed: " + out + err);
    }
  }

  std::string dir_;
  int port_ = 0;
};

template <typename Predicate>
bool Eventually(Predicate predicate, std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(HealthE2eTest, FollowsTheDatabaseDownAndBackUp) {
  OwnMariaDb mariadb;
  RunningServer server(mariadb.Config());
  auto probe = server.Connect("", 2000);
  CatalogClient catalog(server.Connect(server.admin_token(), 5000));
  v1::ListStoresRequest list;
  ASSERT_TRUE(catalog.ListStores(list).ok());
  ASSERT_TRUE(*CheckServing(probe));

  mariadb.Stop();
  EXPECT_TRUE(Eventually(
      [&] {
        auto serving = CheckServing(probe);
        return serving.ok() && !*serving;
      },
      std::chrono::seconds(15)));
  const auto start = std::chrono::steady_clock::now();
  auto down = catalog.ListStores(list);
  EXPECT_EQ(down.status().code(), StatusCode::kUnavailable) << down.status();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(6));
  v1::CreateStoreRequest create;
  create.mutable_store()->set_code("DOWN1");
  create.mutable_store()->set_display_name("written while down");
  create.mutable_store()->set_time_zone("Asia/Jakarta");
  create.mutable_store()->set_currency_code("IDR");
  EXPECT_EQ(catalog.CreateStore(create).status().code(),
            StatusCode::kUnavailable);

  mariadb.Start();
  EXPECT_TRUE(Eventually(
      [&] {
        auto serving = CheckServing(probe);
        return serving.ok() && *serving;
      },
      std::chrono::seconds(15)));
  EXPECT_TRUE(Eventually([&] { return catalog.ListStores(list).ok(); },
                         std::chrono::seconds(10)));
  // Nothing acknowledged was lost and nothing refused was written.
  v1::GetStoreRequest get;
  get.set_code("DOWN1");
  EXPECT_EQ(catalog.GetStore(get).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(catalog.CreateStore(create).ok());
}

// Every pooled connection dies when MariaDB restarts; none of them may fail a
// call once the database is back: a connection idle past the threshold is
// checked (and reopened) before its work begins. The calls are not retried
// by the SDK, so that a stale connection would show.
TEST(HealthE2eTest, TheFirstCallsAfterADatabaseRestartSucceed) {
  OwnMariaDb mariadb;
  RunningServer server(mariadb.Config(), {"--db-pool-size", "3"});
  auto probe = server.Connect("", 2000);
  ConnectionOptions options;
  options.address = server.address();
  options.token = server.admin_token();
  options.timeout = std::chrono::milliseconds(10000);
  options.retry.max_attempts = 1;
  auto connection = *MakeConnection(options);
  CatalogClient catalog(connection);
  v1::ListStoresRequest list;
  // Open every pooled connection (the tills' pool and the authenticator's).
  std::vector<std::thread> warm;
  for (int i = 0; i < 6; ++i) {
    warm.emplace_back([&] { EXPECT_TRUE(catalog.ListStores(list).ok()); });
  }
  for (auto& t : warm) t.join();

  mariadb.Stop();
  mariadb.Start();
  ASSERT_TRUE(Eventually(
      [&] {
        auto serving = CheckServing(probe);
        return serving.ok() && *serving;
      },
      std::chrono::seconds(15)));
  for (int i = 0; i < 6; ++i) {
    auto listed = catalog.ListStores(list);
    EXPECT_TRUE(listed.ok()) << "call " << i << ": " << listed.status();
  }
  v1::CreateStoreRequest create;
  create.mutable_store()->set_code("AFTER1");
  create.mutable_store()->set_display_name("written after the restart");
  create.mutable_store()->set_time_zone("Asia/Jakarta");
  create.mutable_store()->set_currency_code("IDR");
  auto created = catalog.CreateStore(create);
  EXPECT_TRUE(created.ok()) << created.status();
}

}  // namespace
}  // namespace backoffice
