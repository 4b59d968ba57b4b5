// The Noark 5 journals the service writes, validated against the v5.0
// schemas of ../shared/noark5/xsd.
#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "tests/support/fakes/fake_journal_store.h"
#include "tests/support/fakes/journal_test_support.h"
#include "tests/support/noark5_schema.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::OrdinaryCase;

class Noark5Test : public ::testing::Test {
 protected:
  void SetUp() override {
    NewCase ordinary = OrdinaryCase("Byggesak <Storgata 1> & \"annet\"");
    ordinary.administrative_unit = "Arkiv";
    ordinary.case_officer = "Anna Arkivar";
    auto a = journal_.CreateCase(Archivist(), ordinary).Number();
    NewEntry letter =
        Incoming(a, "Søknad om tilbygg & garasje <2 etg>", "Bygg & Co AS");
    letter.document_date = "2026-03-01";
    letter.correspondents.push_back(
        {"Anna Arkivar", CorrespondentKind::kCopyRecipient, std::nullopt, {}});
    journal_.RecordEntry(Archivist(), letter);
    NewEntry screened = Incoming(a, "Klage\nfra nabo", "Nils Nabo");
    screened.screening = {"UO", "offentleglova § 13", {"TR1", "NA"}, ""};
    journal_.RecordEntry(Archivist(), screened);

    auto job = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
    journal_.RecordEntry(Archivist(), Incoming(job, "Søknad fra Øyvind Ærlig",
                                               "Øyvind Ærlig", true));
  }

  std::string Export(bool internal, size_t chunk_bytes = 64 * 1024,
                     int* chunks = nullptr) {
    std::string xml;
    auto sink = [&](std::string_view chunk) {
      xml += chunk;
      if (chunks) ++*chunks;
    };
    if (internal) {
      reports_.ExportLoepende(Archivist(), "2026-01-01", "2026-12-31", sink,
                              chunk_bytes);
    } else {
      reports_.ExportOffentlig(Desk(), "2026-01-01", "2026-12-31", sink,
                               chunk_bytes);
    }
    return xml;
  }

  FakeJournalStore store_;
  Keyring keyring_ = Keyring::Random();
  testing::FakeClock clock_{testing::kFirstTestDay};
  Journal journal_{store_, keyring_, clock_.clock()};
  PublicJournal reports_{store_, keyring_, clock_.clock()};
};

TEST_F(Noark5Test, OffentligJournalValidatesAndIsScreened) {
  std::string xml = Export(false);
  EXPECT_NE(xml.find("<antallJournalposter>3</antallJournalposter>"),
            std::string::npos);
  EXPECT_NE(xml.find("Søknad om tilbygg &amp; garasje &lt;2 etg&gt;"),
            std::string::npos)
      << xml;
  EXPECT_EQ(xml.find("Ærlig"), std::string::npos);
  EXPECT_EQ(xml.find("Nils Nabo"), std::string::npos);
  EXPECT_NE(xml.find("<offentligTittel>Klage ******</offentligTittel>"),
            std::string::npos);
  EXPECT_NE(xml.find("<skjermingMetadata>Skjerming tittel registrering - "
                     "unntatt første linje</skjermingMetadata>"),
            std::string::npos);
  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(depot::testing::Noark5SchemaErrors("offentligJournal.xsd", xml), "")
      << xml;
}

TEST_F(Noark5Test, LoependeJournalValidatesShowsNamesAndIsAudited) {
  size_t before = store_.state().audit.size();
  std::string xml = Export(true);
  EXPECT_NE(xml.find("<korrespondansepartNavn>Øyvind Ærlig<"),
            std::string::npos);
  EXPECT_NE(xml.find("<tittel>Søknad fra Øyvind Ærlig</tittel>"),
            std::string::npos);
  EXPECT_NE(xml.find("<offentligTittel>Søknad fra ******</offentligTittel>"),
            std::string::npos);
  EXPECT_NE(xml.find("<skjermingMetadata>Skjerming navn avsender"),
            std::string::npos);
  const auto& audit = store_.state().audit;
  ASSERT_GT(audit.size(), before);
  // Who took it is recorded before anything of it leaves.
  EXPECT_EQ(audit[before].action, "journal.internal.export");
  EXPECT_EQ(audit[before].detail.rfind("entries=", 0), 0u)
      << audit[before].detail;
  int reads = 0;
  for (size_t i = before; i < audit.size(); ++i) {
    if (audit[i].action == "journal.internal.read") {
      ++reads;
      EXPECT_FALSE(audit[i].subject.empty());
    }
  }
  EXPECT_EQ(reads, 4);  // four distinct correspondents
  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(depot::testing::Noark5SchemaErrors("loependeJournal.xsd", xml), "")
      << xml;
}

// Each level's own skjerming, as recorded: the case's on saksmappe, the
// entry's on journalpost, never one level's taken for another's (an entry
// without a screening of its own does not show the case's as its own).
TEST(Noark5Levels, EachLevelCarriesItsOwnScreening) {
  FakeJournalStore store;
  Keyring keyring = Keyring::Random();
  testing::FakeClock clock{testing::kFirstTestDay};
  Journal journal(store, keyring, clock.clock());
  PublicJournal reports(store, keyring, clock.clock());
  NewCase c = OrdinaryCase("Personalsak\nom arbeidstid");
  c.screening = {"P", "offentleglova § 25", {"TM1"}, ""};
  auto number = journal.CreateCase(Archivist(), c).Number();
  journal.RecordEntry(Archivist(), Incoming(number, "Brev", "Bygg AS"));
  NewEntry own = Incoming(number, "Klage\nfra nabo", "Bygg AS");
  own.screening = {"UO", "offentleglova § 13", {"TR1"}, ""};
  journal.RecordEntry(Archivist(), own);

  for (bool internal : {false, true}) {
    std::string xml;
    auto sink = [&](std::string_view chunk) { xml += chunk; };
    if (internal) {
      reports.ExportLoepende(Archivist(), "2026-01-01", "2026-12-31", sink);
    } else {
      reports.ExportOffentlig(Desk(), "2026-01-01", "2026-12-31", sink);
    }
    std::vector<std::string> saksmapper, journalposter;
    for (size_t at = xml.find("<saksmappe>"); at != std::string::npos;
         at = xml.find("<saksmappe>", at + 1)) {
      saksmapper.push_back(xml.substr(at, xml.find("</saksmappe>", at) - at));
    }
    for (size_t at = xml.find("<journalpost>"); at != std::string::npos;
         at = xml.find("<journalpost>", at + 1)) {
      journalposter.push_back(
          xml.substr(at, xml.find("</journalpost>", at) - at));
    }
    ASSERT_EQ(saksmapper.size(), 2u);
    ASSERT_EQ(journalposter.size(), 2u);
    if (!internal) {
      for (const std::string& mappe : saksmapper) {
        EXPECT_NE(mappe.find("<tilgangsrestriksjon>Personalsaker<"),
                  std::string::npos)
            << mappe;
        EXPECT_NE(mappe.find("<skjermingshjemmel>offentleglova § 25<"),
                  std::string::npos)
            << mappe;
      }
    }
    // The first entry has no screening of its own.
    EXPECT_EQ(journalposter[0].find("tilgangsrestriksjon"), std::string::npos)
        << (internal ? "loependeJournal: " : "offentligJournal: ")
        << journalposter[0];
    EXPECT_EQ(journalposter[0].find("§ 25"), std::string::npos)
        << journalposter[0];
    EXPECT_EQ(journalposter[0].find("skjermingMetadata"), std::string::npos)
        << journalposter[0];
    // The second carries its own, and only its own.
    EXPECT_NE(
        journalposter[1].find("<tilgangsrestriksjon>Unntatt offentlighet<"),
        std::string::npos)
        << journalposter[1];
    EXPECT_NE(journalposter[1].find("<skjermingshjemmel>offentleglova § 13<"),
              std::string::npos)
        << journalposter[1];
    EXPECT_NE(journalposter[1].find("Skjerming tittel registrering - "
                                    "unntatt første linje"),
              std::string::npos)
        << journalposter[1];
    EXPECT_EQ(journalposter[1].find("§ 25"), std::string::npos)
        << journalposter[1];
    // The case's title screening stays the case's.
    EXPECT_NE(xml.find("<offentligTittel>Personalsak ******</offentligTittel>"),
              std::string::npos)
        << xml;
  }
}

TEST_F(Noark5Test, TheSchemaCheckCatchesAJournalMissingAnElement) {
  SKIP_WITHOUT_NOARK5_SCHEMAS();
  std::string xml = Export(false);
  size_t start = xml.find("<journaldato>");
  ASSERT_NE(start, std::string::npos);
  xml.erase(start, xml.find("</journaldato>") + 14 - start);
  EXPECT_NE(depot::testing::Noark5SchemaErrors("offentligJournal.xsd", xml),
            "");
}

TEST_F(Noark5Test, OutputComesInBoundedChunks) {
  int chunks = 0;
  std::string whole = Export(false);
  std::string pieces = Export(false, 256, &chunks);
  EXPECT_EQ(whole, pieces);
  EXPECT_GE(chunks, 3);
}

TEST_F(Noark5Test, AnEmptyRangeIsRefusedBeforeAnythingIsSent) {
  std::string xml;
  try {
    reports_.ExportOffentlig(Desk(), "2020-01-01", "2020-12-31",
                             [&](std::string_view c) { xml += c; });
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFailedPrecondition);
  }
  EXPECT_TRUE(xml.empty());
}

}  // namespace
}  // namespace depot::journal
