#include "services/journal/domain/masking/skeleton.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <string>
#include <vector>

#include "services/journal/domain/masking/utf8.h"

namespace depot::journal {
namespace {

const UNormalizer2* Nfkc() {
  UErrorCode error = U_ZERO_ERROR;
  static const UNormalizer2* nfkc = unorm2_getNFKCInstance(&error);
  return nfkc;
}

const UNormalizer2* Nfd() {
  UErrorCode error = U_ZERO_ERROR;
  static const UNormalizer2* nfd = unorm2_getNFDInstance(&error);
  return nfd;
}

// The compatibility (NFKC) form of one code point as code points; the code
// point itself when it has none.
std::u32string CompatibilityForm(char32_t c) {
  UChar source[2];
  int32_t length = 0;
  UBool unused = false;
  U16_APPEND(source, length, 2, static_cast<UChar32>(c), unused);
  (void)unused;
  UChar target[32];
  UErrorCode error = U_ZERO_ERROR;
  int32_t n = unorm2_normalize(Nfkc(), source, length, target, 32, &error);
  std::u32string out;
  if (U_FAILURE(error)) return std::u32string(1, c);
  for (int32_t i = 0; i < n;) {
    UChar32 code;
    U16_NEXT(target, i, n, code);
    out += static_cast<char32_t>(code);
  }
  return out;
}

// NFKC of a whole word, as code points (malformed UTF-8 decodes to itself
// byte by byte and normalizes as that).
std::u32string NormalizedCodePoints(std::string_view text) {
  std::vector<UChar> utf16;
  utf16.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    Decoded d = DecodeUtf8At(text, i);
    i += d.length;
    UChar pair[2];
    int32_t length = 0;
    UBool unused = false;
    U16_APPEND(pair, length, 2, static_cast<UChar32>(d.code), unused);
    (void)unused;
    utf16.insert(utf16.end(), pair, pair + length);
  }
  UErrorCode error = U_ZERO_ERROR;
  int32_t needed =
      unorm2_normalize(Nfkc(), utf16.data(), static_cast<int32_t>(utf16.size()),
                       nullptr, 0, &error);
  std::vector<UChar> normalized(static_cast<size_t>(needed) + 1);
  error = U_ZERO_ERROR;
  int32_t n = unorm2_normalize(
      Nfkc(), utf16.data(), static_cast<int32_t>(utf16.size()),
      normalized.data(), static_cast<int32_t>(normalized.size()), &error);
  std::u32string out;
  if (U_FAILURE(error)) n = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 code;
    U16_NEXT(normalized.data(), i, n, code);
    out += static_cast<char32_t>(code);
  }
  return out;
}

// The letter without its diacritics: the first code point of its
// canonical decomposition.
char32_t BaseOf(char32_t c) {
  UChar decomposition[16];
  UErrorCode error = U_ZERO_ERROR;
  int32_t n = unorm2_getDecomposition(Nfd(), static_cast<UChar32>(c),
                                      decomposition, 16, &error);
  if (U_FAILURE(error) || n <= 0) return c;
  int32_t i = 0;
  UChar32 first;
  U16_NEXT(decomposition, i, n, first);
  return static_cast<char32_t>(first);
}

// The Nordic letters and the letters NFD does not take apart; false when c
// is none of them.
bool AppendSpecial(char32_t c, std::string* out) {
  switch (c) {
    case 0xE5:  // å
      *out += 'a';
      return true;
    case 0xE6:  // æ
    case 0xE4:  // ä
      *out += 'e';
      return true;
    case 0xF8:   // ø
    case 0xF6:   // ö
    case 0x153:  // œ
      *out += 'o';
      return true;
    case 0xDF:  // ß
      *out += "ss";
      return true;
    case 0xF0:   // ð
    case 0x111:  // đ
      *out += 'd';
      return true;
    case 0xFE:  // þ
      *out += "th";
      return true;
    case 0x142:  // ł
      *out += 'l';
      return true;
    case 0x131:  // ı
      *out += 'i';
      return true;
    case 0x14B:  // ŋ
      *out += 'n';
      return true;
    default:
      return false;
  }
}

// aa -> a, oe -> o, ae -> e until none is left.
std::string ReduceDigraphs(std::string text) {
  bool changed = true;
  while (changed) {
    changed = false;
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      if (i + 1 < text.size()) {
        char a = text[i];
        char b = text[i + 1];
        if ((a == 'a' && b == 'a') || (a == 'o' && b == 'e') ||
            (a == 'a' && b == 'e')) {
          out += (a == 'a' && b == 'e') ? 'e' : a;
          ++i;
          changed = true;
          continue;
        }
      }
      out += text[i];
    }
    text.swap(out);
  }
  return text;
}

bool IsMark(char32_t c) {
  int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
         type == U_COMBINING_SPACING_MARK;
}

}  // namespace

bool IsInvisibleCharacter(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c),
                             UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool IsWordCharacter(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  }
  if (u_isalnum(static_cast<UChar32>(c)) || IsMark(c)) return true;
  if (u_charType(static_cast<UChar32>(c)) != U_OTHER_SYMBOL) return false;
  std::u32string form = CompatibilityForm(c);
  if (form.empty() || (form.size() == 1 && form[0] == c)) return false;
  for (char32_t k : form) {
    if (!u_isalnum(static_cast<UChar32>(k)) && !IsMark(k)) return false;
  }
  return true;
}

bool IsUpperCaseLetter(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) ||
         u_istitle(static_cast<UChar32>(c));
}

bool IsLowerCaseLetter(char32_t c) {
  return u_islower(static_cast<UChar32>(c));
}

bool IsDigitCharacter(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }

std::string Skeleton(std::string_view word) {
  std::string folded;
  for (char32_t c : NormalizedCodePoints(word)) {
    if (IsInvisibleCharacter(c)) continue;
    c = static_cast<char32_t>(
        u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    if (AppendSpecial(c, &folded)) continue;
    char32_t base = BaseOf(c);
    if (AppendSpecial(base, &folded)) continue;
    if (!u_isalnum(static_cast<UChar32>(base))) continue;
    if (base < 0x80) {
      folded += static_cast<char>(base);
    } else {
      AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(base),
                                                  U_FOLD_CASE_DEFAULT)),
                 &folded);
    }
  }
  return ReduceDigraphs(std::move(folded));
}

}  // namespace depot::journal
