#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace depot::journal {

/// A run of a text: a word (letters, digits, marks, and invisible
/// characters between them) or the gap between two words.
struct TextSegment {
  size_t begin = 0;  ///< byte offsets in the text
  size_t end = 0;
  bool word = false;
  /// Words: Skeleton of the whole word.
  std::string skeleton;
  /// Words written in camelCase or with digits inside ("KariNordmann",
  /// "cv2024kari"): the Skeleton of each piece; empty for a word of one
  /// piece.
  std::vector<std::string> pieces;
};

/// Words and gaps of a text, alternating, covering it byte for byte.
std::vector<TextSegment> SegmentText(std::string_view text);

/// How a gap between two words may be read.
enum class GapKind {
  kSpace,       ///< white space and invisible characters only (or nothing)
  kNameJoiner,  ///< also one of , . - _ ' ’ @ and the hyphens and dashes:
                ///< what stands between the parts of a name as written
                ///< ("Nordmann, Kari", "K. Nordmann", "kari_nordmann")
  kOther,
};
GapKind ClassifyGap(std::string_view gap);

/// True when the gap is one apostrophe (' or ’), as in "Nordmann's".
bool IsApostrophe(std::string_view gap);
/// True when the gap begins with an apostrophe followed by white space or
/// nothing, as after a genitive "Hans' søknad".
bool StartsWithTrailingApostrophe(std::string_view gap, size_t* length);

}  // namespace depot::journal
