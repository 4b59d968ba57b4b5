// JournalService's storage on real PostgreSQL: cases, entries and
// documents stored and read back, numbering under concurrent writers.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/integration/journal_store_fixture.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::NoonOf;
using testing::OrdinaryCase;

TEST_F(PgJournalStoreTest, StoresAndReadsBackCasesEntriesAndDocuments) {
  NewCase c = JobCase("Stilling som arkivar");
  c.public_title = "Stilling som arkivar (offentlig)";
  c.screening = {"P", "offentleglova § 25", {"TMO"}, "2030-01-01"};
  JournalCase created = journal_.CreateCase(Archivist(), c);
  EXPECT_EQ(created.Number(), "2026/1");
  EXPECT_EQ(created.screening.access_restriction, "Personalsaker");

  NewEntry e = Incoming(created.Number(), "Søknad", "Åse Bjørnstad", true);
  e.document_date = "2026-03-01";
  e.documents[0].content = std::string("PDF\0binary\xff", 11);
  NewDocument ref;
  ref.description = "Attester";
  ref.content_ref = "dms:77";
  ref.sha256 = std::string(64, 'c');
  ref.screening = {"UO", "offentleglova § 25", {"TD"}, ""};
  e.documents.push_back(ref);
  e.correspondents.push_back({"Anna Arkivar",
                              CorrespondentKind::kCopyRecipient,
                              PartyRole::kOther,
                              {}});
  EntryDetails recorded = journal_.RecordEntry(Archivist(), e);

  EntryDetails found =
      journal_.GetEntry(Archivist(), recorded.entry.JournalNumber(), true);
  const JournalEntry& entry = found.entry;
  EXPECT_EQ(entry.system_id.size(), 36u);
  EXPECT_EQ(entry.CaseNumber(), "2026/1");
  EXPECT_EQ(FormatDate(*entry.document_date), "2026-03-01");
  ASSERT_EQ(entry.correspondents.size(), 2u);
  EXPECT_EQ(entry.correspondents[0].name, "Åse Bjørnstad");
  EXPECT_EQ(entry.correspondents[0].role, PartyRole::kApplicant);
  EXPECT_EQ(entry.correspondents[1].kind, CorrespondentKind::kCopyRecipient);
  ASSERT_TRUE(found.name_screening[0]);
  EXPECT_FALSE(found.name_screening[1]);
  ASSERT_EQ(entry.documents.size(), 2u);
  EXPECT_EQ(*entry.documents[0].content, std::string("PDF\0binary\xff", 11));
  EXPECT_EQ(entry.documents[0].size_bytes, 11);
  EXPECT_EQ(entry.documents[1].content_ref, "dms:77");
  EXPECT_EQ(entry.documents[1].screening.metadata,
            std::vector<std::string>{"TD"});
  EXPECT_FALSE(entry.documents[1].content);

  auto audit = Sql(depot::testing::sql::kListJournalAuditEvents);
  ASSERT_EQ(audit.size(), 4u);  // two recorded, two read
  for (const auto& row : audit) {
    EXPECT_EQ(row["subject"].as<std::string>().size(), 64u);
  }

  journal_.ReleaseName(Archivist(), "2026/1", "Åse Bjørnstad", "asked not");
  EXPECT_THROW(
      journal_.ReleaseName(Archivist(), "2026/1", "ÅSE BJØRNSTAD", "again"),
      Error);
  auto list = reports_.Applicants(Desk(), "2026/1");
  EXPECT_EQ(list.public_names, std::vector<std::string>{"Åse Bjørnstad"});
  EXPECT_EQ(list.case_public_title, "Stilling som arkivar (offentlig)");
}

// Journal numbers stay gapless and unique with 16 concurrent
// writers, also when some of their transactions roll back after taking a
// number.
TEST_F(PgJournalStoreTest, NumbersStayGaplessWithSixteenConcurrentWriters) {
  constexpr int kWriters = 16;
  constexpr int kEntriesPerWriter = 30;
  std::vector<std::string> cases;
  for (int i = 0; i < 3; ++i) {
    cases.push_back(
        journal_
            .CreateCase(Archivist(), OrdinaryCase("Sak " + std::to_string(i)))
            .Number());
  }
  std::atomic<int> failures{0};
  std::atomic<int> rolled_back{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kEntriesPerWriter; ++i) {
        try {
          if (i % 7 == 3) {
            // Takes numbers, then fails: the numbers must come back.
            try {
              store_.Run([&](JournalTransaction& tx) {
                tx.FindCase(2026, 1 + (w + i) % 3, true);
                tx.NextNumberInCase(1 + (w + i) % 3);
                tx.NextEntrySequence(2026);
                throw Conflict("injected failure after numbering");
              });
            } catch (const Error&) {
              ++rolled_back;
            }
            continue;
          }
          NewEntry e =
              Incoming(cases[(w + i) % 3],
                       "Brev " + std::to_string(w) + "/" + std::to_string(i),
                       "Firma " + std::to_string(w));
          if (i % 5 == 0) e.journal_date = "2025-12-31";
          journal_.RecordEntry(Archivist(), e);
          if (i % 10 == 9) journal_.CreateCase(Archivist(), OrdinaryCase("Ny"));
        } catch (const std::exception& error) {
          ++failures;
          ADD_FAILURE() << error.what();
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(rolled_back.load(), 0);

  int expected_entries = 0;
  for (int i = 0; i < kEntriesPerWriter; ++i) {
    if (i % 7 != 3) ++expected_entries;
  }
  expected_entries *= kWriters;
  auto years = Sql(depot::testing::sql::kSummariseJournalSequencesByYear);
  ASSERT_EQ(years.size(), 2u);
  int total = 0;
  for (const auto& row : years) {
    int count = row[1].as<int>();
    EXPECT_EQ(row[2].as<int>(), count) << "duplicate journal numbers";
    EXPECT_EQ(row[3].as<int>(), 1);
    EXPECT_EQ(row[4].as<int>(), count) << "a gap in year " << row[0].c_str();
    total += count;
  }
  EXPECT_EQ(total, expected_entries);
  auto in_case = Sql(depot::testing::sql::kSummariseNumbersInCaseByCase);
  for (const auto& row : in_case) {
    EXPECT_EQ(row[1].as<int>(), row[2].as<int>()) << "gap in a case";
    EXPECT_EQ(row[1].as<int>(), row[3].as<int>());
  }
  auto case_numbers =
      Sql(depot::testing::sql::kSummariseCaseSequencesOfYear, 2026);
  EXPECT_EQ(case_numbers[0][0].as<int>(), case_numbers[0][1].as<int>());
}

}  // namespace
}  // namespace depot::journal
