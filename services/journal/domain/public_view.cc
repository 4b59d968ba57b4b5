#include "services/journal/domain/public_view.h"

#include <algorithm>
#include <cstdio>

#include "services/journal/domain/codes.h"

namespace depot::journal {
namespace {

PublicScreening ToPublic(const Screening& screening) {
  return {screening.access_restriction, screening.authority,
          screening.metadata};
}

void AddCode(PublicScreening* screening, const char* code) {
  if (std::find(screening->metadata.begin(), screening->metadata.end(), code) ==
      screening->metadata.end()) {
    screening->metadata.push_back(code);
  }
}

// Keeps the text of a field (and, for the preview, where it came from).
class Recorder {
 public:
  explicit Recorder(std::vector<PublicTextPreview>* preview)
      : preview_(preview) {}

  std::string Keep(const std::string& field, const std::string& source,
                   MaskedText masked, bool second_look = true) {
    std::string text = masked.text;
    if (preview_ != nullptr) {
      preview_->push_back({field, source, std::move(masked), second_look});
    }
    return text;
  }

 private:
  std::vector<PublicTextPreview>* preview_;
};

std::string Indexed(const char* list, size_t index, const char* field) {
  return std::string(list) + "[" + std::to_string(index) + "]." + field;
}

// The correspondents as the public sees them, and the grounds of the names
// hidden among them.
void AddCorrespondents(const JournalEntry& entry, const CaseView& view,
                       Recorder* recorder, PublicEntry* out) {
  for (size_t i = 0; i < entry.correspondents.size(); ++i) {
    const Correspondent& c = entry.correspondents[i];
    PublicCorrespondent pc;
    pc.kind = c.kind;
    pc.applicant = view.journal_case().kind == CaseKind::kJobApplication &&
                   c.role == PartyRole::kApplicant;
    std::optional<Screening> hidden = view.HiddenName(c, entry.screening);
    pc.screened = hidden.has_value();
    std::string field = Indexed("correspondents", i, "name");
    if (pc.screened) {
      pc.name = recorder->Keep(
          field, c.name, MaskWhole(c.name, MaskReason::kScreenedCorrespondent));
      // Tell the public on which grounds names are missing.
      if (out->screening.access_restriction.empty()) {
        out->screening.access_restriction = hidden->access_restriction;
        out->screening.authority = hidden->authority;
      }
      AddCode(&out->screening, c.kind == CorrespondentKind::kSender
                                   ? kScreenNameSender
                                   : kScreenNameRecipient);
    } else if (pc.applicant) {
      // Released by a staff decision: shown as journaled.
      pc.name = recorder->Keep(field, c.name, MaskedText{c.name, {}}, false);
    } else {
      pc.name = recorder->Keep(field, c.name, view.masker().Mask(c.name));
      // A spelling of a screened name is that name.
      pc.screened = pc.name == kMask;
    }
    out->correspondents.push_back(std::move(pc));
  }
}

// The documents' descriptions: hidden by their screening (their own, else
// the entry's in force), else masked.
void AddDocuments(const JournalEntry& entry, const CaseView& view,
                  const std::optional<Screening>& entry_screening,
                  Recorder* recorder, PublicEntry* out) {
  for (size_t i = 0; i < entry.documents.size(); ++i) {
    const Document& d = entry.documents[i];
    std::optional<Screening> own = entry_screening;
    if (d.screening.ActiveOn(view.today())) own = d.screening;
    PublicDocument pd;
    pd.disposed = d.disposal.has_value();
    bool hidden =
        own && (own->Has(kScreenDocumentTitle) || own->Has(kScreenTemporary));
    pd.description = recorder->Keep(
        Indexed("documents", i, "description"), d.description,
        hidden ? MaskWhole(d.description, MaskReason::kScreeningCode)
               : view.masker().Mask(d.description));
    out->documents.push_back(std::move(pd));
  }
}

}  // namespace

std::string PublicEntry::JournalNumber() const {
  char text[32];
  std::snprintf(text, sizeof(text), "%d/%06d", year, sequence);
  return text;
}

std::string PublicEntry::CaseNumber() const {
  return std::to_string(case_year) + "/" + std::to_string(case_sequence);
}

std::string PublicEntry::RegistryId() const {
  return CaseNumber() + "-" + std::to_string(number_in_case);
}

PublicEntry MakePublicEntry(const JournalEntry& entry, const CaseView& view,
                            std::vector<PublicTextPreview>* preview) {
  const JournalCase& journal_case = view.journal_case();
  const Masker& masker = view.masker();
  std::optional<Screening> screening = view.EntryScreening(entry.screening);
  Recorder recorder(preview);

  PublicEntry out;
  out.system_id = entry.system_id;
  out.year = entry.year;
  out.sequence = entry.sequence;
  out.number_in_case = entry.number_in_case;
  out.case_year = journal_case.year;
  out.case_sequence = journal_case.sequence;
  out.case_public_title = recorder.Keep("case_public_title",
                                        journal_case.public_title.empty()
                                            ? journal_case.title
                                            : journal_case.public_title,
                                        view.public_title());
  if (journal_case.screening.ActiveOn(view.today())) {
    out.case_screening = ToPublic(journal_case.screening);
  }
  out.administrative_unit =
      recorder.Keep("administrative_unit", journal_case.administrative_unit,
                    masker.Mask(journal_case.administrative_unit));
  out.case_officer = recorder.Keep("case_officer", journal_case.case_officer,
                                   masker.Mask(journal_case.case_officer));
  out.type = entry.type;
  out.status = entry.status;
  out.public_title = recorder.Keep(
      "public_title",
      entry.public_title.empty() ? entry.title : entry.public_title,
      ScreenTitle(entry.title, entry.public_title, screening,
                  kScreenEntryTitleFirstLine, kScreenEntryTitleWords, masker));
  out.journal_date = entry.journal_date;
  out.document_date = entry.document_date;
  // Each level carries its own screening as recorded (the case's is in
  // case_screening): an entry without one of its own does not show the
  // case's as if it were its own, though it is screened by it.
  if (entry.screening.ActiveOn(view.today())) {
    out.screening = ToPublic(entry.screening);
  }

  AddCorrespondents(entry, view, &recorder, &out);
  AddDocuments(entry, view, screening, &recorder, &out);

  // Words marked to screen hide on the grounds the archivist gave.
  std::string word_authority = view.WordScreeningAuthority(entry.id);
  if (!word_authority.empty() && out.screening.access_restriction.empty()) {
    out.screening.access_restriction = kUnntattOffentlighet;
    out.screening.authority = word_authority;
  }
  return out;
}

}  // namespace depot::journal
