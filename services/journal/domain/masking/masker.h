#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "services/journal/domain/masking/mask_tables.h"
#include "services/journal/domain/masking/name_forms.h"

namespace depot::journal {

/// One mask in a masked text: where it stands in the output and what it
/// hides in the input (for the archivist's preview, never public).
struct MaskedSpan {
  size_t begin = 0;  ///< bytes of the output
  size_t end = 0;
  size_t source_begin = 0;  ///< bytes of the input
  size_t source_end = 0;
  std::set<MaskReason> reasons;
};

struct MaskedText {
  std::string text;
  std::vector<MaskedSpan> spans;
};

class MaskerBuilder;

/// Masks the screened names and words of one case in free text. Built by
/// MaskerBuilder. The rules (docs/journal.md "What is masked"):
///  - words are compared by their Skeleton, so any letter case, Unicode
///    form, å/aa, ø/oe, æ/ae, diacritics and invisible characters match;
///  - a word holding a part of a screened name (3 characters or more) or a
///    screened word anywhere inside it is masked whole: "Nordmanns",
///    "kari_nordmann.pdf", "KariNordmann2024", "kari.nordmann@example.no";
///  - a part too short to mask alone (1-2 characters), an initial, and a
///    part that is also a word of a public name in the case are masked
///    only where they stand next to another part of the same name
///    ("Bø Li", "K. Nordmann", "Nordmann, Kari", "Nordmann's");
///  - a name of one part is masked where that part stands alone;
///  - the words of one name, and masks side by side with only white
///    space between them, become one mask: the public text does not tell
///    how many names a person has.
class Masker {
 public:
  Masker() = default;

  /// The text with every masked word replaced by kMask.
  MaskedText Mask(std::string_view text) const;
  std::string Apply(std::string_view text) const { return Mask(text).text; }
  bool empty() const { return tables_.names.empty(); }

  /// Skeletons of every part of every screened name and word (for the
  /// preview's second look).
  const std::set<std::string>& part_skeletons() const { return tables_.parts; }

 private:
  friend class MaskerBuilder;
  MaskTables tables_;
};

/// Collects the screened names and words of a case and the public names
/// beside them, then builds the Masker.
class MaskerBuilder {
 public:
  /// A correspondent's screened name.
  void AddScreenedName(std::string_view name);
  /// Words an archivist marked to screen: each word on its own.
  void AddScreenedWords(std::string_view words);
  /// A name the public may see in the case (a released applicant, a
  /// correspondent who is not screened, the case officer): its words stay
  /// visible where they stand alone, unless they stand beside another part
  /// of a screened name in it. released: the whole name is public by a
  /// staff decision.
  void AddPublicName(std::string_view name, bool released);

  Masker Build() const;

 private:
  Masker BuildWith(const std::set<std::string>& public_words) const;

  std::vector<std::string> names_;
  std::vector<std::string> words_;
  std::vector<std::string> released_;
  std::vector<std::string> public_;
};

}  // namespace depot::journal
