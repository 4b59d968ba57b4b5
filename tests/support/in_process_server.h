#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "services/common/auth/caller_resolver.h"
#include "services/common/daemon.h"
#include "services/common/server.h"
#include "storage/pool.h"

namespace depot::testing {

/// Services running in this test process on a loopback port with real
/// mutual TLS (TestPki) over a real database.
class InProcessServer {
 public:
  InProcessServer(const std::string& dsn, std::vector<ModuleFactory> modules);
  /// adjust: changes to the test configuration (pool size, stream limits)
  /// before anything starts.
  InProcessServer(const std::string& dsn, std::vector<ModuleFactory> modules,
                  const std::function<void(ServerConfig&)>& adjust);
  ~InProcessServer();

  int port() const { return server_->port(); }
  const std::vector<std::unique_ptr<ServiceModule>>& modules() const {
    return modules_;
  }
  storage::ConnectionPool& pool() { return *pool_; }
  const Keyring& keyring() const { return keyring_; }

 private:
  ServerConfig config_;
  std::unique_ptr<storage::ConnectionPool> pool_;
  std::unique_ptr<CallerResolver> resolver_;
  Keyring keyring_ = Keyring::Random();
  std::vector<std::unique_ptr<ServiceModule>> modules_;
  std::unique_ptr<DepotServer> server_;
};

}  // namespace depot::testing
