#include "services/journal/domain/case_view.h"

#include <algorithm>

#include "services/journal/domain/codes.h"
#include "services/journal/domain/masking/words.h"

namespace depot::journal {
namespace {

bool NameScreenedBy(const Screening& screening, CorrespondentKind kind) {
  if (screening.Has(kScreenTemporary) || screening.Has(kScreenNameParty)) {
    return true;
  }
  if (kind == CorrespondentKind::kSender) {
    return screening.Has(kScreenNameSender);
  }
  return screening.Has(kScreenNameRecipient);
}

}  // namespace

MaskedText MaskWhole(const std::string& source, MaskReason reason) {
  MaskedText out;
  out.text = kMask;
  out.spans.push_back({0, out.text.size(), 0, source.size(), {reason}});
  return out;
}

MaskedText ScreenTitle(const std::string& title,
                       const std::string& public_title,
                       const std::optional<Screening>& screening,
                       const char* first_line_code, const char* words_code,
                       const Masker& masker) {
  std::string base = public_title.empty() ? title : public_title;
  if (screening) {
    if (screening->Has(kScreenTemporary)) {
      return MaskWhole(base, MaskReason::kScreeningCode);
    }
    if (screening->Has(words_code) && public_title.empty()) {
      // Recording refuses this; stay safe should old data lack it.
      return MaskWhole(base, MaskReason::kScreeningCode);
    }
    if (screening->Has(first_line_code)) {
      std::string_view first = FirstLine(base);
      if (first.size() < base.size()) {
        MaskedText out = masker.Mask(first);
        out.text += ' ';
        out.spans.push_back({out.text.size(),
                             out.text.size() + sizeof(kMask) - 1,
                             first.size(),
                             base.size(),
                             {MaskReason::kScreeningCode}});
        out.text += kMask;
        return out;
      }
    }
  }
  return masker.Mask(base);
}

CaseView::CaseView(const CaseParties& parties, Date today)
    : case_(parties.journal_case),
      today_(today),
      words_(parties.screened_words) {
  for (const std::string& name : parties.released_names) {
    released_.push_back(CanonicalName(name));
  }
  MaskerBuilder builder;
  for (const CaseParties::Party& party : parties.parties) {
    if (NameScreening(party.correspondent, party.entry_screening)) {
      screened_.insert(CanonicalName(party.correspondent.name));
      builder.AddScreenedName(party.correspondent.name);
    }
  }
  for (const CaseParties::Party& party : parties.parties) {
    const Correspondent& c = party.correspondent;
    if (screened_.count(CanonicalName(c.name))) continue;
    builder.AddPublicName(c.name, c.role == PartyRole::kApplicant &&
                                      case_.kind == CaseKind::kJobApplication);
  }
  if (!case_.case_officer.empty()) {
    builder.AddPublicName(case_.case_officer, false);
  }
  for (const ScreenedWords& marked : words_) {
    for (const std::string& word : marked.words) {
      builder.AddScreenedWords(word);
    }
  }
  masker_ = builder.Build();
  std::optional<Screening> own;
  if (case_.screening.ActiveOn(today_)) own = case_.screening;
  public_title_ =
      ScreenTitle(case_.title, case_.public_title, own,
                  kScreenCaseTitleFirstLine, kScreenCaseTitleWords, masker_);
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

std::string CaseView::WordScreeningAuthority(int64_t entry_id) const {
  for (const ScreenedWords& marked : words_) {
    if (marked.entry_id == entry_id) return marked.authority;
  }
  return "";
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
  if (!hidden && screened_.count(CanonicalName(correspondent.name))) {
    hidden = Screening{kUnntattOffentlighet, "", {}, std::nullopt};
  }
  return hidden;
}

}  // namespace depot::journal
