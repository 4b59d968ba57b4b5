#include "services/journal/domain/masking/mask_pass.h"

#include <algorithm>
#include <vector>

#include "services/journal/domain/codes.h"
#include "services/journal/domain/masking/segments.h"

namespace depot::journal {
namespace {

using Kind = MaskTables::Kind;
using Membership = MaskTables::Membership;

// What masking looks at for one word of the text.
struct Item {
  size_t segment = 0;
  GapKind gap_before = GapKind::kSpace;
  bool genitive_s = false;     // "s" right after an apostrophe
  std::vector<size_t> strong;  // names masked by this word alone
};

// Which words are masked, and which are one mask with the word before.
struct Marks {
  std::vector<bool> masked;
  std::vector<bool> joined;
  std::vector<std::set<MaskReason>> reasons;
};

void AddName(std::vector<size_t>* names, size_t name) {
  if (std::find(names->begin(), names->end(), name) == names->end()) {
    names->push_back(name);
  }
}

bool IsMember(const MaskTables& tables, const std::string& skeleton,
              size_t name) {
  const auto* list = tables.MembersOf(skeleton);
  return list &&
         std::any_of(list->begin(), list->end(),
                     [&](const Membership& m) { return m.name == name; });
}

// A run of words (or pieces of a word) of one name may be masked when it
// holds two full parts, or a full part and an initial.
bool RunMayBeMasked(const MaskTables& tables, size_t name,
                    const std::vector<const std::string*>& run) {
  int fulls = 0, initials = 0;
  for (const std::string* skeleton : run) {
    const auto* list = tables.MembersOf(*skeleton);
    if (list == nullptr) continue;
    bool full = false, initial = false;
    for (const Membership& m : *list) {
      if (m.name != name) continue;
      full = full || m.kind == Kind::kFull;
      initial = initial || m.kind == Kind::kInitial;
    }
    fulls += full ? 1 : 0;
    initials += !full && initial ? 1 : 0;
  }
  return fulls >= 2 || (fulls >= 1 && initials >= 1);
}

// The names one word masks alone: a pattern inside it, a one-part name's
// part, or (camelCase, digits) a run of a name's parts among its pieces.
std::vector<size_t> StrongNames(const MaskTables& tables,
                                const TextSegment& segment, bool runs_only) {
  std::vector<size_t> strong;
  if (!runs_only) {
    for (const MaskTables::Pattern& p : tables.patterns) {
      if (segment.skeleton.find(p.skeleton) != std::string::npos) {
        AddName(&strong, p.name);
      }
    }
    for (size_t n = 0; n < tables.names.size(); ++n) {
      const std::string& lone = tables.names[n].lone_part;
      if (!lone.empty() &&
          (segment.skeleton == lone || segment.skeleton == lone + "s")) {
        AddName(&strong, n);
      }
    }
  }
  if (segment.pieces.size() < 2) return strong;
  for (size_t n = 0; n < tables.names.size(); ++n) {
    for (size_t i = 0; i < segment.pieces.size(); ++i) {
      std::vector<const std::string*> run;
      for (size_t j = i;
           j < segment.pieces.size() && IsMember(tables, segment.pieces[j], n);
           ++j) {
        run.push_back(&segment.pieces[j]);
      }
      if (RunMayBeMasked(tables, n, run)) AddName(&strong, n);
    }
  }
  return strong;
}

std::vector<Item> ItemsOf(const MaskTables& tables, std::string_view text,
                          const std::vector<TextSegment>& segments,
                          bool runs_only) {
  std::vector<Item> items;
  GapKind gap = GapKind::kSpace;
  bool after_apostrophe = false;
  for (size_t s = 0; s < segments.size(); ++s) {
    const TextSegment& segment = segments[s];
    if (!segment.word) {
      std::string_view raw =
          text.substr(segment.begin, segment.end - segment.begin);
      gap = ClassifyGap(raw);
      after_apostrophe = IsApostrophe(raw);
      continue;
    }
    Item item;
    item.segment = s;
    item.gap_before = items.empty() ? GapKind::kOther : gap;
    item.genitive_s = after_apostrophe && segment.skeleton == "s";
    item.strong = StrongNames(tables, segment, runs_only);
    items.push_back(std::move(item));
    gap = GapKind::kSpace;
    after_apostrophe = false;
  }
  return items;
}

// For each name, the runs of its words standing together (joined by white
// space or the ways names are written); those that may be masked are.
Marks MarkRuns(const MaskTables& tables,
               const std::vector<TextSegment>& segments,
               const std::vector<Item>& items) {
  auto strong_for = [](const Item& item, size_t name) {
    return std::find(item.strong.begin(), item.strong.end(), name) !=
           item.strong.end();
  };
  auto belongs = [&](const Item& item, size_t name) {
    return strong_for(item, name) ||
           IsMember(tables, segments[item.segment].skeleton, name);
  };
  std::set<size_t> candidates;
  for (const Item& item : items) {
    candidates.insert(item.strong.begin(), item.strong.end());
    if (const auto* list = tables.MembersOf(segments[item.segment].skeleton)) {
      for (const Membership& m : *list) candidates.insert(m.name);
    }
  }
  Marks marks{std::vector<bool>(items.size(), false),
              std::vector<bool>(items.size(), false),
              std::vector<std::set<MaskReason>>(items.size())};
  for (size_t name : candidates) {
    for (size_t i = 0; i < items.size();) {
      if (!belongs(items[i], name)) {
        ++i;
        continue;
      }
      size_t j = i;
      bool strong = false;
      std::vector<const std::string*> run;
      for (; j < items.size(); ++j) {
        if (j > i && items[j].gap_before == GapKind::kOther) break;
        bool genitive = j > i && items[j].genitive_s;
        if (!genitive && !belongs(items[j], name)) break;
        strong = strong || strong_for(items[j], name);
        if (!genitive) run.push_back(&segments[items[j].segment].skeleton);
      }
      if (strong || RunMayBeMasked(tables, name, run)) {
        for (size_t k = i; k < j; ++k) {
          marks.masked[k] = true;
          marks.reasons[k].insert(tables.names[name].reason);
          if (k > i) marks.joined[k] = true;
        }
      }
      i = std::max(j, i + 1);
    }
  }
  return marks;
}

MaskedText Write(std::string_view text,
                 const std::vector<TextSegment>& segments,
                 const std::vector<Item>& items, const Marks& marks) {
  MaskedText out;
  size_t next = 0;  // the next segment not yet written
  bool mask_open = false;
  auto write_gap = [&](size_t s) {
    std::string_view raw =
        text.substr(segments[s].begin, segments[s].end - segments[s].begin);
    size_t apostrophe = 0;
    // A genitive apostrophe after a mask ("Hans' søknad") would tell that
    // the name ends in s.
    if (mask_open && StartsWithTrailingApostrophe(raw, &apostrophe)) {
      raw.remove_prefix(apostrophe);
    }
    out.text += raw;
  };
  for (size_t k = 0; k < items.size(); ++k) {
    const TextSegment& word = segments[items[k].segment];
    if (marks.masked[k] && mask_open &&
        (marks.joined[k] || items[k].gap_before == GapKind::kSpace)) {
      out.spans.back().source_end = word.end;
      out.spans.back().reasons.insert(marks.reasons[k].begin(),
                                      marks.reasons[k].end());
      next = items[k].segment + 1;
      continue;
    }
    for (; next < items[k].segment; ++next) write_gap(next);
    next = items[k].segment + 1;
    if (marks.masked[k]) {
      MaskedSpan span;
      span.begin = out.text.size();
      out.text += kMask;
      span.end = out.text.size();
      span.source_begin = word.begin;
      span.source_end = word.end;
      span.reasons = marks.reasons[k];
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

}  // namespace

MaskedText RunMaskPass(const MaskTables& tables, std::string_view text,
                       bool runs_only) {
  if (tables.names.empty()) return {std::string(text), {}};
  std::vector<TextSegment> segments = SegmentText(text);
  std::vector<Item> items = ItemsOf(tables, text, segments, runs_only);
  return Write(text, segments, items, MarkRuns(tables, segments, items));
}

}  // namespace depot::journal
