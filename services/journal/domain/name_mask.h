#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace depot::journal {

/// The words of a text (letters and digits of any script; everything else
/// separates), each folded to lower case: ASCII, Latin-1 (Æ Ø Å), Latin
/// Extended-A, Greek and Cyrillic capitals.
std::vector<std::string> FoldedWords(std::string_view text);

/// A name in canonical form for comparisons: its folded words joined by
/// single spaces ("  KARI  nordmann" -> "kari nordmann").
std::string CanonicalName(std::string_view name);

/// True when text is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

/// Screened names of one case, applied to free text (titles, document
/// descriptions): every word that is a part of a screened name, in any
/// letter case and also in the genitive ("Nordmanns"), becomes "******".
/// Masks separated only by white space collapse into one, so the output
/// does not tell how many words a name had.
class NameMask {
 public:
  void AddName(std::string_view name);
  /// True when the name (canonical form) is one of the screened names.
  bool HidesName(std::string_view name) const;
  std::string Apply(std::string_view text) const;
  bool empty() const { return names_.empty(); }

 private:
  bool HidesWord(const std::string& folded_word) const;

  std::set<std::string> names_;  // canonical full names
  std::set<std::string> parts_;  // folded words of those names
};

/// The first line of a title (up to the first line break).
std::string_view FirstLine(std::string_view text);

}  // namespace depot::journal
