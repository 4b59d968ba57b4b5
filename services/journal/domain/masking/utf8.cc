#include "services/journal/domain/masking/utf8.h"

namespace depot::journal {

Decoded DecodeUtf8At(std::string_view text, size_t i) {
  unsigned char c = text[i];
  auto continuation = [&](size_t k) {
    return i + k < text.size() &&
           (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) return {c, 1};
  if ((c & 0xE0) == 0xC0 && continuation(1)) {
    return {static_cast<char32_t>(((c & 0x1F) << 6) | (text[i + 1] & 0x3F)), 2};
  }
  if ((c & 0xF0) == 0xE0 && continuation(1) && continuation(2)) {
    return {
        static_cast<char32_t>(((c & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) |
                              (text[i + 2] & 0x3F)),
        3};
  }
  if ((c & 0xF8) == 0xF0 && continuation(1) && continuation(2) &&
      continuation(3)) {
    return {static_cast<char32_t>(
                ((c & 0x07) << 18) | ((text[i + 1] & 0x3F) << 12) |
                ((text[i + 2] & 0x3F) << 6) | (text[i + 3] & 0x3F)),
            4};
  }
  return {c, 1};
}

void AppendUtf8(char32_t code, std::string* out) {
  if (code < 0x80) {
    *out += static_cast<char>(code);
  } else if (code < 0x800) {
    *out += static_cast<char>(0xC0 | (code >> 6));
    *out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    *out += static_cast<char>(0xE0 | (code >> 12));
    *out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (code >> 18));
    *out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = text[i];
    size_t length = c < 0x80             ? 1
                    : (c & 0xE0) == 0xC0 ? 2
                    : (c & 0xF0) == 0xE0 ? 3
                    : (c & 0xF8) == 0xF0 ? 4
                                         : 0;
    if (length == 0 || i + length > text.size()) return false;
    Decoded d = DecodeUtf8At(text, i);
    if (d.length != length) return false;
    if ((length == 2 && d.code < 0x80) || (length == 3 && d.code < 0x800) ||
        (length == 4 && d.code < 0x10000) ||
        (d.code >= 0xD800 && d.code <= 0xDFFF) || d.code > 0x10FFFF) {
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace depot::journal
