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
  /// How long a call waits for a free database connection before it gets
  /// UNAVAILABLE.
  int database_pool_wait_ms = 10000;
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
  /// PrivacyService: ReadingRoomService and JournalService
  /// for rights requests; default: deposits_address (this server in
  /// depotd).
  std::string readingroom_address;
  std::string journal_address;
  /// Months after closing that an access request is deleted by retention.
  int access_request_retention_months = 36;
  /// HH:MM local time of the daily retention run inside the server, or
  /// "off".
  std::string retention_daily_at = "03:15";
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
  // Crypto-shredding keys and reading-room retention.
  /// Directory of per-person keys (one 0600 file each), outside the
  /// database; default subject-keys next to key_file. Back it up apart.
  std::filesystem::path subject_key_dir;
  /// Months after which retention deletes closed visits, returned loans and
  /// ended (expired or revoked) confidentiality declarations.
  int retention_visits_months = 12;
  int retention_loans_months = 60;
  int retention_declarations_months = 12;
  // AuditService.
  /// Ed25519 key signing audit tree heads (made at first start, mode
  /// 0600); default audit-signing.key next to key_file ($DEPOT_HOME
  /// without one).
  std::filesystem::path audit_key_file;
  bool insecure_dev = false;
  std::string log_level = "info";
  int shutdown_grace_ms = 4000;
  /// Server streams one caller may have open at once (RESOURCE_EXHAUSTED
  /// beyond), and how long a stream may wait for a client that reads
  /// nothing before the server ends it.
  int streams_per_caller = 4;
  int stream_stall_timeout_ms = 30000;
  /// How often the health service checks the database.
  int health_check_interval_ms = 3000;

  /// The connection string with the password from its file appended.
  std::string DatabaseConnectionString() const;
};

/// Parses flags, environment and file. Returns nullopt after printing help;
/// throws StartupError for bad values. program names the binary in --help.
std::optional<ServerConfig> LoadServerConfig(int argc, char** argv,
                                             const std::string& program,
                                             const std::string& description);

}  // namespace depot
