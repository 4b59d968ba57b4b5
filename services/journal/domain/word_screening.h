#pragma once

#include <string>
#include <vector>

#include "services/journal/domain/journal_types.h"

namespace depot::journal {

/// Words an archivist marks to screen, as the caller sends them.
struct WordScreeningInput {
  std::vector<std::string> words;
  std::string authority;

  bool empty() const { return words.empty() && authority.empty(); }
};

/// The words checked (each a word, or words: a text with spaces is
/// screened word by word), at most kMaxScreenedWords, with the authority
/// (skjermingshjemmel) they are screened under.
/// InvalidArgument naming `field` otherwise. Messages never repeat a word.
ScreenedWords CleanWordScreening(const std::string& field,
                                 const WordScreeningInput& input);

/// InvalidArgument naming `field`.words[i] for the first of the words none
/// of whose words occurs (in any spelling) in the entry's title, public
/// title, document descriptions or correspondents: a word that is not
/// there would hide nothing, and is likely a typo.
void RequireWordsInEntry(const std::string& field, const ScreenedWords& words,
                         const JournalEntry& entry);

inline constexpr size_t kMaxScreenedWords = 50;

}  // namespace depot::journal
