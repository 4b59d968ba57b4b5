#pragma once

// The leak test's checker: whether any part of a screened name shows in a
// public output, compared in its own way (not the masker's), so that the
// test does not only repeat the code it checks.
#include <set>
#include <string>
#include <vector>

#include "tests/support/leak/journal_leak_generator.h"

namespace depot::journal::testing {

/// The text as the checker compares it: compatibility forms, letter case,
/// diacritics (except æ ø å, and ä ö as æ ø) and invisible characters
/// folded away.
std::string CheckerForm(const std::string& text);

/// The ways one part may be spelled, in CheckerForm (å/a/aa, ø/o/oe,
/// æ/ae).
std::set<std::string> SpellingsOf(const std::string& part);

/// A screened part found in a public output.
struct Leak {
  std::string part;
  std::string text;
};

/// Each part (3 letters or more) of each screened name that shows in
/// text, as a word or inside a longer one, unless it is also a word of a
/// public name in the output (public_words, in CheckerForm).
std::vector<Leak> FindLeaks(const std::string& text,
                            const std::vector<GeneratedName>& screened,
                            const std::set<std::string>& public_words);

/// The words of a name in CheckerForm.
std::set<std::string> CheckerWords(const std::string& text);

}  // namespace depot::journal::testing
