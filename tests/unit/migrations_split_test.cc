#include <gtest/gtest.h>

#include <set>

#include "core/storage/migrations.h"

namespace backoffice::storage {
namespace {

TEST(SplitSqlStatements, SplitsAtLineEndSemicolonsAndDropsComments) {
  auto statements = SplitSqlStatements(
      "-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nCREATE TABLE b (y "
      "INT);\n");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0], "CREATE TABLE a (\n  x INT\n)");
  EXPECT_EQ(statements[1], "CREATE TABLE b (y INT)");
}

// Numbers handed out to branches still in flight: they may be missing
// until those branches land (0003 is reserved; 0004 came first). Remove a
// number once its migration is in.
const std::set<int> kReservedVersions = {3};

TEST(EmbeddedMigrations, AreNumberedFromOneWithoutGaps) {
  const auto& migrations = EmbeddedMigrations();
  ASSERT_FALSE(migrations.empty());
  int expected = 1;
  for (const auto& migration : migrations) {
    while (migration.version != expected &&
           kReservedVersions.count(expected) != 0) {
      ++expected;
    }
    EXPECT_EQ(migration.version, expected) << migration.name;
    ++expected;
  }
  EXPECT_EQ(RequiredSchemaVersion(), migrations.back().version);
}

}  // namespace
}  // namespace backoffice::storage
