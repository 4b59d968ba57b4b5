#pragma once

#include <filesystem>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "services/common/config.h"

namespace depot {

/// Where a setting's value goes in ServerConfig. Its type follows from the
/// field: text, a path (resolved against the file's directory when it comes
/// from the configuration file), a whole number, or a switch.
using SettingField =
    std::variant<std::string ServerConfig::*,
                 std::filesystem::path ServerConfig::*,
                 std::filesystem::path TlsFiles::*,  // within ServerConfig::tls
                 int ServerConfig::*, bool ServerConfig::*>;

/// One setting of the depot servers: in the configuration file `name`, on
/// the command line `--name` with `-` for `_`, in the environment `env`.
struct Setting {
  const char* name;
  const char* env;
  /// As written in the file; "" when there is none or it follows from other
  /// settings (the meaning says how).
  const char* default_value;
  const char* meaning;
  SettingField field;
  /// Whole numbers: the range accepted.
  int min = 0;
  int max = std::numeric_limits<int>::max();
};

/// Every setting, in the order --help lists them.
std::span<const Setting> ServerSettings();

/// The setting of that file key, or nullptr.
const Setting* FindSetting(std::string_view name);

/// "--database-pool-size" for database_pool_size.
std::string FlagOf(const Setting& setting);

/// TEXT, PATH, INT, or "" for a switch (a flag without a value).
const char* TypeNameOf(const Setting& setting);

bool IsPath(const Setting& setting);
bool IsSwitch(const Setting& setting);

/// Stores value in the setting's field; throws StartupError saying what a
/// valid value is.
void ApplySetting(const Setting& setting, const std::string& value,
                  ServerConfig& config);

}  // namespace depot
