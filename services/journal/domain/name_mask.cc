#include "services/journal/domain/name_mask.h"

#include "services/journal/domain/codes.h"

namespace depot::journal {
namespace {

// One decoded UTF-8 character: its code point and byte length. Malformed
// bytes decode as themselves with length 1 (they count as letters, so
// they never split a name in two).
struct Decoded {
  char32_t code;
  size_t length;
};

Decoded DecodeAt(std::string_view text, size_t i) {
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

void Encode(char32_t code, std::string* out) {
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

// Letters and digits of names and titles; punctuation, symbols and spaces
// (ASCII, Latin-1's, the general punctuation and symbol blocks, CJK and
// full-width punctuation) separate words.
bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  }
  if (c <= 0xBF) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  return true;
}

char32_t FoldChar(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;       // Latin-1
  if (c >= 0x100 && c <= 0x137) return c | 1;                     // Ā..ķ
  if (c >= 0x139 && c <= 0x148) return (c % 2 == 1) ? c + 1 : c;  // Ĺ..ň
  if (c >= 0x14A && c <= 0x177) return c | 1;                     // Ŋ..ŷ
  if (c == 0x178) return 0xFF;                                    // Ÿ
  if (c >= 0x179 && c <= 0x17E) return (c % 2 == 1) ? c + 1 : c;  // Ź..ž
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;    // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                  // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                  // Ѐ..Џ
  return c;
}

// Calls on_word(folded, begin, end) and on_gap(begin, end) for the maximal
// runs of word and separator characters of text, in order.
template <typename OnWord, typename OnGap>
void Segment(std::string_view text, OnWord on_word, OnGap on_gap) {
  size_t i = 0;
  while (i < text.size()) {
    size_t begin = i;
    bool word = IsWordChar(DecodeAt(text, i).code);
    std::string folded;
    while (i < text.size()) {
      Decoded d = DecodeAt(text, i);
      if (IsWordChar(d.code) != word) break;
      if (word) Encode(FoldChar(d.code), &folded);
      i += d.length;
    }
    if (word) {
      on_word(folded, begin, i);
    } else {
      on_gap(begin, i);
    }
  }
}

bool AllWhiteSpace(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> FoldedWords(std::string_view text) {
  std::vector<std::string> words;
  Segment(
      text,
      [&](const std::string& folded, size_t, size_t) {
        words.push_back(folded);
      },
      [](size_t, size_t) {});
  return words;
}

std::string CanonicalName(std::string_view name) {
  std::string canonical;
  for (const std::string& word : FoldedWords(name)) {
    if (!canonical.empty()) canonical += ' ';
    canonical += word;
  }
  return canonical;
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
    Decoded d = DecodeAt(text, i);
    if (d.length != length) return false;
    // Overlong forms, surrogates and values past Unicode.
    if ((length == 2 && d.code < 0x80) || (length == 3 && d.code < 0x800) ||
        (length == 4 && d.code < 0x10000) ||
        (d.code >= 0xD800 && d.code <= 0xDFFF) || d.code > 0x10FFFF) {
      return false;
    }
    i += length;
  }
  return true;
}

void NameMask::AddName(std::string_view name) {
  std::string canonical = CanonicalName(name);
  if (canonical.empty()) return;
  names_.insert(canonical);
  for (std::string& word : FoldedWords(name)) parts_.insert(std::move(word));
}

bool NameMask::HidesName(std::string_view name) const {
  return names_.count(CanonicalName(name)) > 0;
}

bool NameMask::HidesWord(const std::string& folded) const {
  if (parts_.count(folded) > 0) return true;
  // Norwegian genitive: "Nordmanns søknad".
  return folded.size() > 1 && folded.back() == 's' &&
         parts_.count(folded.substr(0, folded.size() - 1)) > 0;
}

std::string NameMask::Apply(std::string_view text) const {
  if (parts_.empty()) return std::string(text);
  std::string out;
  std::string
      pending_gap;  // white space after a mask, dropped if another follows
  bool after_mask = false;
  Segment(
      text,
      [&](const std::string& folded, size_t begin, size_t end) {
        if (HidesWord(folded)) {
          if (!after_mask) {
            out += pending_gap;
            out += kMask;
          }
          pending_gap.clear();
          after_mask = true;
          return;
        }
        out += pending_gap;
        pending_gap.clear();
        out += text.substr(begin, end - begin);
        after_mask = false;
      },
      [&](size_t begin, size_t end) {
        std::string_view gap = text.substr(begin, end - begin);
        if (after_mask && AllWhiteSpace(gap)) {
          pending_gap += gap;
          return;
        }
        out += pending_gap;
        pending_gap.clear();
        out += gap;
        after_mask = false;
      });
  out += pending_gap;
  return out;
}

std::string_view FirstLine(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace depot::journal
