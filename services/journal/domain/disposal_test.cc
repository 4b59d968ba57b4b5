#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/disposal.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "tests/support/fakes/fake_journal_store.h"
#include "tests/support/fakes/journal_test_support.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::NoonOf;

class DisposalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Closed 2026-03-10: a job-application case with an application and a
    // recommendation, and a personnel case holding an application.
    job_ = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
    NewEntry application = Incoming(job_, "Søknad", "Kari Nordmann", true);
    NewDocument cv;
    cv.description = "CV";
    cv.content_ref = "dms:cv-1";
    cv.sha256 = std::string(64, 'b');
    cv.role = DocumentRole::kApplication;
    application.documents.push_back(cv);
    application_entry_ =
        journal_.RecordEntry(Archivist(), application).entry.JournalNumber();
    NewEntry recommendation = Incoming(job_, "Innstilling", "Anna Leder");
    recommendation.correspondents[0].role = PartyRole::kOther;
    NewDocument kept;
    kept.description = "Innstilling";
    kept.content = "recommendation";
    recommendation.documents.push_back(kept);
    journal_.RecordEntry(Archivist(), recommendation);

    NewCase personnel;
    personnel.kind = CaseKind::kPersonnel;
    personnel.title = "Personalmappe";
    personnel_ = journal_.CreateCase(Archivist(), personnel).Number();
    NewEntry filed =
        Incoming(personnel_, "Søknad (kopi)", "Kari Nordmann", true);
    journal_.RecordEntry(Archivist(), filed);

    journal_.CloseCase(Archivist(), job_);
    journal_.CloseCase(Archivist(), personnel_);
  }

  std::vector<const Document*> Documents() {
    std::vector<const Document*> out;
    for (const auto& [id, e] : store_.state().entries) {
      for (const auto& d : e.documents) out.push_back(&d);
    }
    return out;
  }

  FakeJournalStore store_;
  Keyring keyring_ = Keyring::Random();
  testing::FakeClock clock_{testing::kFirstTestDay};
  Journal journal_{store_, keyring_, clock_.clock()};
  Disposal disposal_{store_, keyring_, clock_.clock()};
  std::string job_;
  std::string personnel_;
  std::string application_entry_;
};

TEST_F(DisposalTest, NothingIsDueBeforeTheRetentionPeriodEnds) {
  clock_.now = NoonOf(2027, 3, 9);
  EXPECT_TRUE(disposal_.Run(Archivist(), true, "").items.empty());
  EXPECT_TRUE(disposal_.Run(Archivist(), false, "Vedtak 1").items.empty());
}

TEST_F(DisposalTest, DryRunListsWithoutChangingAnything) {
  clock_.now = NoonOf(2027, 3, 10);
  auto before = store_.state().entries;
  DisposalReport report = disposal_.Run(Archivist(), true, "");
  ASSERT_EQ(report.items.size(), 2u);
  EXPECT_EQ(report.items[0].journal_number, application_entry_);
  EXPECT_EQ(FormatDate(report.items[0].due), "2027-03-10");
  EXPECT_EQ(report.retention_months, 12);
  for (const Document* d : Documents()) EXPECT_FALSE(d->disposal);
  // Only the three recordings' events: a dry run writes nothing.
  EXPECT_EQ(store_.state().audit.size(), 3u);
}

TEST_F(DisposalTest, RunDeletesContentKeepsEntriesAndASecondRunFindsNothing) {
  clock_.now = NoonOf(2027, 4, 1);
  DisposalReport report =
      disposal_.Run(Archivist(), false, "Arkivplan 2024 pkt. 4.2");
  ASSERT_EQ(report.items.size(), 2u);
  int disposed = 0, kept = 0;
  for (const auto& [id, e] : store_.state().entries) {
    bool job_case = e.CaseNumber() == job_;
    for (const Document& d : e.documents) {
      if (d.disposal) {
        ++disposed;
        EXPECT_TRUE(job_case);
        EXPECT_EQ(d.role, DocumentRole::kApplication);
        EXPECT_FALSE(d.content);
        EXPECT_TRUE(d.content_ref.empty());
        EXPECT_EQ(d.disposal->decision, "Arkivplan 2024 pkt. 4.2");
        EXPECT_EQ(d.disposal->disposed_by, "anna");
      } else {
        ++kept;
        EXPECT_TRUE(d.content.has_value() || !d.content_ref.empty());
      }
    }
  }
  EXPECT_EQ(disposed, 2);
  EXPECT_EQ(kept, 2);  // the recommendation and the personnel file's copy
  EXPECT_EQ(store_.state().entries.size(), 3u);
  EXPECT_EQ(store_.state().audit.back().action, "journal.document.dispose");

  // The entry stays, still screened, and says its documents are gone.
  PublicJournal reports(store_, keyring_, clock_.clock());
  std::vector<PublicEntry> entries;
  reports.Stream(Desk(), "2026-01-01", "2027-12-31",
                 [&](const PublicEntry& e) { entries.push_back(e); });
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].correspondents[0].name, kMask);
  EXPECT_TRUE(entries[0].documents[0].disposed);

  EXPECT_TRUE(
      disposal_.Run(Archivist(), false, "Arkivplan 2024").items.empty());
  EXPECT_TRUE(disposal_.Run(Archivist(), true, "").items.empty());
}

TEST_F(DisposalTest, TheRetentionPeriodComesFromTheSettings) {
  journal_.UpdateSettings(Archivist(), "", "", 24);
  clock_.now = NoonOf(2027, 4, 1);
  EXPECT_TRUE(disposal_.Run(Archivist(), true, "").items.empty());
  clock_.now = NoonOf(2028, 3, 10);
  EXPECT_EQ(disposal_.Run(Archivist(), true, "").items.size(), 2u);
}

TEST_F(DisposalTest, DecisionIsRequired) {
  clock_.now = NoonOf(2027, 4, 1);
  try {
    disposal_.Run(Archivist(), false, "");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(error.what()).find("decision"), std::string::npos);
  }
}

}  // namespace
}  // namespace depot::journal
