#include "clients/cli/count_option.h"

#include <charconv>

#include "services/common/text_check.h"

namespace depot::cli {

CLI::Option* AddCountOption(CLI::App* command, const std::string& name,
                            int& value, const std::string& help, int max) {
  std::string range = "1-" + std::to_string(max);
  CLI::Validator count(
      [max, range](std::string& text) -> std::string {
        int parsed = 0;
        auto [end, error] =
            std::from_chars(text.data(), text.data() + text.size(), parsed);
        if (error == std::errc() && end == text.data() + text.size() &&
            parsed >= 1 && parsed <= max) {
          return "";
        }
        return "must be a whole number from 1 to " + std::to_string(max) +
               ", not " + QuoteInput(text, 20);
      },
      range);
  return command->add_option(name, value, help)
      ->check(count);
}

}  // namespace depot::cli
