#include "services/journal/domain/masking/words.h"

#include "services/journal/domain/masking/utf8.h"

namespace depot::journal {
namespace {

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

}  // namespace

std::vector<std::string> FoldedWords(std::string_view text) {
  std::vector<std::string> words;
  std::string folded;
  for (size_t i = 0; i <= text.size();) {
    Decoded d = i < text.size() ? DecodeUtf8At(text, i) : Decoded{' ', 1};
    if (i < text.size() && IsWordChar(d.code)) {
      AppendUtf8(FoldChar(d.code), &folded);
    } else if (!folded.empty()) {
      words.push_back(std::move(folded));
      folded.clear();
    }
    i += d.length;
  }
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

std::string_view FirstLine(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace depot::journal
