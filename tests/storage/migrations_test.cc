// Migrations against the private MariaDB, from an empty database.
#include "core/storage/migrations.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "test_env.h"

namespace backoffice::storage {
namespace {

using testing::ScratchDatabase;

TEST(Migrations, ApplyFromEmptyThenReRunChangesNothing) {
  ScratchDatabase scratch;
  Database db(scratch.config());
  EXPECT_EQ(CheckSchema(db).reason(), "SCHEMA_TOO_OLD");

  auto first = Migrate(db);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, RequiredSchemaVersion());
  EXPECT_EQ(first->applied.size(), EmbeddedMigrations().size());
  EXPECT_TRUE(CheckSchema(db).ok());
  EXPECT_EQ(scratch.CountRows("stores"), 0);

  auto second = Migrate(db);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(scratch.CountRows("schema_migrations"),
            static_cast<long long>(EmbeddedMigrations().size()));
}

TEST(Migrations, ATamperedAppliedMigrationIsRefused) {
  ScratchDatabase scratch;
  Database db(scratch.config());
  ASSERT_TRUE(Migrate(db).ok());
  std::vector<Migration> tampered = EmbeddedMigrations();
  tampered[0].sql += "\n-- edited after it was applied\n";
  auto result = Migrate(db, tampered);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(result.status().reason(), "MIGRATION_CHECKSUM_MISMATCH");
  EXPECT_EQ(CheckSchema(db, tampered).reason(), "MIGRATION_CHECKSUM_MISMATCH");
}

TEST(Migrations, ANewerMigrationIsAppliedOnTopAndRequired) {
  ScratchDatabase scratch;
  Database db(scratch.config());
  ASSERT_TRUE(Migrate(db).ok());
  std::vector<Migration> next = EmbeddedMigrations();
  next.push_back({RequiredSchemaVersion() + 1, "9999_probe.sql",
                  "CREATE TABLE probe (id INT PRIMARY KEY);"});
  EXPECT_EQ(CheckSchema(db, next).reason(), "SCHEMA_TOO_OLD");
  auto result = Migrate(db, next);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->applied, std::vector<std::string>{"9999_probe.sql"});
  EXPECT_TRUE(CheckSchema(db, next).ok());
  EXPECT_EQ(scratch.CountRows("probe"), 0);
}

TEST(Migrations, ConcurrentMigratorsApplyEachMigrationOnce) {
  ScratchDatabase scratch;
  constexpr int kMigrators = 4;
  std::atomic<int> applied{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kMigrators; ++i) {
    threads.emplace_back([&] {
      Database db(scratch.config());
      auto result = Migrate(db);
      if (!result.ok()) {
        ++failures;
        return;
      }
      applied += static_cast<int>(result->applied.size());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(applied.load(), static_cast<int>(EmbeddedMigrations().size()));
  EXPECT_EQ(scratch.CountRows("schema_migrations"),
            static_cast<long long>(EmbeddedMigrations().size()));
}

TEST(Database, UnreachableDatabaseGivesUnavailableQuickly) {
  DatabaseConfig config = testing::PrivateDatabaseConfig();
  config.port = testing::FreePort();  // Nothing listens there.
  config.database = "backoffice";
  Database db(config);
  const auto start = std::chrono::steady_clock::now();
  Status status = db.WithSession([](soci::session&) { return Status(); });
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(status.reason(), "DATABASE_UNAVAILABLE");
  EXPECT_FALSE(db.Ping());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

}  // namespace
}  // namespace backoffice::storage
