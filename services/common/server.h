#pragma once

#include <grpcpp/server.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "services/common/config.h"
#include "services/common/health_probe.h"

namespace depot {

/// A gRPC server with depot's transport security, the standard health
/// service (per service name, following the database) and server
/// reflection. Services are added before Start.
class DepotServer {
 public:
  explicit DepotServer(const ServerConfig& config);
  ~DepotServer();

  /// name: the service's full name (depot.v1.DepositService), which the
  /// health service answers for.
  void AddService(grpc::Service* service, std::string name);
  /// Health follows probe (see HealthProbe), run every
  /// health_check_interval_ms once the server started. Call before Start;
  /// without it, health says SERVING until shutdown.
  void FollowHealth(std::function<void()> probe);
  /// Binds and starts; throws StartupError when the address is unusable or
  /// insecure mode is asked for on a non-loopback address. Also sets the
  /// process's stream limits from the configuration.
  void Start();
  /// The port actually bound (useful with port 0).
  int port() const { return port_; }
  /// Stops taking calls and lets in-flight calls finish within grace; calls
  /// still running after it are cancelled.
  void Shutdown(std::chrono::milliseconds grace);
  void Wait();

 private:
  ServerConfig config_;
  std::vector<grpc::Service*> services_;
  std::vector<std::string> names_;
  std::function<void()> health_probe_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<HealthProbe> health_;
  int port_ = 0;
};

/// Blocks SIGINT and SIGTERM in the calling thread and every thread it
/// starts afterwards; call first thing in main, before gRPC makes threads.
void BlockTerminationSignals();

/// Waits for SIGINT or SIGTERM, then shuts the server down gracefully.
void ShutdownOnSignal(DepotServer& server, std::chrono::milliseconds grace);

/// True for 127.0.0.0/8, ::1 and localhost listen addresses.
bool IsLoopbackAddress(const std::string& listen);

/// Sets up spdlog at the given level (stderr).
void ConfigureLogging(const std::string& level);

}  // namespace depot
