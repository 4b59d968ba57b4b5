// JournalService's storage on real PostgreSQL: the reports' paging in
// journal order and within the bound of their start, and the Noark 5
// exports from real storage.
#include <gtest/gtest.h>

#include "tests/integration/journal_store_fixture.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::NoonOf;
using testing::OrdinaryCase;

TEST_F(PgJournalStoreTest, PagesThroughLongRangesInJournalOrder) {
  std::vector<std::string> cases;
  for (int i = 0; i < 40; ++i) {
    cases.push_back(
        journal_.CreateCase(Archivist(), OrdinaryCase("Brev")).Number());
  }
  const char* days[] = {"2026-02-01", "2026-02-02", "2026-02-03"};
  // Past two pages (500 entries each) of the keyset paging.
  for (int i = 0; i < 1203; ++i) {
    NewEntry e = Incoming(cases[i % cases.size()], "Brev " + std::to_string(i),
                          "Firma AS");
    e.journal_date = days[(i * 7) % 3];
    journal_.RecordEntry(Archivist(), e);
  }
  std::vector<PublicEntry> seen;
  reports_.Stream(Desk(), "2026-02-01", "2026-02-03",
                  [&](const PublicEntry& e) { seen.push_back(e); });
  ASSERT_EQ(seen.size(), 1203u);
  for (size_t i = 1; i < seen.size(); ++i) {
    const auto& a = seen[i - 1];
    const auto& b = seen[i];
    EXPECT_TRUE(std::tie(a.journal_date, a.year, a.sequence) <
                std::tie(b.journal_date, b.year, b.sequence));
  }
  size_t second_day = 0;
  reports_.Stream(Desk(), "2026-02-02", "2026-02-02",
                  [&](const PublicEntry&) { ++second_day; });
  EXPECT_EQ(second_day, 401u);
}

// Reports read a page per transaction; the bound taken when they begin
// keeps later pages to the entries committed by then.
TEST_F(PgJournalStoreTest, PagesKeepToTheBoundOfTheirStart) {
  std::string number =
      journal_.CreateCase(Archivist(), OrdinaryCase("Plan")).Number();
  for (int i = 0; i < 3; ++i) {
    journal_.RecordEntry(Archivist(), Incoming(number, "Brev", "Ola"));
  }
  Date from = *ParseDate("2026-01-01"), to = *ParseDate("2026-12-31");
  EntryBound bound;
  store_.Run(
      [&](JournalTransaction& tx) { bound = tx.CurrentEntryBound(from, to); });
  EXPECT_EQ(bound.last_sequence, (std::map<int, int>{{2026, 3}}));
  for (int i = 0; i < 2; ++i) {
    journal_.RecordEntry(Archivist(), Incoming(number, "Brev", "Kari"));
  }
  std::vector<JournalEntry> first, rest;
  store_.Run([&](JournalTransaction& tx) {
    first = tx.EntriesPage(from, to, std::nullopt, 2, bound);
    const JournalEntry& last = first.back();
    rest = tx.EntriesPage(from, to,
                          EntryKey{last.journal_date, last.year, last.sequence},
                          10, bound);
  });
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].sequence, 3);
  store_.Run([&](JournalTransaction& tx) {
    EXPECT_EQ(tx.EntriesPage(from, to, std::nullopt, 10,
                             tx.CurrentEntryBound(from, to))
                  .size(),
              5u);
    EXPECT_TRUE(
        tx.EntriesPage(from, to, std::nullopt, 10, EntryBound{}).empty());
  });
}

// Every offentligJournal.xml and loependeJournal.xml validates
// against the Noark 5 schemas (here from real storage).
TEST_F(PgJournalStoreTest, ExportsFromTheDatabaseValidate) {
  auto job = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  journal_.RecordEntry(Archivist(),
                       Incoming(job, "Søknad <& \"x\">", "Ærlig Øyen", true));
  auto c = journal_.CreateCase(Archivist(), OrdinaryCase("Sak")).Number();
  NewEntry screened = Incoming(c, "Klage", "Nabo");
  screened.screening = {"UO", "offentleglova § 13", {"NA", "TR1"}, ""};
  journal_.RecordEntry(Archivist(), screened);
  std::string offentlig, loepende;
  reports_.ExportOffentlig(Desk(), "2026-01-01", "2026-12-31",
                           [&](std::string_view s) { offentlig += s; });
  reports_.ExportLoepende(Archivist(), "2026-01-01", "2026-12-31",
                          [&](std::string_view s) { loepende += s; });
  EXPECT_EQ(offentlig.find("Øyen"), std::string::npos);
  EXPECT_NE(loepende.find("Ærlig Øyen"), std::string::npos);
  EXPECT_GE(Sql(depot::testing::sql::kCountJournalAuditEventsOfAction,
                "journal.internal.read")[0][0]
                .as<int>(),
            2);
  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(
      depot::testing::Noark5SchemaErrors("offentligJournal.xsd", offentlig), "")
      << offentlig;
  EXPECT_EQ(depot::testing::Noark5SchemaErrors("loependeJournal.xsd", loepende),
            "")
      << loepende;
}

}  // namespace
}  // namespace depot::journal
