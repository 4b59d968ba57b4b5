#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "services/common/tls.h"

namespace depot {

/// Everything a depot server needs to start. Sources, strongest first:
/// command-line flags, DEPOT_* environment variables, the configuration
/// file ($DEPOT_HOME/depotd.conf unless --config), built-in defaults.
struct ServerConfig {
  std::string listen = "127.0.0.1:7443";
  std::string database;  ///< libpq connection string, without password
  std::filesystem::path database_password_file;
  int database_pool_size = 8;
  std::filesystem::path migrations_dir;
  TlsFiles tls;
  std::filesystem::path roles_file;
  std::filesystem::path revoked_file;
  std::filesystem::path key_file;  ///< see crypto/keyring.h
  /// Overrides of the 10-year rule per category ("kindergarten=5").
  std::string eligibility_years;
  /// DepositService, for services that call it (the reading room); default:
  /// this server's own listen address (depotd hosts DepositService).
  std::string deposits_address;
  /// Client certificate (common name `service`) for calls to other depot
  /// services; default service.crt/service.key in tls_ca's directory.
  std::filesystem::path service_tls_cert;
  std::filesystem::path service_tls_key;
  /// Ed25519 key sealing confidentiality declarations (made at first start,
  /// mode 0600); default declaration-seal.pem in key_file's directory.
  std::filesystem::path seal_key_file;
  /// HH:MM local: reading-room loans still out after it are overdue.
  std::string reading_room_closes = "15:30";
  /// How long a confidentiality declaration is valid by default.
  int declaration_validity_years = 3;
  bool insecure_dev = false;
  std::string log_level = "info";
  int shutdown_grace_ms = 4000;

  /// The connection string with the password from its file appended.
  std::string DatabaseConnectionString() const;
};

/// Parses flags, environment and file. Returns nullopt after printing help;
/// throws StartupError for bad values. program names the binary in --help.
std::optional<ServerConfig> LoadServerConfig(int argc, char** argv,
                                             const std::string& program,
                                             const std::string& description);

}  // namespace depot
