// The journal's reports read a page per transaction and hand each page to
// the client after its transaction ended, and still show exactly the
// entries committed when they began.
#include <gtest/gtest.h>

#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "tests/support/fakes/fake_journal_store.h"
#include "tests/support/fakes/journal_test_support.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::OrdinaryCase;

class JournalReportPagingTest : public ::testing::Test {
 protected:
  JournalReportPagingTest() {
    case_number_ =
        journal_.CreateCase(Archivist(), OrdinaryCase("Plan")).Number();
  }
  void Record(int count) {
    for (int i = 0; i < count; ++i) {
      journal_.RecordEntry(Archivist(), Incoming(case_number_, "Brev", "Ola"));
    }
  }

  FakeJournalStore store_;
  Keyring keyring_ = Keyring::Random();
  testing::FakeClock clock_{testing::kFirstTestDay};
  Journal journal_{store_, keyring_, clock_.clock()};
  PublicJournal public_{store_, keyring_, clock_.clock()};
  std::string case_number_;
};

TEST_F(JournalReportPagingTest, EveryReportGoesOutBetweenTransactions) {
  Record(3);
  int inside = 0, calls = 0;
  auto check = [&] {
    ++calls;
    inside += store_.in_transaction() ? 1 : 0;
  };
  public_.Stream(Desk(), "2026-01-01", "2026-12-31",
                 [&](const PublicEntry&) { check(); });
  public_.ExportOffentlig(Desk(), "2026-01-01", "2026-12-31",
                          [&](std::string_view) { check(); });
  public_.ExportLoepende(Archivist(), "2026-01-01", "2026-12-31",
                         [&](std::string_view) { check(); });
  EXPECT_GT(calls, 3);
  EXPECT_EQ(inside, 0) << "report output handed out inside a transaction";
}

TEST_F(JournalReportPagingTest, EntriesRecordedDuringAReportAreNotInIt) {
  const int before = 501;  // two pages
  Record(before);
  int streamed = 0;
  public_.Stream(Desk(), "2026-01-01", "2026-12-31", [&](const PublicEntry&) {
    if (streamed++ == 0) Record(2);  // same day, later in journal order
  });
  EXPECT_EQ(streamed, before);

  std::string xml;
  public_.ExportOffentlig(Desk(), "2026-01-01", "2026-12-31",
                          [&](std::string_view chunk) {
                            if (xml.empty()) Record(2);
                            xml.append(chunk);
                          });
  size_t entries = 0;
  for (size_t at = xml.find("<journalpost>"); at != std::string::npos;
       at = xml.find("<journalpost>", at + 1)) {
    ++entries;
  }
  EXPECT_EQ(entries, static_cast<size_t>(before + 2));
}

}  // namespace
}  // namespace depot::journal
