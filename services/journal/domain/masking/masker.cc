#include "services/journal/domain/masking/masker.h"

#include <algorithm>

#include "services/journal/domain/masking/mask_pass.h"
#include "services/journal/domain/masking/segments.h"

namespace depot::journal {

MaskedText Masker::Mask(std::string_view text) const {
  return RunMaskPass(tables_, text, false);
}

void MaskerBuilder::AddScreenedName(std::string_view name) {
  names_.emplace_back(name);
}

void MaskerBuilder::AddScreenedWords(std::string_view words) {
  words_.emplace_back(words);
}

void MaskerBuilder::AddPublicName(std::string_view name, bool released) {
  (released ? released_ : public_).emplace_back(name);
}

Masker MaskerBuilder::BuildWith(
    const std::set<std::string>& public_words) const {
  Masker masker;
  std::set<std::vector<std::string>> seen;
  auto add_member = [&](const std::string& skeleton, size_t name,
                        MaskTables::Kind kind) {
    masker.tables_.members[skeleton].push_back({name, kind});
  };
  for (const std::string& name : names_) {
    NameForms forms = DeriveNameForms(name);
    if (forms.parts.empty() || !seen.insert(forms.parts).second) continue;
    size_t id = masker.tables_.names.size();
    MaskTables::Name entry;
    entry.reason = MaskReason::kScreenedName;
    for (size_t p = 0; p < forms.parts.size(); ++p) {
      const std::string& part = forms.parts[p];
      masker.tables_.parts.insert(part);
      add_member(part, id, MaskTables::Kind::kFull);
      add_member(part + "s", id, MaskTables::Kind::kFull);
      if (forms.long_parts[p] && !public_words.count(part)) {
        masker.tables_.patterns.push_back({part, id});
      }
    }
    for (const std::string& joined : forms.joined) {
      add_member(joined, id, MaskTables::Kind::kFull);
      if (SkeletonLength(joined) >= 3 && !public_words.count(joined)) {
        masker.tables_.patterns.push_back({joined, id});
      }
    }
    for (const std::string& initial : forms.initials) {
      add_member(initial, id, MaskTables::Kind::kInitial);
    }
    if (forms.parts.size() == 1 && !public_words.count(forms.parts[0])) {
      entry.lone_part = forms.parts[0];
    }
    masker.tables_.names.push_back(std::move(entry));
  }
  // Marked words: each on its own, whatever public names hold (the
  // archivist's decision).
  std::set<std::string> words;
  for (const std::string& text : words_) {
    for (const TextSegment& s : SegmentText(text)) {
      if (s.word && !s.skeleton.empty()) words.insert(s.skeleton);
    }
  }
  for (const std::string& word : words) {
    size_t id = masker.tables_.names.size();
    masker.tables_.parts.insert(word);
    add_member(word, id, MaskTables::Kind::kFull);
    add_member(word + "s", id, MaskTables::Kind::kFull);
    if (SkeletonLength(word) >= 3)
      masker.tables_.patterns.push_back({word, id});
    masker.tables_.names.push_back({MaskReason::kScreenedWord, word});
  }
  return masker;
}

Masker MaskerBuilder::Build() const {
  std::set<std::string> public_words;
  for (const std::string& name : released_) {
    for (const TextSegment& s : SegmentText(name)) {
      if (s.word) public_words.insert(s.skeleton);
    }
  }
  if (!public_.empty()) {
    // A public name's word stays public unless, in that name, it stands
    // beside another part of a screened name ("Advokat for Kari
    // Nordmann").
    Masker runs = BuildWith({});
    for (const std::string& name : public_) {
      MaskedText masked = RunMaskPass(runs.tables_, name, true);
      for (const TextSegment& s : SegmentText(name)) {
        if (!s.word) continue;
        bool hidden = std::any_of(
            masked.spans.begin(), masked.spans.end(), [&](const MaskedSpan& m) {
              return m.source_begin <= s.begin && s.end <= m.source_end;
            });
        if (!hidden) public_words.insert(s.skeleton);
      }
    }
  }
  return BuildWith(public_words);
}

}  // namespace depot::journal
