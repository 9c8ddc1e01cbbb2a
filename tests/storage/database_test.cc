// The connection pool against the private MariaDB: what a unit of work
// reports when it fails and what it leaves behind, and connections that the
// server dropped while they sat idle in the pool, which must not fail a call.
#include "core/storage/database.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

#include "core/domain/errors.h"
#include "core/storage/migrations.h"
#include "core/storage/sql_util.h"
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

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Migrate(db_).ok()); }

  testing::ScratchDatabase scratch_;
  Database db_{scratch_.config()};
};

// Issue 6, B10: a bug (an exception that is not the database's) used to be
// reported as DATABASE_ERROR, blaming the database.
TEST_F(DatabaseTest, AnExceptionOfTheServerIsABugNotADatabaseError) {
  Status status = db_.InTransaction([](soci::session& s) -> Status {
    s << "INSERT INTO stores (code, display_name, time_zone, currency_code, "
         "create_time, update_time) VALUES ('X', 'X', 'UTC', 'IDR', "
         "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))";
    throw std::out_of_range("stoll");
  });
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(status.reason(), "INTERNAL_ERROR");
  // And it left nothing half-written.
  EXPECT_EQ(scratch_.CountRows("stores WHERE code = 'X'"), 0);
  // The connection was not thrown away for it: the next unit of work runs.
  EXPECT_TRUE(db_.InTransaction([](soci::session& s) -> Status {
                   int one = 0;
                   s << "SELECT 1", soci::into(one);
                   return Status();
                 })
                  .ok());
}

TEST_F(DatabaseTest, AStatusErrorAbortsWithItsStatus) {
  Status status = db_.InTransaction([](soci::session&) -> Status {
    Fail(domain::NotFound("THING_NOT_FOUND", "no such thing"));
  });
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_EQ(status.reason(), "THING_NOT_FOUND");
  StatusError error(domain::Internal("X", "y"));
  const std::exception& as_exception = error;
  EXPECT_STREQ(as_exception.what(), "StatusError");
}

TEST_F(DatabaseTest, ADatabaseErrorIsStillOne) {
  Status status = db_.InTransaction([](soci::session& s) -> Status {
    s << "SELECT no_such_column FROM stores";
    return Status();
  });
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(status.reason(), "DATABASE_ERROR");
}

}  // namespace
}  // namespace backoffice::storage
