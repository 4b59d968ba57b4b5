#include "tests/support/leak/journal_leak_checker.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <vector>

#include "tests/support/leak/journal_leak_text.h"

namespace depot::journal::testing {

std::string CheckerForm(const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  icu::UnicodeString folded = nfkc->normalize(U(text), error);
  folded.foldCase();
  icu::UnicodeString out;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
    if (c == 0xE4) c = 0xE6;  // ä as æ
    if (c == 0xF6) c = 0xF8;  // ö as ø
    if (c == 0xE6 || c == 0xF8 || c == 0xE5) {
      out.append(c);
      continue;
    }
    icu::UnicodeString decomposed =
        nfd->normalize(icu::UnicodeString(c), error);
    for (int32_t k = 0; k < decomposed.length();) {
      UChar32 d = decomposed.char32At(k);
      k += U16_LENGTH(d);
      int8_t type = u_charType(d);
      if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK &&
          type != U_COMBINING_SPACING_MARK) {
        out.append(d);
      }
    }
  }
  return Utf8(out);
}

std::set<std::string> SpellingsOf(const std::string& part) {
  std::set<std::string> spellings = {CheckerForm(part)};
  for (auto [from, to] : std::vector<std::pair<const char*, const char*>>{
           {"å", "a"}, {"å", "aa"}, {"ø", "o"}, {"ø", "oe"}, {"æ", "ae"}}) {
    std::set<std::string> more;
    for (const std::string& s : spellings) more.insert(Replace(s, from, to));
    spellings.insert(more.begin(), more.end());
  }
  return spellings;
}

std::set<std::string> CheckerWords(const std::string& text) {
  std::set<std::string> words;
  icu::UnicodeString u = U(CheckerForm(text));
  icu::UnicodeString word;
  for (int32_t i = 0; i <= u.length();) {
    UChar32 c = i < u.length() ? u.char32At(i) : ' ';
    i += i < u.length() ? U16_LENGTH(c) : 1;
    if (u_isalnum(c)) {
      word.append(c);
    } else if (word.length() > 0) {
      words.insert(Utf8(word));
      word.remove();
    }
  }
  return words;
}

namespace {

// One spelling for comparing words: å/aa/a, ø/oe/o and æ/ae/e alike.
std::string Flat(const std::string& checker_form) {
  std::string out = checker_form;
  for (auto [from, to] :
       std::vector<std::pair<const char*, const char*>>{{"å", "a"},
                                                        {"aa", "a"},
                                                        {"ø", "o"},
                                                        {"oe", "o"},
                                                        {"æ", "e"},
                                                        {"ae", "e"}}) {
    out = Replace(out, from, to);
  }
  return out;
}

size_t Letters(const std::string& text) {
  return static_cast<size_t>(U(text).countChar32());
}

}  // namespace

std::vector<Leak> FindLeaks(const std::string& text,
                            const std::vector<GeneratedName>& screened,
                            const std::set<std::string>& public_words) {
  std::vector<Leak> leaks;
  // The words of public names are the public's: a screened part inside
  // one ("bjørn" in a released "Torbjørn") is that name, not a leak.
  std::string checked;
  {
    icu::UnicodeString u = U(CheckerForm(text));
    icu::UnicodeString word;
    for (int32_t i = 0; i <= u.length();) {
      UChar32 c = i < u.length() ? u.char32At(i) : 0;
      i += i < u.length() ? U16_LENGTH(c) : 1;
      if (c != 0 && u_isalnum(c)) {
        word.append(c);
        continue;
      }
      std::string w = Utf8(word);
      if (!public_words.count(w)) checked += w;
      word.remove();
      if (c != 0) checked += Utf8(icu::UnicodeString(c));
    }
  }
  std::set<std::string> flat_public;
  for (const std::string& word : public_words) flat_public.insert(Flat(word));
  for (const GeneratedName& name : screened) {
    for (const std::string& part : name.Parts()) {
      std::string form = CheckerForm(part);
      if (Letters(form) < 3 || flat_public.count(Flat(form))) continue;
      for (const std::string& spelling : SpellingsOf(part)) {
        if (checked.find(spelling) != std::string::npos) {
          leaks.push_back({part, text});
          break;
        }
      }
    }
  }
  return leaks;
}

}  // namespace depot::journal::testing
