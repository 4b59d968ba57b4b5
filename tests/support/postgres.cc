#include "tests/support/postgres.h"

#include <cstdlib>
#include <pqxx/pqxx>
#include <random>
#include <regex>

#include "storage/migrations.h"

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

TestDatabase::TestDatabase(const std::string& admin_dsn, bool migrate)
    : admin_dsn_(admin_dsn) {
  std::random_device random;
  name_ = "depot_test_" + std::to_string(random()) + std::to_string(random());
  pqxx::connection admin(admin_dsn_);
  pqxx::nontransaction(admin).exec("CREATE DATABASE " + name_);
  dsn_ = WithDatabase(admin_dsn_, name_);
  if (migrate) {
    storage::ApplyMigrations(
        dsn_, storage::ReadMigrations(SourceDir() / "storage" / "migrations"));
  }
}

TestDatabase::~TestDatabase() {
  try {
    pqxx::connection admin(admin_dsn_);
    pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name_ +
                                     " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster may be gone already (a test that stopped it).
  }
}

}  // namespace depot::testing
