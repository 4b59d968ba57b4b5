#pragma once

// Generated cases for the leak test of the public journal (issue: screened
// names stay screened in every spelling and every field): random
// Norwegian-like names, each written in one of the ways people and systems
// write names (VariantRule) into one free-text field (Field), and an
// independent check that no part of a screened name shows in a public
// output (journal_leak_checker.h). Shared by the domain test (10,000 cases
// and more) and the end to end test (a sample through depotd and the CLI).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace depot::journal::testing {

/// A generated person: the name as journaled and its parts as written.
struct GeneratedName {
  std::string name;
  std::vector<std::string> given;    ///< "Anne-Marie", "Kari"
  std::vector<std::string> surname;  ///< "Berg", "Ødegård"
  /// Every part (hyphenated names split), as written.
  std::vector<std::string> Parts() const;
};

/// Random names: given names and surnames from Norwegian-like syllables and
/// lists, hyphenated and double, with æøå and other diacritics, now and
/// then a part of one or two letters.
class NameGenerator {
 public:
  explicit NameGenerator(uint64_t seed) : random_(seed) {}
  GeneratedName Next();
  std::mt19937_64& random() { return random_; }

 private:
  std::string GivenName();
  std::string Surname();
  std::string SyllableName(bool surname);
  std::mt19937_64 random_;
};

/// The ways a name is written in titles, descriptions, file names and
/// addresses.
enum class VariantRule {
  kAsJournaled,
  kOnePartAlone,
  kHyphenApart,
  kHyphenJoined,
  kLetterCase,
  kDecomposed,      ///< NFD
  kCompatibility,   ///< full-width or mathematical letters
  kNordicSpelling,  ///< å/aa, ø/oe, æ/ae (and a, o, ö, ä)
  kOddSpaces,       ///< no-break, zero-width and repeated spaces
  kSurnameFirst,    ///< "Surname, Given" and "Surname Given"
  kInitials,        ///< "K. Nordmann"
  kGenitive,        ///< -s and 's
  kEmail,
  kFileName,     ///< joined by _ - . in a file name
  kCamelCase,    ///< "KariNordmann", also in a longer token
  kLongerToken,  ///< inside a longer word: "cvkarinordmann2024"
};
inline constexpr int kVariantRules = 16;
const char* VariantRuleName(VariantRule rule);

/// The free-text fields that reach a public output.
enum class Field {
  kEntryTitle,
  kEntryPublicTitle,
  kCaseTitle,
  kDocumentDescription,  ///< also a document's file name
  kCorrespondent,        ///< a public correspondent's name field
};
inline constexpr int kFields = 5;
const char* FieldName(Field field);

/// The name written by the rule (random choices from the generator's
/// random source).
std::string WriteName(const GeneratedName& name, VariantRule rule,
                      std::mt19937_64& random);

/// A free text of the field's kind with the written name in it.
std::string TextWith(const std::string& written, Field field,
                     std::mt19937_64& random);

}  // namespace depot::journal::testing
