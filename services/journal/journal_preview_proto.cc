#include "services/journal/journal_preview_proto.h"

#include "services/journal/journal_proto.h"

namespace depot::journal {
namespace {

v1::MaskReason ToProto(MaskReason reason) {
  switch (reason) {
    case MaskReason::kScreenedName:
      return v1::MASK_REASON_SCREENED_NAME;
    case MaskReason::kScreenedWord:
      return v1::MASK_REASON_SCREENED_WORD;
    case MaskReason::kScreenedCorrespondent:
      return v1::MASK_REASON_SCREENED_CORRESPONDENT;
    case MaskReason::kScreeningCode:
      return v1::MASK_REASON_SCREENING_CODE;
  }
  return v1::MASK_REASON_UNSPECIFIED;
}

v1::FlagReason ToProto(FlagReason reason) {
  switch (reason) {
    case FlagReason::kEqualsPart:
      return v1::FLAG_REASON_EQUALS_PART;
    case FlagReason::kContainsPart:
      return v1::FLAG_REASON_CONTAINS_PART;
    case FlagReason::kBeginsPart:
      return v1::FLAG_REASON_BEGINS_PART;
  }
  return v1::FLAG_REASON_UNSPECIFIED;
}

}  // namespace

void ToProto(const EntryPreview& preview, v1::PreviewEntry* out) {
  ToProto(preview.entry, out->mutable_entry());
  for (const PreviewText& text : preview.texts) {
    const PublicTextPreview& source = text.text;
    v1::PreviewText* t = out->add_texts();
    t->set_field(source.field);
    t->set_text(source.masked.text);
    t->set_source(source.source);
    for (const MaskedSpan& span : source.masked.spans) {
      v1::MaskedSpan* m = t->add_masked();
      m->set_begin(static_cast<int32_t>(span.begin));
      m->set_end(static_cast<int32_t>(span.end));
      size_t begin = std::min(span.source_begin, source.source.size());
      size_t end = std::min(span.source_end, source.source.size());
      m->set_hidden(source.source.substr(begin, end - begin));
      for (MaskReason reason : span.reasons) m->add_reasons(ToProto(reason));
    }
    for (const FlaggedWord& flag : text.flagged) {
      v1::FlaggedWord* f = t->add_flagged();
      f->set_begin(static_cast<int32_t>(flag.begin));
      f->set_end(static_cast<int32_t>(flag.end));
      f->set_word(flag.word);
      f->set_part(flag.part);
      f->set_reason(ToProto(flag.reason));
    }
  }
}

}  // namespace depot::journal
