// LoadServerConfig: which source wins (flag, environment, file, default),
// what the file may hold, and what a bad value says.
#include "services/common/config.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

#include "services/common/config_file.h"
#include "services/common/config_settings.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "tests/support/process.h"

namespace depot {
namespace {

// Each test starts from an environment without the settings it uses and
// without a developer's $DEPOT_HOME/depotd.conf, and restores it after.
class ServerConfigSources : public ::testing::Test {
 protected:
  ServerConfigSources() {
    SetEnv("DEPOT_HOME", "/nonexistent");
    for (const char* name :
         {"DEPOT_CONFIG", "DEPOT_LISTEN", "DEPOT_DATABASE_POOL_SIZE",
          "DEPOT_STREAMS_PER_CALLER", "DEPOT_SHUTDOWN_GRACE_MS",
          "DEPOT_INSECURE_DEV", "DEPOT_LOG_LEVEL"}) {
      SetEnv(name, nullptr);
    }
  }
  ~ServerConfigSources() override {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) {
        setenv(it->first.c_str(), it->second->c_str(), 1);
      } else {
        unsetenv(it->first.c_str());
      }
    }
  }

  void SetEnv(const std::string& name, const char* value) {
    const char* old = std::getenv(name.c_str());
    saved_.emplace_back(name,
                        old ? std::optional<std::string>(old) : std::nullopt);
    if (value) {
      setenv(name.c_str(), value, 1);
    } else {
      unsetenv(name.c_str());
    }
  }

  std::filesystem::path WriteFile(const std::string& text) {
    auto path = dir_.path() / "depotd.conf";
    std::ofstream(path) << text;
    return path;
  }

  // What a server cannot start without, then args.
  static std::vector<std::string> WithRequired(
      const std::vector<std::string>& args) {
    std::vector<std::string> all = {
        "--database=dbname=depot", "--roles-file=/pki/roles.conf",
        "--tls-cert=/pki/server.crt", "--tls-key=/pki/server.key",
        "--tls-ca=/pki/ca.crt"};
    all.insert(all.end(), args.begin(), args.end());
    return all;
  }

  static std::optional<ServerConfig> LoadExactly(
      const std::vector<std::string>& args) {
    std::vector<std::string> all = {"depotd"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : all) argv.push_back(arg.data());
    return LoadServerConfig(static_cast<int>(argv.size()), argv.data(),
                            "depotd", "depotd under test");
  }

  static ServerConfig Load(const std::vector<std::string>& args) {
    auto config = LoadExactly(WithRequired(args));
    if (!config) throw std::runtime_error("no configuration: help printed");
    return *config;
  }

  static std::string RefusalOf(const std::vector<std::string>& args) {
    try {
      LoadExactly(args);
    } catch (const StartupError& error) {
      return error.what();
    }
    return "(not refused)";
  }
  static std::string Refusal(const std::vector<std::string>& args) {
    return RefusalOf(WithRequired(args));
  }
  static std::string RefusalWithout(const std::string& required) {
    auto args = WithRequired({});
    std::erase(args, required);
    return RefusalOf(args);
  }

  testing::TempDir dir_;
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(ServerConfigSources, FlagBeatsEnvironmentBeatsFileBeatsDefault) {
  auto file = WriteFile(
      "listen = 127.0.0.1:1001\n"
      "database_pool_size = 3\n"
      "log_level = debug\n");
  SetEnv("DEPOT_LISTEN", "127.0.0.1:1002");
  SetEnv("DEPOT_DATABASE_POOL_SIZE", "5");
  ServerConfig config =
      Load({"--config=" + file.string(), "--listen=127.0.0.1:1003"});
  EXPECT_EQ(config.listen, "127.0.0.1:1003");
  EXPECT_EQ(config.database_pool_size, 5);
  EXPECT_EQ(config.log_level, "debug");
  EXPECT_EQ(config.shutdown_grace_ms, 4000);
}

TEST_F(ServerConfigSources, EnvironmentBeatsFileWithoutAFlag) {
  auto file = WriteFile("listen = 127.0.0.1:1001\nstreams_per_caller = 2\n");
  SetEnv("DEPOT_LISTEN", "127.0.0.1:1002");
  SetEnv("DEPOT_STREAMS_PER_CALLER", "7");
  ServerConfig config = Load({"--config=" + file.string()});
  EXPECT_EQ(config.listen, "127.0.0.1:1002");
  EXPECT_EQ(config.streams_per_caller, 7);
}

TEST_F(ServerConfigSources, AnEmptyEnvironmentVariableIsNotSet) {
  auto file = WriteFile("listen = 127.0.0.1:1001\n");
  SetEnv("DEPOT_LISTEN", "");
  EXPECT_EQ(Load({"--config=" + file.string()}).listen, "127.0.0.1:1001");
}

TEST_F(ServerConfigSources, DefaultsWhenNothingIsSet) {
  ServerConfig config = Load({});
  EXPECT_EQ(config.listen, "127.0.0.1:7443");
  EXPECT_EQ(config.database_pool_size, 8);
  EXPECT_EQ(config.database_pool_wait_ms, 10000);
  EXPECT_EQ(config.retention_daily_at, "03:15");
  EXPECT_EQ(config.reading_room_closes, "15:30");
  EXPECT_EQ(config.access_request_retention_months, 36);
  EXPECT_EQ(config.retention_loans_months, 60);
  EXPECT_EQ(config.health_check_interval_ms, 3000);
  EXPECT_FALSE(config.migrations_dir.empty());
  EXPECT_FALSE(config.insecure_dev);
}

TEST_F(ServerConfigSources, TheFileComesFromDepotConfigOrDepotHome) {
  auto file = WriteFile("listen = 127.0.0.1:1001\n");
  SetEnv("DEPOT_HOME", file.parent_path().c_str());
  SetEnv("DEPOT_CONFIG", "");  // empty: not set
  EXPECT_EQ(Load({}).listen, "127.0.0.1:1001");

  std::ofstream(file.parent_path() / "other.conf") << "listen = :1004\n";
  SetEnv("DEPOT_CONFIG", (file.parent_path() / "other.conf").c_str());
  EXPECT_EQ(Load({}).listen, ":1004");
}

TEST_F(ServerConfigSources, PathsInTheFileAreRelativeToIt) {
  auto file = WriteFile("migrations_dir = sql\nkey_file = /keys/depot.keys\n");
  ServerConfig config =
      Load({"--config=" + file.string(), "--revoked-file=revoked.conf"});
  EXPECT_EQ(config.migrations_dir, file.parent_path() / "sql");
  EXPECT_EQ(config.key_file, "/keys/depot.keys");
  EXPECT_EQ(config.revoked_file, "revoked.conf");  // a flag's path as given
}

TEST_F(ServerConfigSources, TheLastOfARepeatedKeyWins) {
  auto file = WriteFile("log_level = debug\nlog_level = warn\n");
  EXPECT_EQ(Load({"--config=" + file.string()}).log_level, "warn");
}

TEST_F(ServerConfigSources, EverySettingIsReadFromTheFile) {
  auto file = WriteFile(
      "eligibility_years = kindergarten=5 pupil=10\n"
      "subject_key_dir = /keys/subjects\n"
      "readingroom_address = 10.0.0.2:7443\n"
      "retention_declarations_months = 6\n");
  ServerConfig config = Load({"--config=" + file.string()});
  EXPECT_EQ(config.eligibility_years, "kindergarten=5 pupil=10");
  EXPECT_EQ(config.subject_key_dir, "/keys/subjects");
  EXPECT_EQ(config.readingroom_address, "10.0.0.2:7443");
  EXPECT_EQ(config.retention_declarations_months, 6);
}

TEST_F(ServerConfigSources, DefaultsThatFollowFromOtherSettings) {
  ServerConfig config =
      Load({"--listen=0.0.0.0:9000", "--key-file=/keys/depot.keys"});
  EXPECT_EQ(config.deposits_address, "127.0.0.1:9000");
  EXPECT_EQ(config.service_tls_cert, "/pki/service.crt");
  EXPECT_EQ(config.service_tls_key, "/pki/service.key");
  EXPECT_EQ(config.subject_key_dir, "/keys/subject-keys");
  EXPECT_EQ(config.seal_key_file, "/keys/declaration-seal.pem");
  EXPECT_EQ(config.audit_key_file, "/keys/audit-signing.key");
}

TEST_F(ServerConfigSources, InsecureDevFromFlagEnvironmentOrFile) {
  EXPECT_TRUE(Load({"--insecure-dev"}).insecure_dev);
  auto file = WriteFile("insecure_dev = true\n");
  EXPECT_TRUE(Load({"--config=" + file.string()}).insecure_dev);
  SetEnv("DEPOT_INSECURE_DEV", "1");
  EXPECT_TRUE(Load({}).insecure_dev);
}

TEST_F(ServerConfigSources, AnUnknownKeyInTheFileIsRefusedWithItsLine) {
  auto file = WriteFile("listen = :1001\n\n# comment\nlisen = :1002\n");
  std::string message = Refusal({"--config=" + file.string()});
  EXPECT_NE(message.find(file.string() + ":4"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown setting \"lisen\""), std::string::npos)
      << message;
}

TEST_F(ServerConfigSources, TheDefaultFileIsCheckedLikeANamedOne) {
  auto file = WriteFile("listen = :1001\nlisen = :1002\n");
  SetEnv("DEPOT_HOME", file.parent_path().c_str());
  std::string message = Refusal({});
  EXPECT_NE(message.find(file.string() + ":2: unknown setting"),
            std::string::npos)
      << message;
  ::testing::internal::CaptureStdout();
  EXPECT_FALSE(LoadExactly({"--help"}).has_value());  // help despite the file
  EXPECT_NE(::testing::internal::GetCapturedStdout().find("--listen"),
            std::string::npos);
}

TEST_F(ServerConfigSources, AMalformedLineIsRefusedWithItsLine) {
  auto file = WriteFile("listen = :1001\ndebug\n");
  std::string message = Refusal({"--config=" + file.string()});
  EXPECT_NE(message.find(file.string() + ":2: expected `key = value`"),
            std::string::npos)
      << message;
}

TEST_F(ServerConfigSources, AMissingFileIsRefused) {
  EXPECT_EQ(Refusal({"--config=/nonexistent/depotd.conf"}),
            "cannot read /nonexistent/depotd.conf");
  SetEnv("DEPOT_CONFIG", "/nonexistent/other.conf");
  EXPECT_EQ(Refusal({}), "cannot read /nonexistent/other.conf");
}

TEST_F(ServerConfigSources, BadValuesSayWhatToFixWhateverTheirSource) {
  EXPECT_EQ(Refusal({"--database-pool-size=0"}),
            "database_pool_size must be a whole number >= 1, got \"0\"");
  SetEnv("DEPOT_SHUTDOWN_GRACE_MS", "soon");
  EXPECT_EQ(Refusal({}),
            "shutdown_grace_ms must be a whole number >= 0, got \"soon\"");
  SetEnv("DEPOT_SHUTDOWN_GRACE_MS", nullptr);
  auto file = WriteFile("declaration_validity_years = 101\n");
  EXPECT_EQ(Refusal({"--config=" + file.string()}),
            "declaration_validity_years must be a whole number from 1 to "
            "100, got \"101\"");
}

TEST_F(ServerConfigSources, MissingRequiredSettingsAreNamed) {
  std::string message = RefusalWithout("--database=dbname=depot");
  EXPECT_NE(message.find("no database configured"), std::string::npos)
      << message;
  message = RefusalWithout("--roles-file=/pki/roles.conf");
  EXPECT_NE(message.find("no roles file configured"), std::string::npos)
      << message;
}

TEST_F(ServerConfigSources, HelpListsEverySettingWithEnvironmentAndDefault) {
  ::testing::internal::CaptureStdout();
  auto config = LoadExactly({"--help"});
  std::string help = ::testing::internal::GetCapturedStdout();
  EXPECT_FALSE(config.has_value());
  for (const Setting& setting : ServerSettings()) {
    std::string option = FlagOf(setting);
    if (!IsSwitch(setting)) option += std::string(" ") + TypeNameOf(setting);
    if (*setting.default_value && !IsSwitch(setting)) {
      option += std::string("=") + setting.default_value;
    }
    option += std::string(" (Env:") + setting.env + ")";
    EXPECT_NE(help.find(option), std::string::npos) << option << "\n" << help;
    EXPECT_NE(help.find(setting.meaning), std::string::npos) << setting.name;
  }
}

TEST(ServerSettings, FlagAndVariableFollowTheName) {
  for (const Setting& setting : ServerSettings()) {
    std::string env = "DEPOT_";
    for (const char* c = setting.name; *c; ++c) env += std::toupper(*c);
    EXPECT_EQ(setting.env, env);
    EXPECT_EQ(FindSetting(setting.name), &setting);
  }
  EXPECT_EQ(FlagOf(*FindSetting("database_pool_size")), "--database-pool-size");
}

TEST(ServerSettings, DefaultConstructionTakesTheDeclaredDefaults) {
  ServerConfig config;
  EXPECT_EQ(config.listen, "127.0.0.1:7443");
  EXPECT_EQ(config.stream_stall_timeout_ms, 30000);
  EXPECT_EQ(config.log_level, "info");
  EXPECT_TRUE(config.database.empty());
  EXPECT_FALSE(config.insecure_dev);
}

TEST(ServerConfigFile, WritesTheSettingsGivenAsFileLines) {
  CLI::App app;
  std::string listen, log_level;
  CLI::Option* file = app.set_config("--config");
  app.config_formatter(std::make_shared<ServerConfigFile>(file));
  app.add_option("--listen", listen);
  app.add_option("--log-level", log_level);
  std::vector<std::string> args = {"depotd", "--listen=:1001"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  app.parse(static_cast<int>(argv.size()), argv.data());
  EXPECT_EQ(app.config_to_str(false, false), "listen = :1001\n");
  std::string all = app.config_to_str(true, false);
  EXPECT_NE(all.find("listen = :1001\n"), std::string::npos) << all;
  EXPECT_NE(all.find("\nlog_level = info\n"), std::string::npos) << all;
}

// Until the settings reference is generated from the table, the operators'
// guide is checked against it.
TEST(ServerSettings, TheOperatorsGuideNamesEverySetting) {
  std::string guide =
      ReadWholeFile(testing::SourceDir() / "docs" / "operators.md");
  for (const Setting& setting : ServerSettings()) {
    EXPECT_NE(guide.find(std::string("`") + setting.name + "`"),
              std::string::npos)
        << setting.name;
    EXPECT_NE(guide.find(setting.env), std::string::npos) << setting.env;
  }
}

}  // namespace
}  // namespace depot
