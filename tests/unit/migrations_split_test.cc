#include <gtest/gtest.h>

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

TEST(EmbeddedMigrations, AreNumberedFromOneWithoutGaps) {
  const auto& migrations = EmbeddedMigrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
  }
  EXPECT_EQ(RequiredSchemaVersion(), migrations.back().version);
}

}  // namespace
}  // namespace backoffice::storage
