#include "tests/support/leak/journal_leak_generator.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

#include "tests/support/leak/journal_leak_text.h"

namespace depot::journal::testing {
namespace {

const std::vector<std::string> kGivenNames = {
    "Kari",   "Ola",     "Per",      "Anne",    "Marie",    "Ingrid",
    "Øyvind", "Åse",     "Bjørn",    "Sæmund",  "Sølvi",    "Tor",
    "Liv",    "Eva",     "Knut",     "Halvor",  "Ragnhild", "Solveig",
    "Astrid", "Sigrid",  "Torbjørn", "Jørgen",  "Kjersti",  "Håkon",
    "Åsmund", "Dagny",   "Gro",      "Siri",    "Mette",    "Trond",
    "Eirik",  "Frøydis", "Øystein",  "Synnøve", "Bodil",    "Terje",
    "Hege",   "Ståle",   "Renée",    "Zoë",     "Jo",       "Bo",
    "Li",     "Ærlend",  "Gunnvør",  "Marit",   "Tuva",     "Nora"};
const std::vector<std::string> kSurnames = {
    "Nordmann", "Ødegård", "Sæther", "Bjørnstad", "Haugen",  "Kjærstad",
    "Lie",      "Bø",      "Ås",     "Dahl",      "Strand",  "Aasen",
    "Fjær",     "Grønli",  "Sørlie", "Løvås",     "Kvåle",   "Næss",
    "Østby",    "Brænne",  "Håland", "Sjøberg",   "Nyström", "Lindqvist",
    "Müller",   "Ek",      "Hætta",  "Åkre",      "Rønning", "Mjøen"};
const std::vector<std::string> kGivenStarts = {
    "Ås",  "Bjør", "Dag", "Ei",   "Frø", "Gunn", "Hal", "Ing", "Kjell",
    "Mar", "Ragn", "Sig", "Sol",  "Tor", "Ulv",  "Vi",  "Øy",  "Æs",
    "Al",  "Gud",  "Run", "Hild", "Ås",  "Ter",  "Syn"};
const std::vector<std::string> kGivenEnds = {
    "hild", "vor",  "dis",  "mund", "bjørn", "veig", "rid", "ny", "vi", "ar",
    "geir", "finn", "laug", "unn",  "e",     "a",    "ild", "øy", "ås"};
const std::vector<std::string> kSurnameStarts = {
    "Bjør",  "Dal",  "Fjell", "Grøn", "Haug", "Kjær",  "Løv", "Myr",
    "Nes",   "Rud",  "Sæt",   "Skog", "Stor", "Vik",   "Øst", "Ås",
    "Brekk", "Holm", "Lund",  "Rø",   "Sand", "Tveit", "Hå",  "Ødel"};
const std::vector<std::string> kSurnameEnds = {
    "stad", "rud",  "li",     "land", "gård",  "vik",  "dal",
    "heim", "haug", "bakken", "lien", "sæter", "sen",  "nes",
    "vold", "ås",   "by",     "ø",    "tveit", "hølen"};

template <typename T>
const T& Pick(const std::vector<T>& items, std::mt19937_64& random) {
  return items[random() % items.size()];
}

bool Chance(std::mt19937_64& random, int percent) {
  return static_cast<int>(random() % 100) < percent;
}

std::vector<std::string> Split(const std::string& text, char by) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t at = text.find(by, start);
    parts.push_back(text.substr(start, at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

std::string Join(const std::vector<std::string>& parts,
                 const std::string& glue) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += glue;
    out += part;
  }
  return out;
}

std::string Upper(const std::string& text) {
  icu::UnicodeString u = U(text);
  u.toUpper();
  return Utf8(u);
}

std::string Lower(const std::string& text) {
  icu::UnicodeString u = U(text);
  u.toLower();
  return Utf8(u);
}

// How an address or file name spells a name: ASCII, æ ø å spelled out.
std::string Ascii(const std::string& text) {
  std::string out = Lower(text);
  for (auto [from, to] :
       std::vector<std::pair<const char*, const char*>>{{"æ", "ae"},
                                                        {"ø", "o"},
                                                        {"å", "aa"},
                                                        {"é", "e"},
                                                        {"ë", "e"},
                                                        {"ü", "u"},
                                                        {"ö", "o"}}) {
    out = Replace(out, from, to);
  }
  out = Replace(out, "-", "");
  out = Replace(out, " ", "");
  return out;
}

std::string Nordic(const std::string& text, std::mt19937_64& random) {
  static const std::vector<std::array<const char*, 4>> kSpellings = {
      {"å", "aa", "a", "aa"}, {"Å", "Aa", "A", "Aa"}, {"ø", "oe", "o", "ö"},
      {"Ø", "Oe", "O", "Ö"},  {"æ", "ae", "ä", "ae"}, {"Æ", "Ae", "Ä", "Ae"},
      {"é", "e", "e", "e"}};
  std::string out = text;
  for (const auto& s : kSpellings)
    out = Replace(out, s[0], s[1 + random() % 3]);
  return out;
}

std::string Compatibility(const std::string& text, std::mt19937_64& random) {
  bool bold = Chance(random, 50);
  icu::UnicodeString out;
  icu::UnicodeString in = U(text);
  for (int32_t i = 0; i < in.length();) {
    UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (c >= 'A' && c <= 'Z') {
      out.append(bold ? 0x1D400 + (c - 'A') : 0xFF21 + (c - 'A'));
    } else if (c >= 'a' && c <= 'z') {
      out.append(bold ? 0x1D41A + (c - 'a') : 0xFF41 + (c - 'a'));
    } else {
      out.append(c);
    }
  }
  return Utf8(out);
}

std::string Decomposed(const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  return Utf8(nfd->normalize(U(text), error));
}

std::string Capitalized(const std::string& text) {
  icu::UnicodeString u = U(Lower(text));
  if (u.length() == 0) return text;
  UChar32 first = u.char32At(0);
  icu::UnicodeString rest = u.tempSubString(U16_LENGTH(first));
  icu::UnicodeString head(u_toupper(first));
  return Utf8(head + rest);
}

std::string Initial(const std::string& part) {
  icu::UnicodeString u = U(part);
  return Utf8(icu::UnicodeString(u.char32At(0)));
}

}  // namespace

std::vector<std::string> GeneratedName::Parts() const {
  std::vector<std::string> parts;
  for (const auto* list : {&given, &surname}) {
    for (const std::string& word : *list) {
      for (const std::string& piece : Split(word, '-')) parts.push_back(piece);
    }
  }
  return parts;
}

std::string NameGenerator::SyllableName(bool surname) {
  std::string name =
      surname ? Pick(kSurnameStarts, random_) + Pick(kSurnameEnds, random_)
              : Pick(kGivenStarts, random_) + Pick(kGivenEnds, random_);
  return Capitalized(name);
}

std::string NameGenerator::GivenName() {
  return Chance(random_, 50) ? Pick(kGivenNames, random_) : SyllableName(false);
}

std::string NameGenerator::Surname() {
  return Chance(random_, 50) ? Pick(kSurnames, random_) : SyllableName(true);
}

GeneratedName NameGenerator::Next() {
  GeneratedName name;
  std::string first = GivenName();
  if (Chance(random_, 25)) first += "-" + GivenName();  // Anne-Marie
  name.given.push_back(first);
  if (Chance(random_, 20)) name.given.push_back(GivenName());  // Kari Anne
  name.surname.push_back(Surname());
  if (Chance(random_, 15)) name.surname.push_back(Surname());  // Berg Olsen
  name.name = Join(name.given, " ") + " " + Join(name.surname, " ");
  return name;
}

const char* VariantRuleName(VariantRule rule) {
  static const char* kNames[] = {"as journaled",
                                 "one part alone",
                                 "hyphenated apart",
                                 "hyphenated joined",
                                 "letter case",
                                 "NFD",
                                 "compatibility forms",
                                 "å/aa ø/oe æ/ae",
                                 "odd spaces",
                                 "surname first",
                                 "initials",
                                 "genitive",
                                 "e-mail",
                                 "file name",
                                 "camelCase",
                                 "longer token"};
  return kNames[static_cast<int>(rule)];
}

const char* FieldName(Field field) {
  static const char* kNames[] = {"entry title", "public title", "case title",
                                 "document description", "correspondent"};
  return kNames[static_cast<int>(field)];
}

std::string WriteName(const GeneratedName& name, VariantRule rule,
                      std::mt19937_64& random) {
  const std::string given = Join(name.given, " ");
  const std::string surname = Join(name.surname, " ");
  std::vector<std::string> parts = name.Parts();
  switch (rule) {
    case VariantRule::kAsJournaled:
      return name.name;
    case VariantRule::kOnePartAlone:
      return Pick(parts, random);
    case VariantRule::kHyphenApart:
      return Replace(name.name, "-", " ");
    case VariantRule::kHyphenJoined:
      return Chance(random, 50) ? Replace(name.name, "-", "")
                                : Capitalized(Replace(name.name, "-", ""));
    case VariantRule::kLetterCase:
      return Chance(random, 50) ? Upper(name.name) : Lower(name.name);
    case VariantRule::kDecomposed:
      return Decomposed(name.name);
    case VariantRule::kCompatibility:
      return Compatibility(name.name, random);
    case VariantRule::kNordicSpelling:
      return Nordic(name.name, random);
    case VariantRule::kOddSpaces: {
      static const char* kGlue[] = {"\u00A0", "\u200B", "   ", "\u2009\u00A0"};
      std::string out = Join(parts, kGlue[random() % 4]);
      // Now and then a zero-width space inside a part too.
      if (Chance(random, 50) && out.size() > 2 &&
          static_cast<unsigned char>(out[1]) < 0x80) {
        out.insert(1, "\u200B");
      }
      return out;
    }
    case VariantRule::kSurnameFirst:
      return Chance(random, 50) ? surname + ", " + given
                                : surname + " " + given;
    case VariantRule::kInitials: {
      std::string initials;
      for (const std::string& g : name.given) {
        for (const std::string& piece : Split(g, '-')) {
          initials += Initial(piece) + ".";
        }
      }
      return initials + (Chance(random, 50) ? " " : "") + surname;
    }
    case VariantRule::kGenitive: {
      const std::string& part =
          Chance(random, 50) ? name.surname.back() : Pick(parts, random);
      return part + (Chance(random, 50) ? "s" : "'s");
    }
    case VariantRule::kEmail:
      return Ascii(Split(given, ' ')[0]) + (Chance(random, 50) ? "." : "_") +
             Ascii(surname) + "@example.no";
    case VariantRule::kFileName: {
      std::string glue = Chance(random, 50) ? "_" : "-";
      return "cv" + glue + Join(parts, glue) +
             (Chance(random, 50) ? ".pdf" : ".docx");
    }
    case VariantRule::kCamelCase: {
      std::string joined;
      for (const std::string& part : parts) joined += Capitalized(part);
      return Chance(random, 50) ? joined + "CV.pdf" : "Soknad" + joined;
    }
    case VariantRule::kLongerToken:
      return "cv" + Ascii(name.name) + "2024";
  }
  return name.name;
}

std::string TextWith(const std::string& written, Field field,
                     std::mt19937_64& random) {
  static const std::vector<std::vector<std::string>> kTemplates = {
      {"Søknad på stilling som arkivar - {}", "Søknad fra {}",
       "{}: søknad og CV", "Innkalling til intervju - {}", "Attester for {}"},
      {"Søknad på stilling - {}", "Svar til {}", "{} - søknad"},
      {"Tilsetting etter {}", "Stilling som lærer ({} slutter)"},
      {"{}", "Søknad {}.pdf", "Vedlegg: {}"},
      {"Referanse for {}", "Advokat {}"}};
  const auto& templates = kTemplates[static_cast<int>(field)];
  std::string text = Pick(templates, random);
  return Replace(text, "{}", written);
}

}  // namespace depot::journal::testing
