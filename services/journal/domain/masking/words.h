#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace depot::journal {

/// The words of a text (letters and digits of any script; everything else
/// separates), each folded to lower case: ASCII, Latin-1 (Æ Ø Å), Latin
/// Extended-A, Greek and Cyrillic capitals. How names are compared for
/// releases and counted in applicant lists (not for masking: see
/// masker.h).
std::vector<std::string> FoldedWords(std::string_view text);

/// A name in canonical form for comparisons: its folded words joined by
/// single spaces ("  KARI  nordmann" -> "kari nordmann").
std::string CanonicalName(std::string_view name);

/// The first line of a title (up to the first line break).
std::string_view FirstLine(std::string_view text);

}  // namespace depot::journal
