#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <memory>
#include <string>

namespace depot::cli {

/// How to reach depotd and as whom. Sources, strongest first: flags,
/// environment (DEPOT_SERVER, DEPOT_CA, DEPOT_CERT, DEPOT_KEY), the CLI
/// configuration file (--config, DEPOT_CLI_CONFIG, $DEPOT_HOME/cli.conf),
/// defaults.
struct ConnectionOptions {
  std::string server;
  std::string ca;
  std::string cert;
  std::string key;
  std::string identity;  ///< --as NAME: certificate NAME.crt in pki_dir
  std::string config;
  bool insecure_dev = false;
  bool json = false;
  int timeout_seconds = 30;
};

/// A connected client: the channel and a factory for call contexts.
class Connection {
 public:
  /// Throws std::runtime_error with a message saying which file or setting
  /// is missing.
  explicit Connection(const ConnectionOptions& options);

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  /// A context with the deadline (and, in insecure development mode, the
  /// caller's name).
  std::unique_ptr<grpc::ClientContext> NewContext() const;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::string dev_identity_;
  int timeout_seconds_;
};

}  // namespace depot::cli
