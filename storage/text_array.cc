#include "storage/text_array.h"

namespace depot::storage {

std::string TextArrayLiteral(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ',';
    // Every element quoted, so NULL, empty strings, commas and braces in a
    // value are taken literally; only quote and backslash need escaping.
    literal += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  return literal;
}

}  // namespace depot::storage
