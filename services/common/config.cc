#include "services/common/config.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <memory>
#include <vector>

#include "services/common/config_file.h"
#include "services/common/config_settings.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"

namespace depot {
namespace {

// The configuration file when --config does not name one: DEPOT_CONFIG
// (which must then exist) or $DEPOT_HOME/depotd.conf (if it exists).
struct DefaultFile {
  std::string path;
  bool required;
};

DefaultFile DefaultConfigFile(const std::string& home) {
  const char* named = std::getenv("DEPOT_CONFIG");
  if (named != nullptr && *named != '\0') return {named, true};
  return {home + "/depotd.conf", false};
}

// Every setting as an option that keeps the text it was given in texts (one
// per setting); an empty text is a setting that no source set.
void AddSettingOptions(CLI::App& app, std::vector<std::string>& texts) {
  auto settings = ServerSettings();
  for (size_t i = 0; i < settings.size(); ++i) {
    const Setting& setting = settings[i];
    CLI::Option* option =
        IsSwitch(setting)
            ? app.add_flag(FlagOf(setting), texts[i], setting.meaning)
            : app.add_option(FlagOf(setting), texts[i], setting.meaning)
                  ->type_name(TypeNameOf(setting))
                  ->default_str(setting.default_value);
    option->envname(setting.env);
  }
}

// Parses into texts (see AddSettingOptions); false after printing help.
bool ParseSources(CLI::App& app, int argc, char** argv,
                  const std::string& program, const std::string& home) {
  DefaultFile file = DefaultConfigFile(home);
  CLI::Option* file_option = app.set_config(
      "--config", file.path,
      "configuration file of key = value lines (env DEPOT_CONFIG; default "
      "$DEPOT_HOME/depotd.conf when it exists)");
  auto reader = std::make_shared<ServerConfigFile>(file_option);
  app.config_formatter(reader);
  app.allow_config_extras(CLI::config_extras_mode::error);
  try {
    app.parse(argc, argv);
  } catch (const CLI::FileError&) {  // a named file it cannot open
    throw StartupError("cannot read " + file_option->as<std::string>());
  } catch (const CLI::ParseError& error) {
    if (app.exit(error) == 0) return false;
    throw StartupError("bad command line; see " + program + " --help");
  }
  if (reader->problem()) throw StartupError(*reader->problem());
  // CLI11 passes over a default file that is missing; a file that
  // DEPOT_CONFIG names must be there.
  if (file.required && file_option->count() == 0) {
    throw StartupError("cannot read " + file.path);
  }
  return true;
}

void FillDerivedDefaults(ServerConfig& config, const std::string& home) {
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
}

void CheckComplete(const ServerConfig& config) {
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
  std::string home = std::getenv("DEPOT_HOME") ? std::getenv("DEPOT_HOME")
                                               : DEPOT_DEFAULT_HOME;
  CLI::App app(description, program);
  auto settings = ServerSettings();
  std::vector<std::string> texts(settings.size());
  AddSettingOptions(app, texts);
  if (!ParseSources(app, argc, argv, program, home)) return std::nullopt;
  ServerConfig config;
  for (size_t i = 0; i < settings.size(); ++i) {
    if (!texts[i].empty()) ApplySetting(settings[i], texts[i], config);
  }
  FillDerivedDefaults(config, home);
  CheckComplete(config);
  return config;
}

}  // namespace depot
