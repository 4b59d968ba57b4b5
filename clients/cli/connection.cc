#include "clients/cli/connection.h"

#include <grpcpp/create_channel.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "services/common/auth/caller_resolver.h"
#include "services/common/key_value_file.h"
#include "services/common/tls.h"

namespace depot::cli {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string ConfigFilePath(const ConnectionOptions& options) {
  if (!options.config.empty()) return options.config;
  if (!Env("DEPOT_CLI_CONFIG").empty()) return Env("DEPOT_CLI_CONFIG");
  std::string home = Env("DEPOT_HOME").empty() ? DEPOT_DEFAULT_HOME
                                               : Env("DEPOT_HOME");
  return home + "/cli.conf";
}

}  // namespace

Connection::Connection(const ConnectionOptions& options)
    : timeout_seconds_(options.timeout_seconds) {
  KeyValueFile file;
  std::string config_path = ConfigFilePath(options);
  if (std::filesystem::exists(config_path)) {
    file = KeyValueFile::Read(config_path);
  } else if (!options.config.empty()) {
    throw std::runtime_error("configuration file " + config_path +
                             " does not exist");
  }
  auto pick = [&](const std::string& flag, const char* env,
                  const std::string& key, bool is_path) -> std::string {
    if (!flag.empty()) return flag;
    if (!Env(env).empty()) return Env(env);
    auto found = file.entries.find(key);
    if (found == file.entries.end()) return "";
    return is_path ? file.PathValue(found->second).string() : found->second;
  };
  std::string server = pick(options.server, "DEPOT_SERVER", "server", false);
  if (server.empty()) server = "localhost:7443";

  if (options.insecure_dev) {
    dev_identity_ = options.identity.empty() ? "archivist" : options.identity;
    channel_ = grpc::CreateChannel(server, grpc::InsecureChannelCredentials());
    return;
  }
  TlsFiles tls;
  tls.ca = pick(options.ca, "DEPOT_CA", "ca", true);
  tls.cert = pick(options.cert, "DEPOT_CERT", "cert", true);
  tls.key = pick(options.key, "DEPOT_KEY", "key", true);
  if (!options.identity.empty()) {
    std::string pki = pick("", "DEPOT_PKI_DIR", "pki_dir", true);
    if (pki.empty()) {
      throw std::runtime_error(
          "--as needs pki_dir in the CLI configuration or DEPOT_PKI_DIR");
    }
    tls.cert = pki + "/" + options.identity + ".crt";
    tls.key = pki + "/" + options.identity + ".key";
  }
  if (tls.ca.empty() || tls.cert.empty() || tls.key.empty()) {
    throw std::runtime_error(
        "no client certificate configured: run ops/run once (it writes " +
        config_path +
        "), or pass --ca, --cert and --key (or DEPOT_CA, DEPOT_CERT, "
        "DEPOT_KEY)");
  }
  grpc::ChannelArguments arguments;
  // The server certificate names depotd and localhost; let users connect
  // through an IP address too.
  if (server.starts_with("127.") || server.starts_with("[::1]")) {
    arguments.SetSslTargetNameOverride("localhost");
  }
  channel_ = grpc::CreateCustomChannel(
      server, MutualTlsChannelCredentials(tls), arguments);
}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::seconds(timeout_seconds_));
  if (!dev_identity_.empty()) {
    context->AddMetadata(kDevIdentityMetadata, dev_identity_);
  }
  return context;
}

}  // namespace depot::cli
