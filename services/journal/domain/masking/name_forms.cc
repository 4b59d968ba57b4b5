#include "services/journal/domain/masking/name_forms.h"

#include <algorithm>

#include "services/journal/domain/masking/segments.h"
#include "services/journal/domain/masking/skeleton.h"
#include "services/journal/domain/masking/utf8.h"

namespace depot::journal {
namespace {

void AddUnique(std::vector<std::string>* list, std::string value) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) {
    list->push_back(std::move(value));
  }
}

// Letters and digits of a word as written.
size_t LetterCount(std::string_view word) {
  size_t letters = 0;
  for (size_t i = 0; i < word.size();) {
    Decoded d = DecodeUtf8At(word, i);
    i += d.length;
    if (IsWordCharacter(d.code) &&
        !Skeleton(word.substr(i - d.length, d.length)).empty()) {
      ++letters;
    }
  }
  return letters;
}

std::string FirstCharacter(const std::string& skeleton) {
  return skeleton.substr(0, DecodeUtf8At(skeleton, 0).length);
}

}  // namespace

size_t SkeletonLength(std::string_view skeleton) {
  return static_cast<size_t>(
      std::count_if(skeleton.begin(), skeleton.end(),
                    [](char c) { return (c & 0xC0) != 0x80; }));
}

NameForms DeriveNameForms(std::string_view name) {
  NameForms forms;
  std::vector<std::string_view> words;   // as written, in order
  std::vector<std::string_view> groups;  // hyphenated words whole
  size_t group_begin = std::string_view::npos;
  size_t group_end = 0;
  for (const TextSegment& s : SegmentText(name)) {
    std::string_view text = name.substr(s.begin, s.end - s.begin);
    if (!s.word) {
      // Parts of a name apart from white space belong together
      // ("Anne-Marie", "O'Brien"): one group.
      if (ClassifyGap(text) != GapKind::kNameJoiner &&
          group_begin != std::string_view::npos) {
        groups.push_back(name.substr(group_begin, group_end - group_begin));
        group_begin = std::string_view::npos;
      }
      continue;
    }
    if (s.skeleton.empty()) continue;
    words.push_back(text);
    if (group_begin == std::string_view::npos) group_begin = s.begin;
    group_end = s.end;
  }
  if (group_begin != std::string_view::npos) {
    groups.push_back(name.substr(group_begin, group_end - group_begin));
  }
  for (std::string_view word : words) {
    std::string part = Skeleton(word);
    AddUnique(&forms.initials, FirstCharacter(part));
    if (std::find(forms.parts.begin(), forms.parts.end(), part) ==
        forms.parts.end()) {
      forms.parts.push_back(part);
      forms.long_parts.push_back(LetterCount(word) >= 3);
    }
  }
  for (std::string_view group : groups) {
    std::string joined = Skeleton(group);
    if (std::find(forms.parts.begin(), forms.parts.end(), joined) ==
        forms.parts.end()) {
      AddUnique(&forms.joined, std::move(joined));
    }
  }
  // Written together: the skeleton of the words as one (not the skeletons
  // glued), since spellings such as "oe" may meet across the seam.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    AddUnique(&forms.joined,
              Skeleton(std::string(words[i]) + std::string(words[i + 1])));
    AddUnique(&forms.joined,
              Skeleton(std::string(words[i + 1]) + std::string(words[i])));
  }
  if (words.size() > 2) {
    std::string all;
    for (std::string_view word : words) all += word;
    AddUnique(&forms.joined, Skeleton(all));
    std::string surname_first(words.back());
    for (size_t i = 0; i + 1 < words.size(); ++i) surname_first += words[i];
    AddUnique(&forms.joined, Skeleton(surname_first));
  }
  return forms;
}

}  // namespace depot::journal
