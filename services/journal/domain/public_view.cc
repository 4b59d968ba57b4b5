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

bool NameScreenedBy(const Screening& screening, CorrespondentKind kind) {
  if (screening.Has(kScreenTemporary) || screening.Has(kScreenNameParty)) {
    return true;
  }
  if (kind == CorrespondentKind::kSender) {
    return screening.Has(kScreenNameSender);
  }
  return screening.Has(kScreenNameRecipient);
}

// A title under a screening: everything ("M"), the first line only
// (TM1/TR1), or the public title given for selected words (TMO/TRO); then
// every screened name masked.
std::string ScreenTitle(const std::string& title,
                        const std::string& public_title,
                        const std::optional<Screening>& screening,
                        const char* first_line_code, const char* words_code,
                        const NameMask& mask) {
  std::string base = public_title.empty() ? title : public_title;
  if (screening) {
    if (screening->Has(kScreenTemporary)) return kMask;
    if (screening->Has(words_code) && !public_title.empty()) {
      base = public_title;
    } else if (screening->Has(words_code)) {
      // Recording refuses this; stay safe should old data lack it.
      return kMask;
    }
    if (screening->Has(first_line_code)) {
      std::string_view first = FirstLine(base);
      base = first.size() < base.size() ? std::string(first) + " " + kMask
                                        : std::string(first);
    }
  }
  return mask.Apply(base);
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

CaseView::CaseView(const CaseParties& parties, Day today)
    : case_(parties.journal_case), today_(today) {
  for (const std::string& name : parties.released_names) {
    released_.push_back(CanonicalName(name));
  }
  for (const CaseParties::Party& party : parties.parties) {
    if (NameScreening(party.correspondent, party.entry_screening)) {
      mask_.AddName(party.correspondent.name);
    }
  }
  std::optional<Screening> own;
  if (case_.screening.ActiveOn(today_)) own = case_.screening;
  public_title_ =
      ScreenTitle(case_.title, case_.public_title, own,
                  kScreenCaseTitleFirstLine, kScreenCaseTitleWords, mask_);
}

std::optional<Screening> CaseView::EntryScreening(const Screening& own) const {
  if (own.ActiveOn(today_)) return own;
  if (case_.screening.ActiveOn(today_)) return case_.screening;
  return std::nullopt;
}

bool CaseView::Released(const std::string& name) const {
  return std::find(released_.begin(), released_.end(), CanonicalName(name)) !=
         released_.end();
}

std::optional<Screening> CaseView::NameScreening(
    const Correspondent& correspondent,
    const Screening& entry_screening) const {
  if (correspondent.screening.ActiveOn(today_)) {
    return correspondent.screening;
  }
  if (auto inherited = EntryScreening(entry_screening);
      inherited && NameScreenedBy(*inherited, correspondent.kind)) {
    return inherited;
  }
  // A name screened for the whole case stays screened even where an entry
  // has a screening of its own.
  if (case_.screening.ActiveOn(today_) &&
      NameScreenedBy(case_.screening, correspondent.kind)) {
    return case_.screening;
  }
  if (case_.kind == CaseKind::kJobApplication &&
      correspondent.role == PartyRole::kApplicant &&
      !Released(correspondent.name)) {
    Screening applicant;
    applicant.access_restriction = kUnntattOffentlighet;
    applicant.authority = kApplicantAuthority;
    applicant.metadata = {correspondent.kind == CorrespondentKind::kSender
                              ? kScreenNameSender
                              : kScreenNameRecipient};
    return applicant;
  }
  return std::nullopt;
}

std::optional<Screening> CaseView::HiddenName(
    const Correspondent& correspondent,
    const Screening& entry_screening) const {
  auto hidden = NameScreening(correspondent, entry_screening);
  if (!hidden && mask_.HidesName(correspondent.name)) {
    hidden = Screening{kUnntattOffentlighet, "", {}, std::nullopt};
  }
  return hidden;
}

PublicEntry MakePublicEntry(const JournalEntry& entry, const CaseView& view) {
  const JournalCase& journal_case = view.journal_case();
  const NameMask& mask = view.mask();
  std::optional<Screening> screening = view.EntryScreening(entry.screening);

  PublicEntry out;
  out.system_id = entry.system_id;
  out.year = entry.year;
  out.sequence = entry.sequence;
  out.number_in_case = entry.number_in_case;
  out.case_year = journal_case.year;
  out.case_sequence = journal_case.sequence;
  out.case_public_title = view.public_title();
  if (journal_case.screening.ActiveOn(view.today())) {
    out.case_screening = ToPublic(journal_case.screening);
  }
  out.administrative_unit = mask.Apply(journal_case.administrative_unit);
  out.case_officer = mask.Apply(journal_case.case_officer);
  out.type = entry.type;
  out.status = entry.status;
  out.public_title =
      ScreenTitle(entry.title, entry.public_title, screening,
                  kScreenEntryTitleFirstLine, kScreenEntryTitleWords, mask);
  out.journal_date = entry.journal_date;
  out.document_date = entry.document_date;
  if (screening) out.screening = ToPublic(*screening);

  for (const Correspondent& c : entry.correspondents) {
    PublicCorrespondent pc;
    pc.kind = c.kind;
    pc.applicant = journal_case.kind == CaseKind::kJobApplication &&
                   c.role == PartyRole::kApplicant;
    std::optional<Screening> hidden = view.HiddenName(c, entry.screening);
    pc.screened = hidden.has_value();
    pc.name = pc.screened ? kMask : c.name;
    if (pc.screened) {
      // Tell the public on which grounds names are missing.
      if (out.screening.access_restriction.empty()) {
        out.screening.access_restriction = hidden->access_restriction;
        out.screening.authority = hidden->authority;
      }
      const char* code = c.kind == CorrespondentKind::kSender
                             ? kScreenNameSender
                             : kScreenNameRecipient;
      if (std::find(out.screening.metadata.begin(),
                    out.screening.metadata.end(),
                    code) == out.screening.metadata.end()) {
        out.screening.metadata.push_back(code);
      }
    }
    out.correspondents.push_back(std::move(pc));
  }

  for (const Document& d : entry.documents) {
    std::optional<Screening> own;
    if (d.screening.ActiveOn(view.today())) {
      own = d.screening;
    } else {
      own = screening;
    }
    PublicDocument pd;
    pd.disposed = d.disposal.has_value();
    pd.description =
        own && (own->Has(kScreenDocumentTitle) || own->Has(kScreenTemporary))
            ? kMask
            : mask.Apply(d.description);
    out.documents.push_back(std::move(pd));
  }
  return out;
}

}  // namespace depot::journal
