#include "services/common/config.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/text_check.h"

namespace depot {
namespace {

struct Setting {
  const char* key;   // in the configuration file
  const char* flag;  // on the command line
  const char* env;   // in the environment
  const char* help;
  bool is_path;
};

constexpr Setting kSettings[] = {
    {"listen", "--listen", "DEPOT_LISTEN", "address to serve on (host:port)",
     false},
    {"database", "--database", "DEPOT_DATABASE",
     "libpq connection string of the PostgreSQL database", false},
    {"database_password_file", "--database-password-file",
     "DEPOT_DATABASE_PASSWORD_FILE", "file holding the database password",
     true},
    {"database_pool_size", "--database-pool-size", "DEPOT_DATABASE_POOL_SIZE",
     "database connections kept open", false},
    {"database_pool_wait_ms", "--database-pool-wait-ms",
     "DEPOT_DATABASE_POOL_WAIT_MS",
     "how long a call waits for a free database connection before it gets "
     "UNAVAILABLE (default 10000)",
     false},
    {"migrations_dir", "--migrations-dir", "DEPOT_MIGRATIONS_DIR",
     "directory of NNN_*.sql migrations", true},
    {"tls_cert", "--tls-cert", "DEPOT_TLS_CERT", "server certificate (PEM)",
     true},
    {"tls_key", "--tls-key", "DEPOT_TLS_KEY", "server private key (PEM)", true},
    {"tls_ca", "--tls-ca", "DEPOT_TLS_CA",
     "CA that issues client certificates (PEM)", true},
    {"roles_file", "--roles-file", "DEPOT_ROLES_FILE",
     "maps certificate common names to roles", true},
    {"revoked_file", "--revoked-file", "DEPOT_REVOKED_FILE",
     "serial numbers of revoked client certificates", true},
    {"key_file", "--key-file", "DEPOT_KEY_FILE",
     "secret keys for identity numbers and pseudonyms (mode 0600)", true},
    {"eligibility_years", "--eligibility-years", "DEPOT_ELIGIBILITY_YEARS",
     "10-year rule periods per category, e.g. \"kindergarten=5 pupil=10\"",
     false},
    {"deposits_address", "--deposits-address", "DEPOT_DEPOSITS_ADDRESS",
     "DepositService host:port for the reading room (default: listen)",
     false},
    // PrivacyService.
    {"readingroom_address", "--readingroom-address",
     "DEPOT_READINGROOM_ADDRESS",
     "ReadingRoomService host:port for PrivacyService (default: "
     "deposits_address)",
     false},
    {"journal_address", "--journal-address", "DEPOT_JOURNAL_ADDRESS",
     "JournalService host:port for PrivacyService (default: "
     "deposits_address)",
     false},
    {"access_request_retention_months", "--access-request-retention-months",
     "DEPOT_ACCESS_REQUEST_RETENTION_MONTHS",
     "months after closing that an access request is deleted (default 36)",
     false},
    {"retention_daily_at", "--retention-daily-at", "DEPOT_RETENTION_DAILY_AT",
     "HH:MM local time of the daily retention run, or off (default 03:15)",
     false},
    {"service_tls_cert", "--service-tls-cert", "DEPOT_SERVICE_TLS_CERT",
     "client certificate (CN service) for calls to other depot services "
     "(default: service.crt next to tls_ca)",
     true},
    {"service_tls_key", "--service-tls-key", "DEPOT_SERVICE_TLS_KEY",
     "its private key (default: service.key next to tls_ca)", true},
    {"seal_key_file", "--seal-key-file", "DEPOT_SEAL_KEY_FILE",
     "Ed25519 key sealing confidentiality declarations, made if missing "
     "(default: declaration-seal.pem next to key_file)",
     true},
    {"reading_room_closes", "--reading-room-closes",
     "DEPOT_READING_ROOM_CLOSES",
     "HH:MM local closing time; loans still out after it are overdue "
     "(default 15:30)",
     false},
    {"declaration_validity_years", "--declaration-validity-years",
     "DEPOT_DECLARATION_VALIDITY_YEARS",
     "default validity of a confidentiality declaration (default 3)", false},
    // AuditService.
    {"audit_key_file", "--audit-key-file", "DEPOT_AUDIT_KEY_FILE",
     "Ed25519 key signing audit tree heads, made if missing (default: "
     "audit-signing.key next to key_file)",
     true},
    // Crypto-shredding and reading-room retention.
    {"subject_key_dir", "--subject-key-dir", "DEPOT_SUBJECT_KEY_DIR",
     "directory of per-person encryption keys for crypto-shredding, kept "
     "outside the database (default: subject-keys next to key_file)",
     true},
    {"retention_visits_months", "--retention-visits-months",
     "DEPOT_RETENTION_VISITS_MONTHS",
     "months after check-out that a reading-room visit is deleted "
     "(default 12)",
     false},
    {"retention_loans_months", "--retention-loans-months",
     "DEPOT_RETENTION_LOANS_MONTHS",
     "months after the return that a loan is deleted (default 60)", false},
    {"retention_declarations_months", "--retention-declarations-months",
     "DEPOT_RETENTION_DECLARATIONS_MONTHS",
     "months after expiry or revocation that a confidentiality declaration "
     "is deleted (default 12)",
     false},
    {"log_level", "--log-level", "DEPOT_LOG_LEVEL",
     "trace, debug, info, warn or error", false},
    {"shutdown_grace_ms", "--shutdown-grace-ms", "DEPOT_SHUTDOWN_GRACE_MS",
     "how long in-flight calls may finish on SIGTERM", false},
    {"streams_per_caller", "--streams-per-caller", "DEPOT_STREAMS_PER_CALLER",
     "server streams (exports, public journal) one caller may have open at "
     "once (default 4)",
     false},
    {"stream_stall_timeout_ms", "--stream-stall-timeout-ms",
     "DEPOT_STREAM_STALL_TIMEOUT_MS",
     "how long a server stream waits for a client that reads nothing before "
     "it is ended (default 30000)",
     false},
    {"health_check_interval_ms", "--health-check-interval-ms",
     "DEPOT_HEALTH_CHECK_INTERVAL_MS",
     "how often the health service checks the database (default 3000)", false},
};

// Periods that move dates stay within a century, so that no date computed
// from one leaves the range dates are kept in (date.h).
constexpr int kMaxPeriodYears = 100;
constexpr int kMaxPeriodMonths = 12 * kMaxPeriodYears;

int ParseInt(const std::string& key, const std::string& value, int min,
             int max = std::numeric_limits<int>::max()) {
  try {
    size_t used = 0;
    int parsed = std::stoi(value, &used);
    if (used == value.size() && parsed >= min && parsed <= max) return parsed;
  } catch (const std::exception&) {
  }
  std::string range =
      max == std::numeric_limits<int>::max()
          ? ">= " + std::to_string(min)
          : "from " + std::to_string(min) + " to " + std::to_string(max);
  throw StartupError(key + " must be a whole number " + range + ", got " +
                     QuoteInput(value));
}

}  // namespace

std::string ServerConfig::DatabaseConnectionString() const {
  if (database_password_file.empty()) return database;
  std::string password = Trim(ReadWholeFile(database_password_file));
  // libpq quoting: single quotes around, backslash-escape ' and \.
  std::string quoted = "'";
  for (char c : password) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return database + " password=" + quoted + "'";
}

std::optional<ServerConfig> LoadServerConfig(int argc, char** argv,
                                             const std::string& program,
                                             const std::string& description) {
  CLI::App app(description, program);
  std::map<std::string, std::string> flags;
  for (const Setting& setting : kSettings) {
    app.add_option(setting.flag, flags[setting.key], setting.help);
  }
  std::string config_path;
  app.add_option("--config", config_path,
                 "configuration file (default $DEPOT_HOME/depotd.conf)");
  bool insecure_dev = false;
  app.add_flag("--insecure-dev", insecure_dev,
               "serve plaintext without client certificates (loopback only; "
               "development only)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    if (code == 0) return std::nullopt;
    throw StartupError("bad command line; see " + program + " --help");
  }

  std::string home = std::getenv("DEPOT_HOME") ? std::getenv("DEPOT_HOME")
                                               : DEPOT_DEFAULT_HOME;
  if (config_path.empty() && std::getenv("DEPOT_CONFIG")) {
    config_path = std::getenv("DEPOT_CONFIG");
  }
  KeyValueFile file;
  if (!config_path.empty()) {
    file = KeyValueFile::Read(config_path);
  } else if (std::filesystem::exists(home + "/depotd.conf")) {
    file = KeyValueFile::Read(home + "/depotd.conf");
  }
  for (const auto& [key, value] : file.entries) {
    if (key == "insecure_dev") continue;
    bool known = false;
    for (const Setting& setting : kSettings) known |= key == setting.key;
    if (!known) {
      throw StartupError(file.path.string() + ": unknown setting '" + key +
                         "'");
    }
  }

  // Strongest source first: flag, environment, file.
  auto value = [&](const Setting& setting) -> std::optional<std::string> {
    if (!flags[setting.key].empty()) return flags[setting.key];
    if (const char* env = std::getenv(setting.env); env && *env) return env;
    auto found = file.entries.find(setting.key);
    if (found != file.entries.end()) {
      return setting.is_path ? file.PathValue(found->second).string()
                             : found->second;
    }
    return std::nullopt;
  };

  ServerConfig config;
  config.migrations_dir = DEPOT_DEFAULT_MIGRATIONS_DIR;
  for (const Setting& setting : kSettings) {
    auto v = value(setting);
    if (!v) continue;
    std::string key = setting.key;
    if (key == "listen") config.listen = *v;
    if (key == "database") config.database = *v;
    if (key == "database_password_file") config.database_password_file = *v;
    if (key == "database_pool_size") {
      config.database_pool_size = ParseInt(key, *v, 1);
    }
    if (key == "migrations_dir") config.migrations_dir = *v;
    if (key == "tls_cert") config.tls.cert = *v;
    if (key == "tls_key") config.tls.key = *v;
    if (key == "tls_ca") config.tls.ca = *v;
    if (key == "roles_file") config.roles_file = *v;
    if (key == "revoked_file") config.revoked_file = *v;
    if (key == "key_file") config.key_file = *v;
    if (key == "eligibility_years") config.eligibility_years = *v;
    if (key == "deposits_address") config.deposits_address = *v;
    if (key == "readingroom_address") config.readingroom_address = *v;
    if (key == "journal_address") config.journal_address = *v;
    if (key == "access_request_retention_months") {
      config.access_request_retention_months =
          ParseInt(key, *v, 1, kMaxPeriodMonths);
    }
    if (key == "retention_daily_at") config.retention_daily_at = *v;
    if (key == "service_tls_cert") config.service_tls_cert = *v;
    if (key == "service_tls_key") config.service_tls_key = *v;
    if (key == "seal_key_file") config.seal_key_file = *v;
    if (key == "reading_room_closes") config.reading_room_closes = *v;
    if (key == "declaration_validity_years") {
      config.declaration_validity_years = ParseInt(key, *v, 1, kMaxPeriodYears);
    }
    if (key == "subject_key_dir") config.subject_key_dir = *v;
    if (key == "audit_key_file") config.audit_key_file = *v;
    if (key == "retention_visits_months") {
      config.retention_visits_months = ParseInt(key, *v, 1, kMaxPeriodMonths);
    }
    if (key == "retention_loans_months") {
      config.retention_loans_months = ParseInt(key, *v, 1, kMaxPeriodMonths);
    }
    if (key == "retention_declarations_months") {
      config.retention_declarations_months =
          ParseInt(key, *v, 1, kMaxPeriodMonths);
    }
    if (key == "log_level") config.log_level = *v;
    if (key == "shutdown_grace_ms") {
      config.shutdown_grace_ms = ParseInt(key, *v, 0);
    }
    if (key == "database_pool_wait_ms") {
      config.database_pool_wait_ms = ParseInt(key, *v, 1);
    }
    if (key == "streams_per_caller") {
      config.streams_per_caller = ParseInt(key, *v, 1);
    }
    if (key == "stream_stall_timeout_ms") {
      config.stream_stall_timeout_ms = ParseInt(key, *v, 1);
    }
    if (key == "health_check_interval_ms") {
      config.health_check_interval_ms = ParseInt(key, *v, 100);
    }
  }
  // Defaults that follow from other settings.
  if (config.deposits_address.empty()) {
    config.deposits_address = config.listen;
    // A wildcard listen address is reached through loopback.
    for (const char* any : {"0.0.0.0:", "[::]:", ":"}) {
      if (config.listen.starts_with(any)) {
        config.deposits_address =
            "127.0.0.1:" + config.listen.substr(std::string(any).size());
      }
    }
  }
  if (!config.tls.ca.empty()) {
    auto pki = config.tls.ca.parent_path();
    if (config.service_tls_cert.empty()) {
      config.service_tls_cert = pki / "service.crt";
    }
    if (config.service_tls_key.empty()) {
      config.service_tls_key = pki / "service.key";
    }
  }
  if (config.subject_key_dir.empty() && !config.key_file.empty()) {
    config.subject_key_dir = config.key_file.parent_path() / "subject-keys";
  }
  if (config.audit_key_file.empty()) {
    config.audit_key_file =
        config.key_file.empty()
            ? std::filesystem::path(home) / "audit-signing.key"
            : config.key_file.parent_path() / "audit-signing.key";
  }
  if (config.seal_key_file.empty() && !config.key_file.empty()) {
    config.seal_key_file =
        config.key_file.parent_path() / "declaration-seal.pem";
  }
  const char* env_insecure = std::getenv("DEPOT_INSECURE_DEV");
  config.insecure_dev = insecure_dev ||
                        (env_insecure && std::string(env_insecure) == "1") ||
                        file.entries["insecure_dev"] == "true";

  if (config.database.empty()) {
    throw StartupError(
        "no database configured: set `database` in depotd.conf, "
        "DEPOT_DATABASE or --database (a libpq connection string); ops/run "
        "writes one");
  }
  if (!config.insecure_dev &&
      (config.tls.cert.empty() || config.tls.key.empty() ||
       config.tls.ca.empty())) {
    throw StartupError(
        "no TLS certificate configured: set tls_cert, tls_key and tls_ca "
        "(ops/run creates them under var/pki), or pass --insecure-dev for a "
        "plaintext loopback development server");
  }
  if (config.roles_file.empty()) {
    throw StartupError(
        "no roles file configured: set roles_file (certificate common name = "
        "role, one per line)");
  }
  return config;
}

}  // namespace depot
