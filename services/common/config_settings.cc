#include "services/common/config_settings.h"

#include <algorithm>

#include "services/common/error.h"
#include "services/common/text_check.h"

namespace depot {
namespace {

// Periods that move dates stay within a century, so that no date computed
// from one leaves the range dates are kept in (date.h).
constexpr int kMaxPeriodYears = 100;
constexpr int kMaxPeriodMonths = 12 * kMaxPeriodYears;

using C = ServerConfig;

// name, environment variable, default, meaning, field[, min[, max]].
constexpr Setting kSettings[] = {
    {"listen", "DEPOT_LISTEN", "127.0.0.1:7443",
     "address to serve on (host:port)", &C::listen},
    {"database", "DEPOT_DATABASE", "",
     "libpq connection string of the PostgreSQL database, without password",
     &C::database},
    {"database_password_file", "DEPOT_DATABASE_PASSWORD_FILE", "",
     "file holding the database password (mode 0600)",
     &C::database_password_file},
    {"database_pool_size", "DEPOT_DATABASE_POOL_SIZE", "8",
     "database connections kept open", &C::database_pool_size, 1},
    {"database_pool_wait_ms", "DEPOT_DATABASE_POOL_WAIT_MS", "10000",
     "how long a call waits for a free database connection before it gets "
     "UNAVAILABLE",
     &C::database_pool_wait_ms, 1},
    {"migrations_dir", "DEPOT_MIGRATIONS_DIR", DEPOT_DEFAULT_MIGRATIONS_DIR,
     "directory of the NNN_*.sql migrations", &C::migrations_dir},
    {"tls_cert", "DEPOT_TLS_CERT", "", "server certificate (PEM)",
     &TlsFiles::cert},
    {"tls_key", "DEPOT_TLS_KEY", "", "server private key (PEM)",
     &TlsFiles::key},
    {"tls_ca", "DEPOT_TLS_CA", "",
     "CA that issues client certificates (PEM); only its certificates are "
     "accepted",
     &TlsFiles::ca},
    {"roles_file", "DEPOT_ROLES_FILE", "",
     "maps certificate common names to roles", &C::roles_file},
    {"revoked_file", "DEPOT_REVOKED_FILE", "",
     "serial numbers of revoked client certificates", &C::revoked_file},
    {"key_file", "DEPOT_KEY_FILE", "",
     "secret keys for identity numbers and pseudonyms (mode 0600); "
     "DEPOT_KEY_IDENTITY_ENCRYPTION, DEPOT_KEY_IDENTITY_INDEX and "
     "DEPOT_KEY_SUBJECT_PSEUDONYM override its keys",
     &C::key_file},
    {"eligibility_years", "DEPOT_ELIGIBILITY_YEARS", "",
     "10-year rule periods per category, e.g. \"kindergarten=5 pupil=10\"",
     &C::eligibility_years},
    {"deposits_address", "DEPOT_DEPOSITS_ADDRESS", "",
     "DepositService host:port, which the reading room asks about items "
     "(default: listen, this server itself)",
     &C::deposits_address},
    {"readingroom_address", "DEPOT_READINGROOM_ADDRESS", "",
     "ReadingRoomService host:port, which PrivacyService asks for a person's "
     "data (default: deposits_address)",
     &C::readingroom_address},
    {"journal_address", "DEPOT_JOURNAL_ADDRESS", "",
     "JournalService host:port, which PrivacyService asks for a person's "
     "data (default: deposits_address)",
     &C::journal_address},
    {"access_request_retention_months", "DEPOT_ACCESS_REQUEST_RETENTION_MONTHS",
     "36", "months after closing that an access request is deleted",
     &C::access_request_retention_months, 1, kMaxPeriodMonths},
    {"retention_daily_at", "DEPOT_RETENTION_DAILY_AT", "03:15",
     "HH:MM local time of the daily retention run, or off",
     &C::retention_daily_at},
    {"service_tls_cert", "DEPOT_SERVICE_TLS_CERT", "",
     "client certificate (CN service) for calls to other depot services "
     "(default: service.crt next to tls_ca)",
     &C::service_tls_cert},
    {"service_tls_key", "DEPOT_SERVICE_TLS_KEY", "",
     "its private key (default: service.key next to tls_ca)",
     &C::service_tls_key},
    {"seal_key_file", "DEPOT_SEAL_KEY_FILE", "",
     "Ed25519 key sealing confidentiality declarations, made if missing "
     "(default: declaration-seal.pem next to key_file)",
     &C::seal_key_file},
    {"reading_room_closes", "DEPOT_READING_ROOM_CLOSES", "15:30",
     "HH:MM local closing time; loans still out after it are overdue",
     &C::reading_room_closes},
    {"declaration_validity_years", "DEPOT_DECLARATION_VALIDITY_YEARS", "3",
     "default validity of a confidentiality declaration",
     &C::declaration_validity_years, 1, kMaxPeriodYears},
    {"audit_key_file", "DEPOT_AUDIT_KEY_FILE", "",
     "Ed25519 key signing audit tree heads, made if missing (default: "
     "audit-signing.key next to key_file, or in $DEPOT_HOME without one)",
     &C::audit_key_file},
    {"subject_key_dir", "DEPOT_SUBJECT_KEY_DIR", "",
     "directory of per-person encryption keys for crypto-shredding, kept "
     "outside the database (default: subject-keys next to key_file)",
     &C::subject_key_dir},
    {"retention_visits_months", "DEPOT_RETENTION_VISITS_MONTHS", "12",
     "months after check-out that a reading-room visit is deleted",
     &C::retention_visits_months, 1, kMaxPeriodMonths},
    {"retention_loans_months", "DEPOT_RETENTION_LOANS_MONTHS", "60",
     "months after the return that a loan is deleted",
     &C::retention_loans_months, 1, kMaxPeriodMonths},
    {"retention_declarations_months", "DEPOT_RETENTION_DECLARATIONS_MONTHS",
     "12",
     "months after expiry or revocation that a confidentiality declaration "
     "is deleted",
     &C::retention_declarations_months, 1, kMaxPeriodMonths},
    {"log_level", "DEPOT_LOG_LEVEL", "info",
     "trace, debug, info, warn or error", &C::log_level},
    {"shutdown_grace_ms", "DEPOT_SHUTDOWN_GRACE_MS", "4000",
     "how long in-flight calls may finish on SIGTERM", &C::shutdown_grace_ms,
     0},
    {"streams_per_caller", "DEPOT_STREAMS_PER_CALLER", "4",
     "server streams (exports, public journal) one caller may have open at "
     "once; one more gets RESOURCE_EXHAUSTED",
     &C::streams_per_caller, 1},
    {"stream_stall_timeout_ms", "DEPOT_STREAM_STALL_TIMEOUT_MS", "30000",
     "how long a server stream waits for a client that reads nothing before "
     "it is ended",
     &C::stream_stall_timeout_ms, 1},
    {"health_check_interval_ms", "DEPOT_HEALTH_CHECK_INTERVAL_MS", "3000",
     "how often the health service checks the database",
     &C::health_check_interval_ms, 100},
    {"insecure_dev", "DEPOT_INSECURE_DEV", "false",
     "serve plaintext without client certificates (loopback only; "
     "development only); true or 1 in the file or environment",
     &C::insecure_dev},
};

int ParseWholeNumber(const Setting& setting, const std::string& value) {
  try {
    size_t used = 0;
    int parsed = std::stoi(value, &used);
    if (used == value.size() && parsed >= setting.min &&
        parsed <= setting.max) {
      return parsed;
    }
  } catch (const std::exception&) {
  }
  std::string range = setting.max == std::numeric_limits<int>::max()
                          ? ">= " + std::to_string(setting.min)
                          : "from " + std::to_string(setting.min) + " to " +
                                std::to_string(setting.max);
  throw StartupError(std::string(setting.name) + " must be a whole number " +
                     range + ", got " + QuoteInput(value));
}

bool ParseSwitch(const Setting& setting, const std::string& value) {
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  throw StartupError(std::string(setting.name) +
                     " must be true or false (or 1 or 0), got " +
                     QuoteInput(value));
}

template <class... Visitors>
struct Overloaded : Visitors... {
  using Visitors::operator()...;
};

}  // namespace

std::span<const Setting> ServerSettings() { return kSettings; }

const Setting* FindSetting(std::string_view name) {
  for (const Setting& setting : kSettings) {
    if (name == setting.name) return &setting;
  }
  return nullptr;
}

std::string FlagOf(const Setting& setting) {
  std::string flag = std::string("--") + setting.name;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

bool IsPath(const Setting& setting) {
  return std::holds_alternative<std::filesystem::path ServerConfig::*>(
             setting.field) ||
         std::holds_alternative<std::filesystem::path TlsFiles::*>(
             setting.field);
}

bool IsSwitch(const Setting& setting) {
  return std::holds_alternative<bool ServerConfig::*>(setting.field);
}

const char* TypeNameOf(const Setting& setting) {
  if (IsPath(setting)) return "PATH";
  if (IsSwitch(setting)) return "";
  if (std::holds_alternative<int ServerConfig::*>(setting.field)) return "INT";
  return "TEXT";
}

void ApplySetting(const Setting& setting, const std::string& value,
                  ServerConfig& config) {
  std::visit(Overloaded{[&](std::string ServerConfig::*field) {
                          config.*field = value;
                        },
                        [&](std::filesystem::path ServerConfig::*field) {
                          config.*field = value;
                        },
                        [&](std::filesystem::path TlsFiles::*field) {
                          config.tls.*field = value;
                        },
                        [&](int ServerConfig::*field) {
                          config.*field = ParseWholeNumber(setting, value);
                        },
                        [&](bool ServerConfig::*field) {
                          config.*field = ParseSwitch(setting, value);
                        }},
             setting.field);
}

ServerConfig::ServerConfig() {
  for (const Setting& setting : kSettings) {
    if (*setting.default_value) {
      ApplySetting(setting, setting.default_value, *this);
    }
  }
}

}  // namespace depot
