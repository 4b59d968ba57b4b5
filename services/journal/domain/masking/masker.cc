#include "services/journal/domain/masking/masker.h"

#include <algorithm>

#include "services/journal/domain/codes.h"
#include "services/journal/domain/masking/segments.h"
#include "services/journal/domain/masking/skeleton.h"

namespace depot::journal {
namespace {

// What masking looks at for one word of the text.
struct Item {
  size_t segment = 0;
  GapKind gap_before = GapKind::kSpace;
  bool genitive_s = false;     // "s" right after an apostrophe
  std::vector<size_t> strong;  // names masked by this word alone
};

void AddName(std::vector<size_t>* names, size_t name) {
  if (std::find(names->begin(), names->end(), name) == names->end()) {
    names->push_back(name);
  }
}

}  // namespace

MaskedText Masker::Mask(std::string_view text) const {
  return MaskText(text, false);
}

MaskedText Masker::MaskText(std::string_view text, bool runs_only) const {
  if (names_.empty()) return {std::string(text), {}};
  std::vector<TextSegment> segments = SegmentText(text);
  auto memberships = [&](const std::string& skeleton) {
    auto found = members_.find(skeleton);
    return found == members_.end() ? nullptr : &found->second;
  };
  // A run of words (or pieces of a word) of one name that may be masked:
  // two full parts, or a full part and an initial.
  auto run_kind = [&](size_t name, const std::vector<const std::string*>& run,
                      int* fulls, int* initials) {
    for (const std::string* skeleton : run) {
      const auto* list = memberships(*skeleton);
      if (list == nullptr) continue;
      bool full = false, initial = false;
      for (const Membership& m : *list) {
        if (m.name != name) continue;
        full = full || m.kind == Kind::kFull;
        initial = initial || m.kind == Kind::kInitial;
      }
      if (full) {
        ++*fulls;
      } else if (initial) {
        ++*initials;
      }
    }
  };

  std::vector<Item> items;
  GapKind gap = GapKind::kSpace;
  bool after_apostrophe = false;
  for (size_t s = 0; s < segments.size(); ++s) {
    const TextSegment& segment = segments[s];
    std::string_view raw =
        text.substr(segment.begin, segment.end - segment.begin);
    if (!segment.word) {
      gap = ClassifyGap(raw);
      after_apostrophe = IsApostrophe(raw);
      continue;
    }
    Item item;
    item.segment = s;
    item.gap_before = items.empty() ? GapKind::kOther : gap;
    item.genitive_s = after_apostrophe && segment.skeleton == "s";
    if (!runs_only) {
      for (const Pattern& p : patterns_) {
        if (segment.skeleton.find(p.skeleton) != std::string::npos) {
          AddName(&item.strong, p.name);
        }
      }
      for (size_t n = 0; n < names_.size(); ++n) {
        const std::string& lone = names_[n].lone_part;
        if (!lone.empty() &&
            (segment.skeleton == lone || segment.skeleton == lone + "s")) {
          AddName(&item.strong, n);
        }
      }
    }
    // A word of pieces ("BoEk", "NordmannKari") holding a run of a name.
    if (segment.pieces.size() > 1) {
      for (size_t n = 0; n < names_.size(); ++n) {
        for (size_t i = 0; i < segment.pieces.size(); ++i) {
          std::vector<const std::string*> run;
          for (size_t j = i; j < segment.pieces.size(); ++j) {
            const auto* list = memberships(segment.pieces[j]);
            bool member = list && std::any_of(list->begin(), list->end(),
                                              [&](const Membership& m) {
                                                return m.name == n;
                                              });
            if (!member) break;
            run.push_back(&segment.pieces[j]);
          }
          int fulls = 0, initials = 0;
          run_kind(n, run, &fulls, &initials);
          if (fulls >= 2 || (fulls >= 1 && initials >= 1)) {
            AddName(&item.strong, n);
          }
        }
      }
    }
    items.push_back(std::move(item));
    gap = GapKind::kSpace;
    after_apostrophe = false;
  }

  auto belongs = [&](const Item& item, size_t name) {
    if (std::find(item.strong.begin(), item.strong.end(), name) !=
        item.strong.end()) {
      return true;
    }
    const auto* list = memberships(segments[item.segment].skeleton);
    return list &&
           std::any_of(list->begin(), list->end(),
                       [&](const Membership& m) { return m.name == name; });
  };

  std::vector<bool> masked(items.size(), false);
  std::vector<bool> joined(items.size(), false);  // to the word before
  std::vector<std::set<MaskReason>> reasons(items.size());
  std::set<size_t> candidates;
  for (const Item& item : items) {
    candidates.insert(item.strong.begin(), item.strong.end());
    if (const auto* list = memberships(segments[item.segment].skeleton)) {
      for (const Membership& m : *list) candidates.insert(m.name);
    }
  }
  for (size_t name : candidates) {
    size_t i = 0;
    while (i < items.size()) {
      if (!belongs(items[i], name)) {
        ++i;
        continue;
      }
      size_t j = i;
      bool strong = false;
      std::vector<const std::string*> run;
      while (j < items.size()) {
        if (j > i && items[j].gap_before == GapKind::kOther) break;
        bool genitive = j > i && items[j].genitive_s;
        if (!genitive && !belongs(items[j], name)) break;
        strong =
            strong || std::find(items[j].strong.begin(), items[j].strong.end(),
                                name) != items[j].strong.end();
        if (!genitive) run.push_back(&segments[items[j].segment].skeleton);
        ++j;
      }
      int fulls = 0, initials = 0;
      run_kind(name, run, &fulls, &initials);
      if (strong || fulls >= 2 || (fulls >= 1 && initials >= 1)) {
        for (size_t k = i; k < j; ++k) {
          masked[k] = true;
          reasons[k].insert(names_[name].reason);
          if (k > i) joined[k] = true;
        }
      }
      i = std::max(j, i + 1);
    }
  }

  MaskedText out;
  size_t next = 0;  // the next segment not yet written
  bool mask_open = false;
  auto write_gap = [&](size_t segment) {
    std::string_view raw =
        text.substr(segments[segment].begin,
                    segments[segment].end - segments[segment].begin);
    size_t apostrophe = 0;
    // A genitive apostrophe after a mask ("Hans' søknad") would tell that
    // the name ends in s.
    if (mask_open && StartsWithTrailingApostrophe(raw, &apostrophe)) {
      raw.remove_prefix(apostrophe);
    }
    out.text += raw;
  };
  for (size_t k = 0; k < items.size(); ++k) {
    size_t segment = items[k].segment;
    bool merge = masked[k] && mask_open &&
                 (joined[k] || items[k].gap_before == GapKind::kSpace);
    if (merge) {
      out.spans.back().source_end = segments[segment].end;
      out.spans.back().reasons.insert(reasons[k].begin(), reasons[k].end());
      next = segment + 1;
      continue;
    }
    for (; next < segment; ++next) write_gap(next);
    next = segment + 1;
    const TextSegment& word = segments[segment];
    if (masked[k]) {
      MaskedSpan span;
      span.begin = out.text.size();
      out.text += kMask;
      span.end = out.text.size();
      span.source_begin = word.begin;
      span.source_end = word.end;
      span.reasons = reasons[k];
      out.spans.push_back(std::move(span));
      mask_open = true;
    } else {
      out.text += text.substr(word.begin, word.end - word.begin);
      mask_open = false;
    }
  }
  for (; next < segments.size(); ++next) write_gap(next);
  return out;
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
                        Masker::Kind kind) {
    masker.members_[skeleton].push_back({name, kind});
  };
  for (const std::string& name : names_) {
    NameForms forms = DeriveNameForms(name);
    if (forms.parts.empty() || !seen.insert(forms.parts).second) continue;
    size_t id = masker.names_.size();
    Masker::Name entry;
    entry.reason = MaskReason::kScreenedName;
    for (size_t p = 0; p < forms.parts.size(); ++p) {
      const std::string& part = forms.parts[p];
      masker.parts_.insert(part);
      add_member(part, id, Masker::Kind::kFull);
      add_member(part + "s", id, Masker::Kind::kFull);
      if (forms.long_parts[p] && !public_words.count(part)) {
        masker.patterns_.push_back({part, id});
      }
    }
    for (const std::string& joined : forms.joined) {
      add_member(joined, id, Masker::Kind::kFull);
      if (SkeletonLength(joined) >= 3 && !public_words.count(joined)) {
        masker.patterns_.push_back({joined, id});
      }
    }
    for (const std::string& initial : forms.initials) {
      add_member(initial, id, Masker::Kind::kInitial);
    }
    if (forms.parts.size() == 1 && !public_words.count(forms.parts[0])) {
      entry.lone_part = forms.parts[0];
    }
    masker.names_.push_back(std::move(entry));
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
    size_t id = masker.names_.size();
    masker.parts_.insert(word);
    add_member(word, id, Masker::Kind::kFull);
    add_member(word + "s", id, Masker::Kind::kFull);
    if (SkeletonLength(word) >= 3) masker.patterns_.push_back({word, id});
    masker.names_.push_back({MaskReason::kScreenedWord, word});
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
      MaskedText masked = runs.MaskText(name, true);
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
