// The connection pool against the private MariaDB: connections that the
// server dropped while they sat idle in the pool must not fail a call.
#include "core/storage/database.h"

#include <gtest/gtest.h>

#include <thread>

#include "test_env.h"

namespace backoffice::storage {
namespace {

using testing::PrivateDatabaseConfig;

int SelectOne(soci::session& session) {
  int one = 0;
  session << "SELECT 1", soci::into(one);
  return one;
}

TEST(Database, AConnectionTheServerClosedWhileIdleIsReplacedBeforeUse) {
  DatabaseConfig config = PrivateDatabaseConfig();
  config.database = "";
  config.pool_size = 2;
  // MariaDB closes these connections after one idle second.
  config.session_setup_sql = {"SET SESSION wait_timeout = 1"};
  Database db(config);
  // Open both pooled connections at once.
  std::vector<std::thread> openers;
  for (int i = 0; i < 2; ++i) {
    openers.emplace_back([&] {
      Status s = db.WithSession([](soci::session& session) {
        EXPECT_EQ(SelectOne(session), 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        return Status();
      });
      EXPECT_TRUE(s.ok()) << s;
    });
  }
  for (auto& t : openers) t.join();

  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  // Both stale connections are used in turn: neither call may fail.
  Status tx = db.InTransaction([](soci::session& session) {
    return SelectOne(session) == 1 ? Status()
                                   : Status(StatusCode::kInternal, "X", "x");
  });
  EXPECT_TRUE(tx.ok()) << tx;
  std::vector<std::thread> users;
  for (int i = 0; i < 2; ++i) {
    users.emplace_back([&] {
      Status s = db.WithSession([](soci::session& session) {
        EXPECT_EQ(SelectOne(session), 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        return Status();
      });
      EXPECT_TRUE(s.ok()) << s;
    });
  }
  for (auto& t : users) t.join();
}

}  // namespace
}  // namespace backoffice::storage
