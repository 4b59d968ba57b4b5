#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace depot {

/// A `key = value` file: one entry per line, `#` starts a comment, blank
/// lines ignored. Used for depotd.conf, cli.conf and roles.conf.
struct KeyValueFile {
  std::filesystem::path path;
  std::map<std::string, std::string> entries;

  /// Reads the file; throws StartupError naming the file and line on a
  /// malformed line or when it cannot be read.
  static KeyValueFile Read(const std::filesystem::path& path);

  /// A path value, resolved relative to the file's directory.
  std::filesystem::path PathValue(const std::string& value) const;
};

/// Reads a whole file; throws StartupError naming it when it cannot.
std::string ReadWholeFile(const std::filesystem::path& path);

/// Trims ASCII white space at both ends.
std::string Trim(const std::string& text);

}  // namespace depot
