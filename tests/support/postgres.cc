#include "tests/support/postgres.h"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <pqxx/pqxx>
#include <random>
#include <regex>

#include "storage/migrations.h"
#include "tests/support/sql.h"

namespace depot::testing {

PrivateCluster::PrivateCluster() {
  cluster_ = dir_.path() / "pg";
  RunOps({"pgcluster", "init", cluster_.string()});
  RunOps({"pgcluster", "start", cluster_.string()});
  port_ = std::stoi(RunOps({"pgcluster", "port", cluster_.string()}));
  admin_dsn_ = RunOps({"pgcluster", "dsn", cluster_.string()});
  while (!admin_dsn_.empty() && admin_dsn_.back() == '\n') {
    admin_dsn_.pop_back();
  }
}

PrivateCluster::~PrivateCluster() {
  try {
    RunOps({"pgcluster", "destroy", cluster_.string()});
  } catch (const std::exception&) {
  }
}

void PrivateCluster::Stop() {
  RunOps({"pgcluster", "stop", cluster_.string()});
}
void PrivateCluster::Start() {
  RunOps({"pgcluster", "start", cluster_.string()});
}

std::string SharedAdminDsn() {
  if (const char* dsn = std::getenv("DEPOT_TEST_DSN"); dsn && *dsn) return dsn;
  // Run outside ops/test (e.g. ctest by hand): start one for this process.
  static auto* cluster = new PrivateCluster();
  static bool registered = [] {
    std::atexit([] { delete cluster; });
    return true;
  }();
  (void)registered;
  return cluster->AdminDsn();
}

std::string WithDatabase(const std::string& dsn, const std::string& database) {
  static const std::regex kDbname(R"(dbname=\S+)");
  if (std::regex_search(dsn, kDbname)) {
    return std::regex_replace(dsn, kDbname, "dbname=" + database);
  }
  return dsn + " dbname=" + database;
}

namespace {

// A database with every migration applied, made once per cluster and
// migration set, that each test's database is copied from: copying takes a
// fraction of the time of running the migrations again for each of the
// hundreds of tests. Its name carries a digest of the migrations, so a
// changed migration makes a new one. Test processes running side by side
// take turns under an advisory lock; a template is built under another name
// and renamed when complete, so no test ever copies a half-migrated one.
// Database names cannot be statement parameters: `query` (a SELECT
// format(...) of tests/support/queries) has the server quote them into the
// statement, which is then run.
template <typename... Names>
void RunStatementMadeBy(pqxx::nontransaction& tx,
                        const storage::SqlQuery& query, const Names&... names) {
  const pqxx::result made = tx.exec_params(query.text, names...);
  tx.exec(made[0][0].as<std::string>());
}

std::string MigratedTemplate(const std::string& admin_dsn) {
  std::vector<storage::Migration> migrations =
      storage::ReadMigrations(SourceDir() / "storage" / "migrations");
  std::string checksums;
  for (const auto& migration : migrations) checksums += migration.checksum;
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016zx",
                std::hash<std::string>{}(checksums));
  std::string name = std::string("depot_template_") + digest;
  std::string building = name + "_building";

  pqxx::connection admin(admin_dsn);
  pqxx::nontransaction tx(admin);
  constexpr int64_t kTemplateLock = 0x64657074656d706c;  // "deptempl"
  tx.exec_params(sql::kTakeAdvisoryLock.text, kTemplateLock);
  try {
    bool exists = !tx.exec_params(sql::kFindDatabase.text, name).empty();
    if (!exists) {
      RunStatementMadeBy(tx, sql::kStatementDroppingDatabase, building);
      RunStatementMadeBy(tx, sql::kStatementCreatingDatabase, building);
      storage::ApplyMigrations(WithDatabase(admin_dsn, building), migrations);
      RunStatementMadeBy(tx, sql::kStatementRenamingDatabase, building, name);
    }
  } catch (...) {
    tx.exec_params(sql::kReleaseAdvisoryLock.text, kTemplateLock);
    throw;
  }
  tx.exec_params(sql::kReleaseAdvisoryLock.text, kTemplateLock);
  return name;
}

}  // namespace

TestDatabase::TestDatabase(const std::string& admin_dsn, bool migrate)
    : admin_dsn_(admin_dsn) {
  std::random_device random;
  name_ = "depot_test_" + std::to_string(random()) + std::to_string(random());
  std::string template_name = migrate ? MigratedTemplate(admin_dsn_) : "";
  pqxx::connection admin(admin_dsn_);
  pqxx::nontransaction tx(admin);
  if (migrate) {
    RunStatementMadeBy(tx, sql::kStatementCopyingDatabase, name_,
                       template_name);
  } else {
    RunStatementMadeBy(tx, sql::kStatementCreatingDatabase, name_);
  }
  dsn_ = WithDatabase(admin_dsn_, name_);
}

TestDatabase::~TestDatabase() {
  try {
    pqxx::connection admin(admin_dsn_);
    pqxx::nontransaction tx(admin);
    RunStatementMadeBy(tx, sql::kStatementDroppingDatabase, name_);
  } catch (const std::exception&) {
    // The cluster may be gone already (a test that stopped it).
  }
}

}  // namespace depot::testing
