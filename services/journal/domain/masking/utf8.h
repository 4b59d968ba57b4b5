#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace depot::journal {

/// One decoded UTF-8 character: its code point and byte length. Malformed
/// bytes decode as themselves with length 1, so a scan always advances.
struct Decoded {
  char32_t code;
  size_t length;
};

Decoded DecodeUtf8At(std::string_view text, size_t i);
void AppendUtf8(char32_t code, std::string* out);

/// True when text is well-formed UTF-8 (no overlong forms, surrogates or
/// values past U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace depot::journal
