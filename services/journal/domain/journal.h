#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/common/crypto/keyring.h"
#include "services/common/date.h"
#include "services/journal/domain/entry_input.h"
#include "services/journal/domain/journal_store.h"
#include "services/journal/domain/public_view.h"
#include "services/journal/domain/word_screening.h"

namespace depot::journal {

/// An entry as staff see it, with what of it the public would see.
struct EntryDetails {
  JournalEntry entry;
  JournalCase journal_case;
  /// Per correspondent: why its name is screened, or nullopt.
  std::vector<std::optional<Screening>> name_screening;
  PublicEntry public_view;
  /// Per correspondent: the birth date of its identity, for archivists
  /// only (as reading-room visitors show theirs to staff); empty otherwise.
  /// The national identity number is never read back.
  std::vector<std::string> birth_dates;
  /// The words of this entry marked to screen, each marking as made.
  std::vector<ScreenedWords> screened_words;
};

struct ReleaseResult {
  std::string case_number;
  int correspondents_released = 0;
  int still_screened = 0;  ///< screened on other grounds as well
  TimePoint released_at;
  std::string released_by;
};

/// The rules for cases, journal entries, name releases and settings.
class Journal {
 public:
  static constexpr size_t kMaxContentBytes = kMaxEntryContentBytes;

  Journal(JournalStore& store, const Keyring& keyring, Clock clock);

  /// The case number is the next of the current year.
  JournalCase CreateCase(const Caller& caller, const NewCase& request);
  JournalCase GetCase(const Caller& caller, const std::string& case_number);
  /// FailedPrecondition when closed already.
  JournalCase CloseCase(const Caller& caller, const std::string& case_number);

  /// Validates, numbers (gapless per year and per case) and stores an entry
  /// in an open case; audits each correspondent.
  EntryDetails RecordEntry(const Caller& caller, const NewEntry& request);
  /// Audits each correspondent (an internal read of names).
  EntryDetails GetEntry(const Caller& caller, const std::string& journal_number,
                        bool include_content);

  /// Screens further words of an entry in every public text of its case;
  /// audited. Returns the entry with its new public view.
  EntryDetails ScreenWords(const Caller& caller,
                           const std::string& journal_number,
                           const WordScreeningInput& words);

  /// Makes an applicant's name public in a job-application case.
  ReleaseResult ReleaseName(const Caller& caller,
                            const std::string& case_number,
                            const std::string& name, const std::string& reason);

  JournalSettings GetSettings(const Caller& caller);
  /// Empty strings / 0 keep a setting.
  JournalSettings UpdateSettings(const Caller& caller,
                                 const std::string& creator_id,
                                 const std::string& creator_name,
                                 int retention_months);

 private:
  JournalCase FindCaseOrThrow(JournalTransaction& tx,
                              const std::string& case_number, bool for_update);
  EntryDetails Describe(const CaseParties& parties, JournalEntry entry);
  void ShowBirthDates(const Caller& caller, EntryDetails& details) const;
  void AuditCorrespondents(JournalTransaction& tx, const Caller& caller,
                           const std::string& action,
                           const JournalEntry& entry);
  /// Stores a marking of the entry (filled with who and when) and audits it.
  void RecordWords(JournalTransaction& tx, const Caller& caller,
                   const JournalEntry& entry, ScreenedWords words,
                   CaseParties* parties);

  JournalStore& store_;
  const Keyring& keyring_;
  Clock clock_;
};

}  // namespace depot::journal
