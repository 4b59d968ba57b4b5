#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "tests/support/process.h"

namespace depot::testing {

/// A PostgreSQL cluster of the test's own (ops/pgcluster in a temporary
/// directory), for tests that stop and restart the server.
class PrivateCluster {
 public:
  PrivateCluster();   ///< initialized and started
  ~PrivateCluster();  ///< destroyed
  void Stop();
  void Start();
  /// Superuser connection string, as `ops/pgcluster dsn` prints it.
  std::string AdminDsn() const { return admin_dsn_; }
  int port() const { return port_; }
  /// The ops/pgcluster directory (its socket directory, data/ below it).
  const std::filesystem::path& dir() const { return cluster_; }

 private:
  TempDir dir_;
  std::filesystem::path cluster_;
  int port_ = 0;
  std::string admin_dsn_;
};

/// The superuser connection string of the run's shared cluster:
/// DEPOT_TEST_DSN (set by ops/test), or a PrivateCluster started on first
/// use and destroyed at exit.
std::string SharedAdminDsn();

/// A fresh database on a cluster, with depot's migrations applied, dropped
/// when the test ends: tests never see each other's rows.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& admin_dsn = SharedAdminDsn(),
                        bool migrate = true);
  ~TestDatabase();
  /// Connection string of the new database (as the superuser).
  const std::string& dsn() const { return dsn_; }
  const std::string& name() const { return name_; }

 private:
  std::string admin_dsn_;
  std::string name_;
  std::string dsn_;
};

/// Replaces dbname=... in a libpq connection string.
std::string WithDatabase(const std::string& dsn, const std::string& database);

}  // namespace depot::testing
