#pragma once

#include <CLI/CLI.hpp>
#include <istream>
#include <string>
#include <vector>

namespace depot {

/// The servers' configuration file as CLI11 reads it (App::set_config):
/// `key = value` lines (key_value_file.h) whose keys are the settings of
/// config_settings.h. A relative path is relative to the file; an unknown
/// key is refused with the file and line; an empty value counts as unset.
class ServerConfigFile : public CLI::Config {
 public:
  /// file_option: the option that names the file (App::set_config's).
  explicit ServerConfigFile(const CLI::Option* file_option)
      : file_option_(file_option) {}

  /// Throws CLI::FileError saying what to fix.
  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;

  /// The settings given, as file lines; with default_also the others at
  /// their defaults too.
  std::string to_config(const CLI::App* app, bool default_also,
                        bool write_description,
                        std::string prefix) const override;

 private:
  const CLI::Option* file_option_;
};

}  // namespace depot
