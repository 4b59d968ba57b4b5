#include "tests/support/in_process_server.h"

#include "tests/support/pki.h"

namespace depot::testing {

InProcessServer::InProcessServer(const std::string& dsn,
                                 std::vector<ModuleFactory> modules)
    : InProcessServer(dsn, std::move(modules), [](ServerConfig&) {}) {}

InProcessServer::InProcessServer(
    const std::string& dsn, std::vector<ModuleFactory> modules,
    const std::function<void(ServerConfig&)>& adjust) {
  config_.listen = "127.0.0.1:0";
  config_.database = dsn;
  config_.tls = ServerTls();
  config_.roles_file = TestPki() / "roles.conf";
  config_.revoked_file = TestPki() / "revoked.conf";
  // Services that call others (the reading room calls DepositService) do
  // so as `service`; the declaration seal key is one per test process.
  config_.service_tls_cert = TestPki() / "service.crt";
  config_.service_tls_key = TestPki() / "service.key";
  config_.seal_key_file = TestPki().parent_path() / "declaration-seal.pem";
  // Per-visitor keys for crypto-shredding, shared like the seal.
  config_.subject_key_dir = TestPki().parent_path() / "subject-keys";
  // The audit head signing key, one per test process too.
  config_.audit_key_file = TestPki().parent_path() / "audit-signing.key";
  config_.database_pool_size = 4;
  adjust(config_);
  pool_ = std::make_unique<storage::ConnectionPool>(
      dsn, config_.database_pool_size,
      std::chrono::milliseconds(config_.database_pool_wait_ms));
  resolver_ = std::make_unique<CallerResolver>(config_.roles_file,
                                               config_.revoked_file, false);
  DaemonContext context{config_, *pool_, *resolver_, keyring_};
  server_ = std::make_unique<DepotServer>(config_);
  for (auto& make : modules) {
    modules_.push_back(make(context));
    server_->AddService(modules_.back()->service(),
                        modules_.back()->descriptor()->full_name());
  }
  server_->FollowHealth([this] { pool_->Ping(); });
  server_->Start();
  // Other services are reached on this server itself; its port is known only
  // now, and modules read the address when they first call.
  config_.deposits_address = "127.0.0.1:" + std::to_string(server_->port());
}

InProcessServer::~InProcessServer() {
  server_->Shutdown(std::chrono::milliseconds(500));
  server_->Wait();
}

}  // namespace depot::testing
