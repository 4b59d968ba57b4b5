#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "services/common/audit_event.h"
#include "services/common/subject_data.h"
#include "services/journal/domain/journal_types.h"

namespace depot::journal {

/// Which entries a report covers: per journal year, the last sequence
/// committed when it began. The sequences of a year are handed out under a
/// row lock held until commit (NextEntrySequence), so an entry committed
/// later has a higher one: reading page by page in transactions of their
/// own, a report still shows exactly the entries its first transaction saw.
struct EntryBound {
  std::map<int, int> last_sequence;  ///< journal year -> sequence

  bool Covers(int year, int sequence) const {
    auto found = last_sequence.find(year);
    return found != last_sequence.end() && sequence <= found->second;
  }
};

/// The data operations of one JournalService transaction. Implemented over
/// PostgreSQL in storage/journal and by an in-memory fake in unit tests.
///
/// Lock order (no deadlocks between writers): a case row (FindCase with
/// for_update, NextNumberInCase) before a year counter (NextCaseSequence,
/// NextEntrySequence).
class JournalTransaction {
 public:
  virtual ~JournalTransaction() = default;

  /// The next sakssekvensnummer of the year: a counter row updated in this
  /// transaction, so a rollback gives the number back and concurrent
  /// writers of the same year queue on the row.
  virtual int NextCaseSequence(int year) = 0;
  /// Fills id, system_id, created_at.
  virtual JournalCase InsertCase(const JournalCase& journal_case) = 0;
  /// for_update: locks the case row until the transaction ends.
  virtual std::optional<JournalCase> FindCase(int year, int sequence,
                                              bool for_update) = 0;
  virtual void MarkCaseClosed(int64_t case_id, TimePoint closed_at,
                              const std::string& closed_by) = 0;

  /// The next journalsekvensnummer of the year (as NextCaseSequence).
  virtual int NextEntrySequence(int year) = 0;
  /// The next journalpostnummer within the case.
  virtual int NextNumberInCase(int64_t case_id) = 0;
  /// Inserts the entry with its correspondents and documents; fills their
  /// ids, system_id and recorded_at.
  virtual JournalEntry InsertEntry(const JournalEntry& entry) = 0;
  virtual std::optional<JournalEntry> FindEntry(int year, int sequence,
                                                bool with_content) = 0;
  /// Every entry of a case in journal order (documents without content).
  virtual std::vector<JournalEntry> EntriesOfCase(int64_t case_id) = 0;

  /// Entries (documents without content) with a correspondent whose
  /// identity has the national-id index or the person index given (an empty
  /// index matches nothing), in journal order: a rights request's entries.
  virtual std::vector<JournalEntry> EntriesOfIdentity(
      const std::string& national_id_index,
      const std::string& person_index) = 0;
  /// Correspondents journaled without an identity whose name folds
  /// (FoldName) to folded_name: they cannot be attributed to a person.
  virtual int64_t CountNameOnlyCorrespondents(
      const std::string& folded_name) = 0;

  /// Throws AlreadyExists when the name is released in the case already.
  virtual void InsertRelease(const NameRelease& release) = 0;
  /// Records words of the entry marked to screen (the entry's case row is
  /// locked by the caller).
  virtual void InsertScreenedWords(int64_t case_id, const JournalEntry& entry,
                                   const ScreenedWords& words) = 0;
  /// The case, its correspondents, released names and screened words.
  virtual CaseParties LoadCaseParties(int64_t case_id) = 0;

  /// Entries with from <= journal_date <= to.
  virtual int64_t CountEntries(Date from, Date to) = 0;
  /// The entries of the years from..to committed so far, as a bound that
  /// later pages keep to (see EntryBound).
  virtual EntryBound CurrentEntryBound(Date from, Date to) = 0;
  /// The next page of them within bound, in journal order (journal date,
  /// year, sequence) after `after`, at most limit; documents without
  /// content.
  virtual std::vector<JournalEntry> EntriesPage(
      Date from, Date to, const std::optional<EntryKey>& after, int limit,
      const EntryBound& bound) = 0;

  /// Application documents not yet disposed of in closed cases, locked
  /// against a concurrent run.
  virtual std::vector<DisposalCandidate> DisposalCandidates() = 0;
  /// Deletes the document's content (and reference) and records the
  /// disposal.
  virtual void RecordDisposal(const DisposalRecord& disposal) = 0;

  virtual JournalSettings LoadSettings() = 0;
  virtual void SaveSettings(const JournalSettings& settings) = 0;

  /// Appends an audit event to journal.audit_events in this transaction.
  virtual void Audit(const AuditEvent& event) = 0;
  /// Audit events whose subject is one of the pseudonyms, oldest first
  /// (for a person's access-request extract).
  virtual std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) = 0;
};

/// Runs work atomically: all of it commits or none of it does.
class JournalStore {
 public:
  virtual ~JournalStore() = default;
  virtual void Run(const std::function<void(JournalTransaction&)>& work) = 0;
  /// Like Run, on one consistent snapshot of the data (repeatable read),
  /// for long reads such as exports whose header counts what follows.
  virtual void RunSnapshot(
      const std::function<void(JournalTransaction&)>& work) = 0;
};

}  // namespace depot::journal
