// JournalService's storage on real PostgreSQL, statement by statement
// where the domain-driven tests (journal_store_test.cc) do not reach: the
// snapshot of a report, words marked to screen, the settings.
#include <gtest/gtest.h>

#include <chrono>

#include "services/journal/domain/journal.h"
#include "storage/journal/pg_journal_store.h"
#include "tests/support/postgres.h"
#include "tests/support/fakes/journal_test_support.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Incoming;
using testing::OrdinaryCase;

class PgJournalStatementsTest : public ::testing::Test {
 protected:
  // The journal date of the entries written: the fake clock's day.
  const Date from_ = *ParseDate("2026-01-01");
  const Date to_ = *ParseDate("2026-12-31");

  depot::testing::TestDatabase db_;
  storage::ConnectionPool pool_{db_.dsn(), 4};
  Keyring keyring_ = Keyring::Random();
  storage::PgJournalStore store_{pool_, keyring_};
  testing::FakeClock clock_{testing::kFirstTestDay};
  Journal journal_{store_, keyring_, clock_.clock()};
};

// A report (RunSnapshot) reads one snapshot: an entry committed by another
// transaction while it runs stays out of what it reads, while a plain
// transaction (Run) sees it at its next statement.
TEST_F(PgJournalStatementsTest, ASnapshotKeepsOutEntriesCommittedMeanwhile) {
  std::string number =
      journal_.CreateCase(Archivist(), OrdinaryCase("Plan")).Number();
  journal_.RecordEntry(Archivist(), Incoming(number, "Brev", "Ola"));

  int64_t snapshot_before = -1, snapshot_after = -1;
  store_.RunSnapshot([&](JournalTransaction& tx) {
    snapshot_before = tx.CountEntries(from_, to_);
    journal_.RecordEntry(Archivist(), Incoming(number, "Brev", "Kari"));
    snapshot_after = tx.CountEntries(from_, to_);
  });
  EXPECT_EQ(snapshot_before, 1);
  EXPECT_EQ(snapshot_after, 1);

  int64_t plain_before = -1, plain_after = -1;
  store_.Run([&](JournalTransaction& tx) {
    plain_before = tx.CountEntries(from_, to_);
    journal_.RecordEntry(Archivist(), Incoming(number, "Brev", "Per"));
    plain_after = tx.CountEntries(from_, to_);
  });
  EXPECT_EQ(plain_before, 2);
  EXPECT_EQ(plain_after, 3);
}

// Words marked to screen come back with their case in the order they were
// marked, the words opened.
TEST_F(PgJournalStatementsTest, ScreenedWordsComeBackWithTheirCase) {
  std::string number =
      journal_.CreateCase(Archivist(), OrdinaryCase("Plan")).Number();
  journal_.RecordEntry(Archivist(), Incoming(number, "Brev", "Ola"));
  const TimePoint at =
      testing::NoonOf(2026, 3, 10) + std::chrono::microseconds(123456);
  int64_t entry_id = 0;
  store_.Run([&](JournalTransaction& tx) {
    JournalEntry entry = *tx.FindEntry(2026, 1, false);
    entry_id = entry.id;
    tx.InsertScreenedWords(
        entry.case_id, entry,
        {0, {"Kaja", "Berg"}, "offentleglova § 13", at, "anna"});
    tx.InsertScreenedWords(entry.case_id, entry,
                           {0, {"Tromsø"}, "offentleglova § 25", at, "ola"});
  });
  CaseParties parties;
  store_.Run([&](JournalTransaction& tx) {
    JournalCase found = *tx.FindCase(2026, 1, false);
    parties = tx.LoadCaseParties(found.id);
  });
  ASSERT_EQ(parties.screened_words.size(), 2u);
  const ScreenedWords& first = parties.screened_words[0];
  EXPECT_EQ(first.entry_id, entry_id);
  EXPECT_EQ(first.words, (std::vector<std::string>{"Kaja", "Berg"}));
  EXPECT_EQ(first.authority, "offentleglova § 13");
  EXPECT_EQ(first.screened_at, at);
  EXPECT_EQ(first.screened_by, "anna");
  EXPECT_EQ(parties.screened_words[1].words,
            std::vector<std::string>{"Tromsø"});
  EXPECT_EQ(parties.screened_words[1].screened_by, "ola");
}

// The settings saved are the settings loaded, to the microsecond.
TEST_F(PgJournalStatementsTest, SettingsSavedAreLoaded) {
  JournalSettings saved;
  saved.archive_creator_id = "IKA-1";
  saved.archive_creator_name = "Interkommunalt arkiv";
  saved.application_retention_months = 18;
  saved.updated_at =
      testing::NoonOf(2026, 3, 10) + std::chrono::microseconds(654321);
  saved.updated_by = "anna";
  store_.Run([&](JournalTransaction& tx) { tx.SaveSettings(saved); });
  JournalSettings loaded;
  store_.Run([&](JournalTransaction& tx) { loaded = tx.LoadSettings(); });
  EXPECT_EQ(loaded.archive_creator_id, "IKA-1");
  EXPECT_EQ(loaded.archive_creator_name, "Interkommunalt arkiv");
  EXPECT_EQ(loaded.application_retention_months, 18);
  EXPECT_EQ(loaded.updated_at, saved.updated_at);
  EXPECT_EQ(loaded.updated_by, "anna");
}

}  // namespace
}  // namespace depot::journal
