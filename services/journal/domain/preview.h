#pragma once

#include <string>
#include <vector>

#include "services/journal/domain/case_view.h"
#include "services/journal/domain/journal_types.h"
#include "services/journal/domain/masking/masker.h"
#include "services/journal/domain/public_view.h"

namespace depot::journal {

// The archivist's preview of the public journal: each entry exactly as
// MakePublicEntry publishes it, each public text with what was masked, and
// a second look at the words left.

enum class FlagReason {
  kEqualsPart,    ///< the word is a part of a screened name or word
  kContainsPart,  ///< it holds one of 3 letters or more
  kBeginsPart,    ///< it begins one (3 letters or more): a short form, a
                  ///< nickname ("Kris" for Kristoffer)
};

/// A word left in a public text that looks like part of a screened name or
/// word of the case: what the masking cannot decide alone (a part too short
/// to mask alone, a part that is also a public name's, a nickname).
struct FlaggedWord {
  size_t begin = 0;  ///< bytes of the public text
  size_t end = 0;
  std::string word;
  std::string part;  ///< the part's skeleton
  FlagReason reason = FlagReason::kEqualsPart;
};

struct PreviewText {
  PublicTextPreview text;
  std::vector<FlaggedWord> flagged;
};

struct EntryPreview {
  PublicEntry entry;
  std::vector<PreviewText> texts;
};

/// The words of the masked text, outside its masks, that equal, contain
/// (parts of 3 letters or more) or begin (words of 3 letters or more) a
/// part of the masker's screened names and words.
std::vector<FlaggedWord> FlagLeftovers(const MaskedText& masked,
                                       const Masker& masker);

/// The preview of one entry of the case.
EntryPreview PreviewEntry(const JournalEntry& entry, const CaseView& view);

}  // namespace depot::journal
