#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "services/common/tls.h"

namespace depot {

/// Everything a depot server needs to start. Each field is a setting of
/// config_settings.cc, where its meaning, default, flag and environment
/// variable are declared. Sources, strongest first: command-line flags,
/// DEPOT_* environment variables, the configuration file
/// ($DEPOT_HOME/depotd.conf unless --config or DEPOT_CONFIG), defaults.
struct ServerConfig {
  /// Every setting at its declared default ({} below only keeps a field
  /// without a setting from being left uninitialized).
  ServerConfig();

  std::string listen;
  std::string database;  ///< libpq connection string, without password
  std::filesystem::path database_password_file;
  int database_pool_size{};
  int database_pool_wait_ms{};
  std::filesystem::path migrations_dir;
  TlsFiles tls;
  std::filesystem::path roles_file;
  std::filesystem::path revoked_file;
  std::filesystem::path key_file;  ///< see crypto/keyring.h
  std::string eligibility_years;
  // Services this one calls; by default this server itself.
  std::string deposits_address;
  std::string readingroom_address;
  std::string journal_address;
  // Retention and the reading room.
  int access_request_retention_months{};
  std::string retention_daily_at;  ///< HH:MM or "off"
  std::filesystem::path service_tls_cert;
  std::filesystem::path service_tls_key;
  std::filesystem::path seal_key_file;
  std::string reading_room_closes;  ///< HH:MM
  int declaration_validity_years{};
  std::filesystem::path subject_key_dir;
  int retention_visits_months{};
  int retention_loans_months{};
  int retention_declarations_months{};
  std::filesystem::path audit_key_file;
  bool insecure_dev{};
  std::string log_level;
  int shutdown_grace_ms{};
  int streams_per_caller{};
  int stream_stall_timeout_ms{};
  int health_check_interval_ms{};

  /// The connection string with the password from its file appended.
  std::string DatabaseConnectionString() const;
};

/// Parses flags, environment and file, then fills the defaults that follow
/// from other settings. Returns nullopt after printing help; throws
/// StartupError for bad values and missing settings. program names the
/// binary in --help.
std::optional<ServerConfig> LoadServerConfig(int argc, char** argv,
                                             const std::string& program,
                                             const std::string& description);

}  // namespace depot
