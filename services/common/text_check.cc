#include "services/common/text_check.h"

#include <cstdint>
#include <cstdio>

namespace depot {
namespace {

// Decodes the UTF-8 sequence at text[at]; returns its length and sets
// *code_point, or returns 0 for an invalid sequence (overlong forms,
// surrogates and values past U+10FFFF included).
size_t DecodeUtf8(std::string_view text, size_t at, char32_t* code_point) {
  auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  uint8_t first = byte(at);
  if (first < 0x80) {
    *code_point = first;
    return 1;
  }
  size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((first & 0xE0) == 0xC0) {
    length = 2;
    value = first & 0x1F;
    minimum = 0x80;
  } else if ((first & 0xF0) == 0xE0) {
    length = 3;
    value = first & 0x0F;
    minimum = 0x800;
  } else if ((first & 0xF8) == 0xF0) {
    length = 4;
    value = first & 0x07;
    minimum = 0x10000;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    uint8_t next = byte(at + i);
    if ((next & 0xC0) != 0x80) return 0;
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  *code_point = value;
  return length;
}

bool IsControl(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

}  // namespace

std::optional<std::string> TextProblem(std::string_view text, TextLimit limit) {
  size_t characters = 0;
  for (size_t at = 0; at < text.size();) {
    char32_t c = 0;
    size_t length = DecodeUtf8(text, at, &c);
    ++characters;
    if (length == 0) {
      return "is not valid UTF-8 (byte " + std::to_string(at + 1) +
             "); send text in UTF-8";
    }
    if (c == 0) {
      return "holds a NUL character (character " + std::to_string(characters) +
             "); remove it";
    }
    bool allowed_break =
        limit.multiline && (c == '\t' || c == '\n' || c == '\r');
    if (IsControl(c) && !allowed_break) {
      char code[16];
      std::snprintf(code, sizeof(code), "U+%04X", static_cast<unsigned>(c));
      return std::string("holds the control character ") + code +
             " (character " + std::to_string(characters) + "); " +
             (limit.multiline ? "only tab and line breaks are allowed"
                              : "it must be one line of printable text");
    }
    at += length;
  }
  if (characters > limit.max_chars) {
    return "is " + std::to_string(characters) + " characters long; at most " +
           std::to_string(limit.max_chars) + " are allowed";
  }
  return std::nullopt;
}

size_t CharacterCount(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return count;
}

std::string QuoteInput(std::string_view text, size_t max_chars) {
  std::string quoted = "\"";
  size_t characters = 0;
  size_t at = 0;
  while (at < text.size() && characters < max_chars) {
    char32_t c = 0;
    size_t length = DecodeUtf8(text, at, &c);
    if (length == 0) {
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\x%02X",
                    static_cast<unsigned>(static_cast<uint8_t>(text[at])));
      quoted += escaped;
      length = 1;
    } else if (IsControl(c) || c == '"' || c == '\\') {
      char escaped[16];
      if (c == '"' || c == '\\') {
        std::snprintf(escaped, sizeof(escaped), "\\%c", static_cast<char>(c));
      } else {
        std::snprintf(escaped, sizeof(escaped), "\\u%04X",
                      static_cast<unsigned>(c));
      }
      quoted += escaped;
    } else {
      quoted.append(text.substr(at, length));
    }
    at += length;
    ++characters;
  }
  quoted += '"';
  if (at < text.size()) {
    quoted += " (and " + std::to_string(text.size() - at) + " more bytes)";
  }
  return quoted;
}

std::string TruncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  // Step back over continuation bytes to the start of a sequence.
  while (end > 0 && (static_cast<uint8_t>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

}  // namespace depot
