#include "storage/migrations.h"

#include <gtest/gtest.h>

#include <fstream>
#include <pqxx/pqxx>

#include "services/common/error.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot::storage {
namespace {

using testing::SourceDir;
using testing::TempDir;
using testing::TestDatabase;
namespace sql = testing::sql;
namespace files = testing::migration_files;

void Write(const std::filesystem::path& path, const SqlQuery& migration) {
  std::ofstream(path) << migration.text;
}

TEST(Migrations, AppliesInOrderOnceAndRecordsChecksums) {
  TestDatabase db(testing::SharedAdminDsn(), /*migrate=*/false);
  auto migrations = ReadMigrations(SourceDir() / "storage" / "migrations");
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(ApplyMigrations(db.dsn(), migrations),
            static_cast<int>(migrations.size()));
  EXPECT_EQ(ApplyMigrations(db.dsn(), migrations), 0);
  pqxx::connection connection(db.dsn());
  pqxx::work tx(connection);
  auto rows = tx.exec(sql::kListAppliedMigrations.text);
  ASSERT_EQ(rows.size(), migrations.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][0].as<int>(), migrations[i].version);
    EXPECT_EQ(rows[i][1].as<std::string>(), migrations[i].checksum);
  }
}

TEST(Migrations, RefusesWhenAnAppliedFileChanged) {
  TestDatabase db(testing::SharedAdminDsn(), false);
  TempDir dir;
  Write(dir.path() / "001_first.sql", files::kCreateT1OfInts);
  ApplyMigrations(db.dsn(), ReadMigrations(dir.path()));
  Write(dir.path() / "001_first.sql", files::kCreateT1OfBigints);
  try {
    ApplyMigrations(db.dsn(), ReadMigrations(dir.path()));
    FAIL() << "an edited migration must be refused";
  } catch (const StartupError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("001_first.sql was changed"), std::string::npos)
        << message;
  }
}

TEST(Migrations, FailedMigrationLeavesNothingHalfApplied) {
  TestDatabase db(testing::SharedAdminDsn(), false);
  TempDir dir;
  Write(dir.path() / "001_ok.sql", files::kCreateA);
  Write(dir.path() / "002_bad.sql", files::kCreateBThenInsertIntoNowhere);
  EXPECT_THROW(ApplyMigrations(db.dsn(), ReadMigrations(dir.path())),
               StartupError);
  pqxx::connection connection(db.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1(sql::kCountAppliedMigrations.text)[0].as<int>(), 1);
  EXPECT_TRUE(tx.exec1(sql::kTableBIsAbsent.text)[0].as<bool>());
}

TEST(Migrations, RejectsMisnamedFilesAndMissingApplied) {
  TempDir dir;
  Write(dir.path() / "1_short.sql", files::kSelectOne);
  EXPECT_THROW(ReadMigrations(dir.path()), StartupError);

  TestDatabase db(testing::SharedAdminDsn(), false);
  TempDir two;
  Write(two.path() / "001_a.sql", files::kSelectOne);
  Write(two.path() / "002_b.sql", files::kSelectTwo);
  ApplyMigrations(db.dsn(), ReadMigrations(two.path()));
  std::filesystem::remove(two.path() / "002_b.sql");
  EXPECT_THROW(ApplyMigrations(db.dsn(), ReadMigrations(two.path())),
               StartupError);
}

}  // namespace
}  // namespace depot::storage
