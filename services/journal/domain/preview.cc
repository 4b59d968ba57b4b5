#include "services/journal/domain/preview.h"

#include "services/journal/domain/masking/name_forms.h"
#include "services/journal/domain/masking/segments.h"

namespace depot::journal {

std::vector<FlaggedWord> FlagLeftovers(const MaskedText& masked,
                                       const Masker& masker) {
  std::vector<FlaggedWord> flagged;
  for (const TextSegment& s : SegmentText(masked.text)) {
    if (!s.word || s.skeleton.empty()) continue;
    for (const std::string& part : masker.part_skeletons()) {
      FlagReason reason;
      if (s.skeleton == part) {
        reason = FlagReason::kEqualsPart;
      } else if (SkeletonLength(part) >= 3 &&
                 s.skeleton.find(part) != std::string::npos) {
        reason = FlagReason::kContainsPart;
      } else if (SkeletonLength(s.skeleton) >= 3 &&
                 part.size() > s.skeleton.size() &&
                 part.compare(0, s.skeleton.size(), s.skeleton) == 0) {
        reason = FlagReason::kBeginsPart;
      } else {
        continue;
      }
      flagged.push_back({s.begin, s.end,
                         masked.text.substr(s.begin, s.end - s.begin), part,
                         reason});
      break;
    }
  }
  return flagged;
}

EntryPreview PreviewEntry(const JournalEntry& entry, const CaseView& view) {
  EntryPreview preview;
  std::vector<PublicTextPreview> texts;
  preview.entry = MakePublicEntry(entry, view, &texts);
  for (PublicTextPreview& text : texts) {
    PreviewText out;
    if (text.second_look) {
      out.flagged = FlagLeftovers(text.masked, view.masker());
    }
    out.text = std::move(text);
    preview.texts.push_back(std::move(out));
  }
  return preview;
}

}  // namespace depot::journal
