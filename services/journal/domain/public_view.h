#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/journal/domain/journal_types.h"
#include "services/journal/domain/name_mask.h"

namespace depot::journal {

// The public view of the journal. Every public output (the PublicJournal
// stream and its JSON, offentligJournal.xml, the applicant list) is built
// from PublicEntry values made by MakePublicEntry, and PublicEntry holds
// nothing that screening has not been applied to: no output path can
// forget it.

struct PublicCorrespondent {
  CorrespondentKind kind = CorrespondentKind::kSender;
  std::string name;  ///< the name, or "******"
  bool screened = false;
  bool applicant = false;
};

struct PublicDocument {
  std::string description;
  bool disposed = false;
};

/// On which grounds something in the entry is screened (never what).
struct PublicScreening {
  std::string access_restriction;
  std::string authority;
  std::vector<std::string> metadata;
};

struct PublicEntry {
  std::string system_id;
  int year = 0;
  int sequence = 0;
  int number_in_case = 0;
  int case_year = 0;
  int case_sequence = 0;
  std::string case_public_title;
  PublicScreening case_screening;
  std::string administrative_unit;
  std::string case_officer;
  EntryType type = EntryType::kIncoming;
  EntryStatus status = EntryStatus::kJournalfoert;
  std::string public_title;
  Day journal_date;
  std::optional<Day> document_date;
  PublicScreening screening;
  std::vector<PublicCorrespondent> correspondents;
  std::vector<PublicDocument> documents;

  std::string JournalNumber() const;
  std::string CaseNumber() const;
  std::string RegistryId() const;
};

/// One case prepared for public views on a given day: which names are
/// screened anywhere in it, and its public title.
class CaseView {
 public:
  CaseView(const CaseParties& parties, Day today);

  const JournalCase& journal_case() const { return case_; }
  Day today() const { return today_; }
  /// The case's public title, screened.
  const std::string& public_title() const { return public_title_; }
  const NameMask& mask() const { return mask_; }
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

 private:
  JournalCase case_;
  Day today_;
  std::vector<std::string> released_;  // canonical names
  NameMask mask_;
  std::string public_title_;
};

/// THE public view of one entry of the case (see the top of this file).
PublicEntry MakePublicEntry(const JournalEntry& entry, const CaseView& view);

}  // namespace depot::journal
