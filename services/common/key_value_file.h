#pragma once

#include <filesystem>
#include <istream>
#include <map>
#include <string>
#include <vector>

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

/// One `key = value` line of such a file.
struct KeyValueLine {
  int number;  ///< from 1
  std::string key;
  std::string value;
};

/// The entries of a `key = value` file in order, repeats included; throws
/// StartupError naming path and line on a malformed line.
std::vector<KeyValueLine> ReadKeyValueLines(std::istream& in,
                                            const std::filesystem::path& path);

/// value as a path: relative ones are relative to file's directory.
std::filesystem::path PathRelativeTo(const std::filesystem::path& file,
                                     const std::string& value);

/// Reads a whole file; throws StartupError naming it when it cannot.
std::string ReadWholeFile(const std::filesystem::path& path);

/// Trims ASCII white space at both ends.
std::string Trim(const std::string& text);

}  // namespace depot
