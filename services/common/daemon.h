#pragma once

#include <google/protobuf/descriptor.h>
#include <grpcpp/impl/service_type.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "services/common/auth/caller_resolver.h"
#include "services/common/config.h"
#include "services/common/crypto/keyring.h"
#include "storage/pool.h"

namespace depot {

/// What a service needs from the process that hosts it.
struct DaemonContext {
  const ServerConfig& config;
  storage::ConnectionPool& pool;
  CallerResolver& resolver;
  const Keyring& keyring;
};

/// One hosted service: its storage, domain and handler, kept alive together.
class ServiceModule {
 public:
  virtual ~ServiceModule() = default;
  virtual grpc::Service* service() = 0;
  /// The proto descriptor of the service: what it registers, method by
  /// method (the authorization-matrix test enumerates these).
  virtual const google::protobuf::ServiceDescriptor* descriptor() = 0;
};

using ModuleFactory =
    std::function<std::unique_ptr<ServiceModule>(DaemonContext&)>;

/// The whole life of a depot server binary: configuration, database check,
/// migrations, services, serving until SIGTERM/SIGINT, graceful shutdown.
/// Returns the process exit code; a startup failure prints one line saying
/// what to fix and returns 1.
int RunDaemon(int argc, char** argv, const std::string& program,
              const std::string& description,
              const std::vector<ModuleFactory>& modules);

}  // namespace depot
