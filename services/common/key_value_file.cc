#include "services/common/key_value_file.h"

#include <fstream>
#include <sstream>

#include "services/common/error.h"

namespace depot {

std::string Trim(const std::string& text) {
  const char* kSpace = " \t\r\n";
  auto first = text.find_first_not_of(kSpace);
  if (first == std::string::npos) return "";
  auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StartupError("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<KeyValueLine> ReadKeyValueLines(std::istream& in,
                                            const std::filesystem::path& path) {
  std::vector<KeyValueLine> lines;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    line = Trim(line);
    if (line.empty()) continue;
    auto equals = line.find('=');
    if (equals == std::string::npos) {
      throw StartupError(path.string() + ":" + std::to_string(number) +
                         ": expected `key = value`");
    }
    lines.push_back(
        {number, Trim(line.substr(0, equals)), Trim(line.substr(equals + 1))});
  }
  return lines;
}

std::filesystem::path PathRelativeTo(const std::filesystem::path& file,
                                     const std::string& value) {
  std::filesystem::path p(value);
  if (p.is_absolute() || value.empty()) return p;
  return file.parent_path() / p;
}

KeyValueFile KeyValueFile::Read(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw StartupError("cannot read " + path.string());
  KeyValueFile file{path, {}};
  for (KeyValueLine& line : ReadKeyValueLines(in, path)) {
    file.entries[line.key] = std::move(line.value);
  }
  return file;
}

std::filesystem::path KeyValueFile::PathValue(const std::string& value) const {
  return PathRelativeTo(path, value);
}

}  // namespace depot
