// JournalService's storage on real PostgreSQL: disposal of application
// documents.
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

// The cases of the disposal test, journaled with the clock at its start:
// a job case closed then (due a year later) with an applicant list kept
// too, a personnel file with a copy of an application, a job case closed
// in September and one left open.
struct DisposalCases {
  std::string old_job;
  std::string young_job;
};

DisposalCases JournalDisposalCases(Journal& journal,
                                   testing::FakeClock& clock) {
  // Closed 2026-03-10 and due 2027-03-10.
  auto old_job =
      journal.CreateCase(Archivist(), JobCase("Stilling A")).Number();
  journal.RecordEntry(Archivist(),
                      Incoming(old_job, "Søknad", "Kari Nordmann", true));
  NewEntry list = Incoming(old_job, "Søkerliste", "Anna Arkivar");
  list.correspondents[0].role = PartyRole::kOther;
  NewDocument kept;
  kept.description = "Søkerliste";
  kept.content = "list";
  list.documents.push_back(kept);
  journal.RecordEntry(Archivist(), list);
  NewCase personnel;
  personnel.kind = CaseKind::kPersonnel;
  personnel.title = "Personalmappe";
  auto file = journal.CreateCase(Archivist(), personnel).Number();
  journal.RecordEntry(Archivist(),
                      Incoming(file, "Søknad (kopi)", "Kari Nordmann", true));
  journal.CloseCase(Archivist(), old_job);
  journal.CloseCase(Archivist(), file);
  // Closed later: not yet due.
  clock.now = NoonOf(2026, 9, 1);
  auto young_job =
      journal.CreateCase(Archivist(), JobCase("Stilling B")).Number();
  journal.RecordEntry(Archivist(),
                      Incoming(young_job, "Søknad", "Ola Hansen", true));
  journal.CloseCase(Archivist(), young_job);
  // Open: never due.
  auto open_job =
      journal.CreateCase(Archivist(), JobCase("Stilling C")).Number();
  journal.RecordEntry(Archivist(),
                      Incoming(open_job, "Søknad", "Per Berg", true));

  return {old_job, young_job};
}

// A disposal run removes exactly the application documents
// past their date, leaves entries and personnel files, and a second run
// removes nothing.
TEST_F(PgJournalStoreTest, DisposalRemovesExactlyTheDueApplicationDocuments) {
  Disposal disposal(store_, keyring_, clock_.clock());
  auto [old_job, young_job] = JournalDisposalCases(journal_, clock_);

  clock_.now = NoonOf(2027, 3, 10);
  DisposalReport dry = disposal.Run(Archivist(), true, "");
  ASSERT_EQ(dry.items.size(), 1u);
  EXPECT_EQ(dry.items[0].case_number, old_job);
  EXPECT_EQ(Sql(depot::testing::sql::kCountJournalDisposals)[0][0].as<int>(),
            0);

  DisposalReport run = disposal.Run(Archivist(), false, "Arkivplan pkt. 4");
  ASSERT_EQ(run.items.size(), 1u);
  auto documents = Sql(depot::testing::sql::kListJournalDocumentsWithDisposal);
  ASSERT_EQ(documents.size(), 5u);
  int gone = 0;
  for (const auto& row : documents) {
    bool is_gone = row["gone"].as<bool>();
    EXPECT_EQ(is_gone, !row["decision"].is_null());
    if (is_gone) {
      ++gone;
      EXPECT_EQ(row["id"].as<int64_t>(), run.items[0].document_id);
      EXPECT_EQ(row["decision"].as<std::string>(), "Arkivplan pkt. 4");
      EXPECT_EQ(row["disposed_by"].as<std::string>(), "anna");
    }
  }
  EXPECT_EQ(gone, 1);
  EXPECT_EQ(Sql(depot::testing::sql::kCountJournalEntries)[0][0].as<int>(), 5);

  EXPECT_TRUE(
      disposal.Run(Archivist(), false, "Arkivplan pkt. 4").items.empty());

  // The entry is kept, still screened, and shows its document as disposed.
  std::vector<PublicEntry> entries;
  reports_.Stream(Desk(), "2026-01-01", "2027-12-31",
                  [&](const PublicEntry& e) { entries.push_back(e); });
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].correspondents[0].name, kMask);
  EXPECT_TRUE(entries[0].documents[0].disposed);
  EntryDetails first =
      journal_.GetEntry(Archivist(), entries[0].JournalNumber(), true);
  EXPECT_FALSE(first.entry.documents[0].content);
  ASSERT_TRUE(first.entry.documents[0].disposal);
  EXPECT_EQ(first.entry.documents[0].disposal->retention_months, 12);

  // Time passes: the second job case becomes due; the others still not.
  clock_.now = NoonOf(2027, 9, 1);
  DisposalReport later = disposal.Run(Archivist(), false, "Arkivplan pkt. 4");
  ASSERT_EQ(later.items.size(), 1u);
  EXPECT_EQ(later.items[0].case_number, young_job);
}

}  // namespace
}  // namespace depot::journal
