#pragma once

// Small Unicode text helpers of the leak test's generator and checker.
#include <unicode/unistr.h>

#include <string>

namespace depot::journal::testing {

inline icu::UnicodeString U(const std::string& text) {
  return icu::UnicodeString::fromUTF8(text);
}

inline std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

inline std::string Replace(std::string text, const std::string& from,
                           const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace depot::journal::testing
