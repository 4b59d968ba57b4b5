#include "services/journal/domain/word_screening.h"

#include "services/common/error.h"
#include "services/journal/domain/masking/masker.h"
#include "services/journal/domain/masking/segments.h"
#include "services/journal/domain/validation.h"

namespace depot::journal {

ScreenedWords CleanWordScreening(const std::string& field,
                                 const WordScreeningInput& input) {
  ScreenedWords clean;
  if (input.words.size() > kMaxScreenedWords) {
    throw InvalidArgument(field + ".words: at most " +
                          std::to_string(kMaxScreenedWords) +
                          " words at a time; screen the rest in a second "
                          "call");
  }
  for (size_t i = 0; i < input.words.size(); ++i) {
    std::string word = CleanText(field + ".words[" + std::to_string(i) + "]",
                                 input.words[i], 200, true);
    bool any = false;
    for (const TextSegment& s : SegmentText(word)) {
      any = any || (s.word && !s.skeleton.empty());
    }
    clean.words.push_back(std::move(word));
    if (!any) {
      throw InvalidArgument(field + ".words[" + std::to_string(i) +
                            "] has no letters or digits; give the word to "
                            "screen as written in the entry");
    }
  }
  clean.authority = CleanText(field + ".authority", input.authority, 200,
                              !clean.words.empty());
  if (clean.words.empty() && !clean.authority.empty()) {
    throw InvalidArgument(field +
                          ".words: give the words to screen with "
                          "the authority");
  }
  return clean;
}

void RequireWordsInEntry(const std::string& field, const ScreenedWords& words,
                         const JournalEntry& entry) {
  std::vector<const std::string*> texts = {&entry.title, &entry.public_title};
  for (const Document& d : entry.documents) texts.push_back(&d.description);
  for (const Correspondent& c : entry.correspondents) {
    texts.push_back(&c.name);
  }
  for (size_t i = 0; i < words.words.size(); ++i) {
    MaskerBuilder builder;
    builder.AddScreenedWords(words.words[i]);
    Masker masker = builder.Build();
    bool found = false;
    for (const std::string* text : texts) {
      if (!masker.Mask(*text).spans.empty()) {
        found = true;
        break;
      }
    }
    if (!found) {
      throw InvalidArgument(
          field + ".words[" + std::to_string(i) +
          "] does not occur in the entry's title, public title, document "
          "descriptions or correspondents; give it as written there");
    }
  }
}

}  // namespace depot::journal
