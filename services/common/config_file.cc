#include "services/common/config_file.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "services/common/config_settings.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/text_check.h"

namespace depot {

std::vector<CLI::ConfigItem> ServerConfigFile::from_config(
    std::istream& input) const {
  try {
    return Read(input);
  } catch (const StartupError& error) {
    problem_ = error.what();
    return {};
  }
}

std::vector<CLI::ConfigItem> ServerConfigFile::Read(std::istream& input) const {
  // CLI11 reads the file while it parses, once the command line has named
  // it (or left the option at its default).
  std::filesystem::path path = file_option_->as<std::string>();
  std::vector<KeyValueLine> lines = ReadKeyValueLines(input, path);
  std::map<std::string, CLI::ConfigItem> items;  // the last line of a key wins
  for (const KeyValueLine& line : lines) {
    const Setting* setting = FindSetting(line.key);
    if (setting == nullptr) {
      throw StartupError(path.string() + ":" + std::to_string(line.number) +
                         ": unknown setting " + QuoteInput(line.key));
    }
    // CLI11 applies the file first and the environment only to options the
    // file left unset; leaving out the keys whose variable is set keeps the
    // environment stronger than the file.
    const char* env = std::getenv(setting->env);
    if ((env != nullptr && *env != '\0') || line.value.empty()) {
      items.erase(line.key);
      continue;
    }
    CLI::ConfigItem& item = items[line.key];
    item.name = FlagOf(*setting).substr(2);
    item.inputs = {IsPath(*setting) ? PathRelativeTo(path, line.value).string()
                                    : line.value};
  }
  std::vector<CLI::ConfigItem> result;
  for (auto& [key, item] : items) result.push_back(std::move(item));
  return result;
}

std::string ServerConfigFile::to_config(const CLI::App* app, bool default_also,
                                        bool, std::string) const {
  std::ostringstream out;
  for (const Setting& setting : ServerSettings()) {
    const CLI::Option* option = app->get_option_no_throw(FlagOf(setting));
    if (option != nullptr && option->count() > 0) {
      out << setting.name << " = " << option->results().back() << "\n";
    } else if (default_also) {
      out << setting.name << " = " << setting.default_value << "\n";
    }
  }
  return out.str();
}

}  // namespace depot
