// The pool's settings are checked when the pool is built: a lock wait must
// end (as a retryable conflict) well before the client's read timeout would
// take it for a lost connection.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/storage/database.h"

namespace backoffice::storage {
namespace {

TEST(DatabaseConfig, DefaultsKeepTheLockWaitBelowTheReadTimeout) {
  DatabaseConfig config;
  EXPECT_TRUE(config.Validate().ok()) << config.Validate();
  EXPECT_LE(config.lock_wait_timeout_seconds + kLockWaitMarginSeconds,
            config.io_timeout_seconds);
}

TEST(DatabaseConfig, ALockWaitAsLongAsTheReadTimeoutIsRefused) {
  DatabaseConfig config;
  config.lock_wait_timeout_seconds = config.io_timeout_seconds;
  EXPECT_EQ(config.Validate().code(), StatusCode::kInvalidArgument);
  EXPECT_THROW(Database{config}, std::invalid_argument);
  config.lock_wait_timeout_seconds =
      config.io_timeout_seconds - kLockWaitMarginSeconds;
  EXPECT_TRUE(config.Validate().ok());
  config.io_timeout_seconds = 900;  // Reconciliation's long reads.
  EXPECT_TRUE(config.Validate().ok());
  config.pool_size = 0;
  EXPECT_FALSE(config.Validate().ok());
}

}  // namespace
}  // namespace backoffice::storage
