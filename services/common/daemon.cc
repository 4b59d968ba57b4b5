#include "services/common/daemon.h"

#include <spdlog/spdlog.h>

#include <iostream>

#include "services/common/error.h"
#include "services/common/server.h"
#include "storage/migrations.h"

namespace depot {

int RunDaemon(int argc, char** argv, const std::string& program,
              const std::string& description,
              const std::vector<ModuleFactory>& modules) {
  BlockTerminationSignals();
  try {
    auto config = LoadServerConfig(argc, argv, program, description);
    if (!config) return 0;
    ConfigureLogging(config->log_level);

    storage::ConnectionPool pool(
        config->DatabaseConnectionString(), config->database_pool_size,
        std::chrono::milliseconds(config->database_pool_wait_ms));
    pool.VerifyReachable();
    int applied = storage::ApplyMigrations(
        pool.connection_string(), storage::ReadMigrations(config->migrations_dir));
    if (applied > 0) spdlog::info("applied {} database migration(s)", applied);

    CallerResolver resolver(config->roles_file, config->revoked_file,
                            config->insecure_dev);
    Keyring keyring = Keyring::Load(config->key_file);
    DaemonContext context{*config, pool, resolver, keyring};
    std::vector<std::unique_ptr<ServiceModule>> hosted;
    DepotServer server(*config);
    for (const ModuleFactory& make : modules) {
      hosted.push_back(make(context));
      server.AddService(hosted.back()->service(),
                        hosted.back()->descriptor()->full_name());
    }
    server.FollowHealth([&pool] { pool.Ping(); });
    server.Start();
    spdlog::info("{} serving on {} ({})", program, config->listen,
                 config->insecure_dev ? "INSECURE plaintext" : "mutual TLS");
    ShutdownOnSignal(server,
                     std::chrono::milliseconds(config->shutdown_grace_ms));
    return 0;
  } catch (const StartupError& error) {
    std::cerr << program << ": " << error.what() << std::endl;
    return 1;
  } catch (const std::exception& error) {
    std::cerr << program << ": cannot start: " << error.what() << std::endl;
    return 1;
  }
}

}  // namespace depot
