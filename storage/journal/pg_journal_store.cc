#include "storage/journal/pg_journal_store.h"

#include "storage/audit_writer.h"
#include "storage/journal/clear_text_sealing.h"
#include "storage/journal/pg_journal_cases.h"
#include "storage/journal/pg_journal_disposals.h"
#include "storage/journal/pg_journal_entries.h"
#include "storage/journal/pg_journal_pages.h"
#include "storage/journal/queries.h"
#include "storage/subject_audit.h"

namespace depot::storage {
namespace {

using namespace depot::journal;

// One transaction of the journal: each aggregate's methods are in its own
// class (pg_journal_*.h), this one hands each call to its class.
class PgJournalTransaction : public JournalTransaction {
 public:
  PgJournalTransaction(pqxx::dbtransaction& tx, const JournalSealer& sealer)
      : tx_(tx),
        cases_(tx, sealer),
        entries_(tx, sealer),
        pages_(tx, sealer),
        disposals_(tx, sealer) {}

  /// Keys of documents disposed of in this transaction: destroyed once it
  /// committed.
  const std::vector<std::string>& doomed_keys() const {
    return disposals_.doomed_keys();
  }

  int NextCaseSequence(int year) override { return cases_.NextSequence(year); }
  JournalCase InsertCase(const JournalCase& c) override {
    return cases_.Insert(c);
  }
  std::optional<JournalCase> FindCase(int year, int sequence,
                                      bool for_update) override {
    return cases_.Find(year, sequence, for_update);
  }
  void MarkCaseClosed(int64_t case_id, TimePoint closed_at,
                      const std::string& closed_by) override {
    cases_.MarkClosed(case_id, closed_at, closed_by);
  }
  int NextNumberInCase(int64_t case_id) override {
    return cases_.NextNumberInCase(case_id);
  }
  void InsertRelease(const NameRelease& release) override {
    cases_.InsertRelease(release);
  }
  void InsertScreenedWords(int64_t case_id, const JournalEntry& entry,
                           const ScreenedWords& words) override {
    cases_.InsertScreenedWords(case_id, entry, words);
  }
  CaseParties LoadCaseParties(int64_t case_id) override {
    return cases_.LoadParties(case_id);
  }

  int NextEntrySequence(int year) override {
    return entries_.NextSequence(year);
  }
  JournalEntry InsertEntry(const JournalEntry& entry) override {
    return entries_.Insert(entry);
  }
  std::optional<JournalEntry> FindEntry(int year, int sequence,
                                        bool with_content) override {
    return entries_.Find(year, sequence, with_content);
  }
  std::vector<JournalEntry> EntriesOfCase(int64_t case_id) override {
    return entries_.OfCase(case_id);
  }
  std::vector<JournalEntry> EntriesOfIdentity(
      const std::string& national_id_index,
      const std::string& person_index) override {
    return entries_.OfIdentity(national_id_index, person_index);
  }
  int64_t CountNameOnlyCorrespondents(const std::string& folded_name) override {
    return entries_.CountNameOnlyCorrespondents(folded_name);
  }

  int64_t CountEntries(Date from, Date to) override {
    return pages_.CountEntries(from, to);
  }
  EntryBound CurrentEntryBound(Date from, Date to) override {
    return pages_.CurrentEntryBound(from, to);
  }
  std::vector<JournalEntry> EntriesPage(Date from, Date to,
                                        const std::optional<EntryKey>& after,
                                        int limit,
                                        const EntryBound& bound) override {
    return pages_.EntriesPage(from, to, after, limit, bound);
  }

  std::vector<DisposalCandidate> DisposalCandidates() override {
    return disposals_.Candidates();
  }
  void RecordDisposal(const DisposalRecord& disposal) override {
    disposals_.Record(disposal);
  }
  JournalSettings LoadSettings() override { return disposals_.LoadSettings(); }
  void SaveSettings(const JournalSettings& settings) override {
    disposals_.SaveSettings(settings);
  }

  void Audit(const AuditEvent& event) override {
    AppendAuditEvent(tx_, "journal", event);
  }
  std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) override {
    return storage::AuditEventsAbout(tx_, "journal", pseudonyms);
  }

 private:
  pqxx::dbtransaction& tx_;
  PgJournalCases cases_;
  PgJournalEntries entries_;
  PgJournalPages pages_;
  PgJournalDisposals disposals_;
};

}  // namespace

PgJournalStore::PgJournalStore(ConnectionPool& pool, const Keyring& keyring,
                               SubjectKeyStore* keys)
    : pool_(pool), sealer_(keyring, keys) {
  pool_.Prepare(journal_sql::kAllQueries);
}

void PgJournalStore::Run(
    const std::function<void(journal::JournalTransaction&)>& work) {
  std::vector<std::string> doomed_keys;
  pool_.Transact([&](pqxx::work& tx) {
    PgJournalTransaction transaction(tx, sealer_);
    work(transaction);
    doomed_keys = transaction.doomed_keys();
  });
  // Only once the disposal committed: a rollback keeps the content.
  for (const std::string& key : doomed_keys) sealer_.DestroyDocumentKey(key);
}

void PgJournalStore::RunSnapshot(
    const std::function<void(journal::JournalTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    // Before any query: the whole report sees one snapshot.
    tx.exec_prepared(journal_sql::kUseOneSnapshot.name);
    PgJournalTransaction transaction(tx, sealer_);
    work(transaction);
  });
}

int64_t PgJournalStore::SealClearText() {
  return SealClearTextRows(pool_, sealer_);
}

}  // namespace depot::storage
