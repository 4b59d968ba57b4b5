#include "services/noark/noark5_text.h"

namespace depot::noark {

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string Quote(std::string_view text, size_t max_chars) {
  if (text.size() > max_chars) {
    return "'" + std::string(text.substr(0, max_chars)) + "...'";
  }
  return "'" + std::string(text) + "'";
}

std::string WithoutPrefix(const std::string& qualified) {
  auto colon = qualified.find(':');
  return colon == std::string::npos ? qualified : qualified.substr(colon + 1);
}

bool IsOneOf(const std::string& name,
             std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

bool IsPersonIdElement(const std::string& name) {
  return IsOneOf(
      name, {"foedselsnummer", "dNummer", "personID", "personidentifikator"});
}

}  // namespace depot::noark
