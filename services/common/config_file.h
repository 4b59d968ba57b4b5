#pragma once

#include <CLI/CLI.hpp>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace depot {

/// The servers' configuration file as CLI11 reads it (App::set_config):
/// `key = value` lines (key_value_file.h) whose keys are the settings of
/// config_settings.h. A relative path is relative to the file; an unknown
/// key or malformed line is a problem naming the file and line; an empty
/// value counts as unset.
class ServerConfigFile : public CLI::Config {
 public:
  /// file_option: the option that names the file (App::set_config's).
  explicit ServerConfigFile(const CLI::Option* file_option)
      : file_option_(file_option) {}

  /// The file's settings; none when it has a problem, which problem() then
  /// holds. (CLI11 would drop an exception for a file the command line did
  /// not name, and --help must work whatever the file holds.)
  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;

  /// What is wrong with the file read, if anything: check after parsing.
  const std::optional<std::string>& problem() const { return problem_; }

  /// The settings given, as file lines; with default_also the others at
  /// their defaults too.
  std::string to_config(const CLI::App* app, bool default_also,
                        bool write_description,
                        std::string prefix) const override;

 private:
  std::vector<CLI::ConfigItem> Read(std::istream& input) const;

  const CLI::Option* file_option_;
  mutable std::optional<std::string> problem_;  // from_config is const
};

}  // namespace depot
