// The pool's error mapping on the real MariaDB: what a unit of work reports
// when it fails, and what it leaves behind.
#include "core/storage/database.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/domain/errors.h"
#include "core/storage/migrations.h"
#include "core/storage/sql_util.h"
#include "test_env.h"

namespace backoffice::storage {
namespace {

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
