#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "services/journal/domain/journal_types.h"
#include "services/journal/domain/masking/masker.h"

namespace depot::journal {

/// One case prepared for public views on a given day: whose names are
/// screened anywhere in it, the masker of its screened names and words,
/// and its public title.
class CaseView {
 public:
  CaseView(const CaseParties& parties, Date today);

  const JournalCase& journal_case() const { return case_; }
  Date today() const { return today_; }
  /// The case's public title, screened.
  const MaskedText& public_title() const { return public_title_; }
  const Masker& masker() const { return masker_; }
  /// The screening of the entry in force today: its own, else the case's
  /// (Noark 5 screening is inherited).
  std::optional<Screening> EntryScreening(const Screening& own) const;
  /// Why the correspondent's name must not show, or nullopt when it may.
  std::optional<Screening> NameScreening(
      const Correspondent& correspondent,
      const Screening& entry_screening) const;
  /// NameScreening, or, for a name screened elsewhere in the case, a
  /// screening saying so: what every output uses for a correspondent.
  std::optional<Screening> HiddenName(const Correspondent& correspondent,
                                      const Screening& entry_screening) const;
  bool Released(const std::string& name) const;
  /// The authority of the words marked to screen in the entry (the first
  /// marking's), or "" when none are.
  std::string WordScreeningAuthority(int64_t entry_id) const;

 private:
  JournalCase case_;
  Date today_;
  std::vector<std::string> released_;  // canonical names
  std::set<std::string> screened_;     // canonical names
  std::vector<ScreenedWords> words_;
  Masker masker_;
  MaskedText public_title_;
};

/// A title under a screening: everything ("M"), the first line only
/// (TM1/TR1), or the public title given for selected words (TMO/TRO); then
/// every screened name and word masked.
MaskedText ScreenTitle(const std::string& title,
                       const std::string& public_title,
                       const std::optional<Screening>& screening,
                       const char* first_line_code, const char* words_code,
                       const Masker& masker);

/// The whole of a field hidden, as one span.
MaskedText MaskWhole(const std::string& source, MaskReason reason);

}  // namespace depot::journal
