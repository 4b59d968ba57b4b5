#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "tests/support/error_of.h"
#include "tests/support/fakes/fake_journal_store.h"
#include "tests/support/fakes/journal_test_support.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::NoonOf;
using testing::OrdinaryCase;

using depot::testing::CodeOf;

std::string MessageOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

class JournalTest : public ::testing::Test {
 protected:
  std::vector<PublicEntry> Public(const std::string& from = "2020-01-01",
                                  const std::string& to = "2030-12-31") {
    std::vector<PublicEntry> out;
    public_.Stream(Desk(), from, to,
                   [&](const PublicEntry& e) { out.push_back(e); });
    return out;
  }

  FakeJournalStore store_;
  Keyring keyring_ = Keyring::Random();
  testing::FakeClock clock_{testing::kFirstTestDay};
  Journal journal_{store_, keyring_, clock_.clock()};
  PublicJournal public_{store_, keyring_, clock_.clock()};
};

TEST_F(JournalTest, CaseNumbersRunPerYearWithoutGaps) {
  EXPECT_EQ(journal_.CreateCase(Archivist(), OrdinaryCase("A")).Number(),
            "2026/1");
  EXPECT_EQ(
      CodeOf([&] { journal_.CreateCase(Archivist(), OrdinaryCase("  ")); }),
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(journal_.CreateCase(Archivist(), OrdinaryCase("B")).Number(),
            "2026/2");
  clock_.now = NoonOf(2027, 1, 2);
  EXPECT_EQ(journal_.CreateCase(Archivist(), OrdinaryCase("C")).Number(),
            "2027/1");
}

TEST_F(JournalTest, CaseInputIsChecked) {
  NewCase no_kind;
  no_kind.title = "X";
  EXPECT_NE(MessageOf([&] {
              journal_.CreateCase(Archivist(), no_kind);
            }).find("kind is required"),
            std::string::npos);
  NewCase bad_code = OrdinaryCase("X");
  bad_code.screening = {"UO", "offentleglova § 13", {"XYZ"}, ""};
  EXPECT_NE(MessageOf([&] {
              journal_.CreateCase(Archivist(), bad_code);
            }).find("skjermingMetadata code"),
            std::string::npos);
  NewCase no_authority = OrdinaryCase("X");
  no_authority.screening = {"UO", "", {"NA"}, ""};
  EXPECT_NE(MessageOf([&] {
              journal_.CreateCase(Archivist(), no_authority);
            }).find("authority"),
            std::string::npos);
  NewCase words = OrdinaryCase("X");
  words.screening = {"UO", "offentleglova § 13", {"TMO"}, ""};
  EXPECT_NE(MessageOf([&] {
              journal_.CreateCase(Archivist(), words);
            }).find("public_title is required"),
            std::string::npos);
  NewCase control = OrdinaryCase("Tab\tok but bell \a is not");
  EXPECT_EQ(CodeOf([&] { journal_.CreateCase(Archivist(), control); }),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_.state().cases.empty());
}

TEST_F(JournalTest, EntriesAreNumberedPerYearAndPerCase) {
  auto a = journal_.CreateCase(Archivist(), OrdinaryCase("A")).Number();
  auto b = journal_.CreateCase(Archivist(), OrdinaryCase("B")).Number();
  auto e1 =
      journal_.RecordEntry(Archivist(), Incoming(a, "Brev 1", "Firma AS"));
  auto e2 =
      journal_.RecordEntry(Archivist(), Incoming(b, "Brev 2", "Firma AS"));
  auto e3 =
      journal_.RecordEntry(Archivist(), Incoming(a, "Brev 3", "Firma AS"));
  EXPECT_EQ(e1.entry.JournalNumber(), "2026/000001");
  EXPECT_EQ(e2.entry.JournalNumber(), "2026/000002");
  EXPECT_EQ(e3.entry.JournalNumber(), "2026/000003");
  EXPECT_EQ(e3.entry.RegistryId(), a + "-2");
  EXPECT_EQ(e2.entry.number_in_case, 1);
  // The journal year is the journal date's.
  NewEntry old = Incoming(a, "Brev fra i fjor", "Firma AS");
  old.journal_date = "2025-12-30";
  EXPECT_EQ(journal_.RecordEntry(Archivist(), old).entry.JournalNumber(),
            "2025/000001");
}

TEST_F(JournalTest, RefusedEntriesLeaveNothingBehind) {
  auto c = journal_.CreateCase(Archivist(), OrdinaryCase("A")).Number();
  NewEntry none = Incoming(c, "Brev", "Firma AS");
  none.correspondents.clear();
  EXPECT_NE(MessageOf([&] {
              journal_.RecordEntry(Archivist(), none);
            }).find("correspondents"),
            std::string::npos);
  NewEntry future = Incoming(c, "Brev", "Firma AS");
  future.journal_date = "2026-03-11";
  EXPECT_NE(MessageOf([&] {
              journal_.RecordEntry(Archivist(), future);
            }).find("in the future"),
            std::string::npos);
  NewEntry applicant = Incoming(c, "Brev", "Firma AS");
  applicant.correspondents[0].role = PartyRole::kApplicant;
  EXPECT_EQ(CodeOf([&] { journal_.RecordEntry(Archivist(), applicant); }),
            ErrorCode::kFailedPrecondition);
  NewEntry wrong_hash = Incoming(c, "Brev", "Firma AS", true);
  wrong_hash.documents[0].sha256 = std::string(64, 'a');
  EXPECT_NE(MessageOf([&] {
              journal_.RecordEntry(Archivist(), wrong_hash);
            }).find("does not match"),
            std::string::npos);
  NewEntry both = Incoming(c, "Brev", "Firma AS", true);
  both.documents[0].content_ref = "dms:1";
  EXPECT_EQ(CodeOf([&] { journal_.RecordEntry(Archivist(), both); }),
            ErrorCode::kInvalidArgument);
  NewEntry words = Incoming(c, "Brev", "Firma AS");
  words.screening = {"UO", "offentleglova § 13", {"TRO"}, ""};
  EXPECT_EQ(CodeOf([&] { journal_.RecordEntry(Archivist(), words); }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] {
              journal_.RecordEntry(Archivist(),
                                   Incoming("2026/99", "Brev", "Firma AS"));
            }),
            ErrorCode::kNotFound);
  EXPECT_TRUE(store_.state().entries.empty());
  EXPECT_TRUE(store_.state().entry_counters.empty());
  EXPECT_TRUE(store_.state().audit.empty());

  journal_.CloseCase(Archivist(), c);
  EXPECT_NE(MessageOf([&] {
              journal_.RecordEntry(Archivist(), Incoming(c, "Brev", "Firma"));
            }).find("is closed"),
            std::string::npos);
  EXPECT_EQ(CodeOf([&] { journal_.CloseCase(Archivist(), c); }),
            ErrorCode::kFailedPrecondition);
}

TEST_F(JournalTest, RecordingAuditsEveryCorrespondentByPseudonym) {
  auto c = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  NewEntry e = Incoming(c, "Søknad", "Kari Nordmann");
  e.correspondents.push_back(
      {"Anna Arkivar", CorrespondentKind::kRecipient, PartyRole::kOther, {}});
  auto recorded = journal_.RecordEntry(Archivist(), e);
  const auto& audit = store_.state().audit;
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "journal.entry.record");
  EXPECT_EQ(audit[0].object, "entry/" + recorded.entry.JournalNumber());
  EXPECT_EQ(audit[0].subject,
            keyring_.Pseudonym(SubjectKeyFromName("kari  NORDMANN")));
  for (const AuditEvent& event : audit) {
    EXPECT_EQ(event.detail.find("Kari"), std::string::npos);
    EXPECT_EQ(event.subject.find("Kari"), std::string::npos);
  }
  journal_.GetEntry(Archivist(), recorded.entry.JournalNumber(), false);
  EXPECT_EQ(store_.state().audit.size(), 4u);
  EXPECT_EQ(store_.state().audit[2].action, "journal.entry.read");
}

TEST_F(JournalTest, ApplicantsAreScreenedEverywhereInTheirCase) {
  NewCase job = JobCase("Stilling som arkivar - Kari Nordmann og andre");
  auto c = journal_.CreateCase(Archivist(), job).Number();
  journal_.RecordEntry(
      Archivist(),
      Incoming(c, "Søknad på stilling - KARI NORDMANN", "Kari Nordmann", true));
  NewEntry reply;
  reply.case_number = c;
  reply.type = EntryType::kOutgoing;
  reply.title = "Innkalling til intervju, Nordmanns søknad";
  reply.correspondents = {
      {"Kari Nordmann", CorrespondentKind::kRecipient, std::nullopt, {}},
      {"Anna Arkivar", CorrespondentKind::kSender, PartyRole::kOther, {}}};
  journal_.RecordEntry(Archivist(), reply);

  auto entries = Public();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].public_title, "Søknad på stilling - ******");
  EXPECT_EQ(entries[0].case_public_title,
            "Stilling som arkivar - ****** og andre");
  ASSERT_EQ(entries[0].correspondents.size(), 1u);
  EXPECT_EQ(entries[0].correspondents[0].name, kMask);
  EXPECT_TRUE(entries[0].correspondents[0].screened);
  EXPECT_TRUE(entries[0].correspondents[0].applicant);
  EXPECT_EQ(entries[0].screening.authority, kApplicantAuthority);
  EXPECT_EQ(entries[0].screening.metadata,
            std::vector<std::string>{kScreenNameSender});
  EXPECT_EQ(entries[1].public_title, "Innkalling til intervju, ****** søknad");
  EXPECT_EQ(entries[1].correspondents[0].name, kMask);
  EXPECT_EQ(entries[1].correspondents[1].name, "Anna Arkivar");
  EXPECT_EQ(entries[1].screening.metadata,
            std::vector<std::string>{kScreenNameRecipient});
}

TEST_F(JournalTest, ANameScreenedOnceIsHiddenInEveryEntryOfTheCase) {
  auto c = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  journal_.RecordEntry(Archivist(), Incoming(c, "Søknad", "Ola Hansen"));
  // Journaled by mistake as not an applicant: the name still must not show.
  NewEntry slip = Incoming(c, "Attest", "Ola Hansen");
  slip.correspondents[0].role = PartyRole::kOther;
  journal_.RecordEntry(Archivist(), slip);
  auto entries = Public();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].correspondents[0].name, kMask);
}

TEST_F(JournalTest, ReleasedNamesShowAndTheReleaseIsAudited) {
  auto c = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  journal_.RecordEntry(Archivist(),
                       Incoming(c, "Søknad Kari Nordmann", "Kari Nordmann"));
  journal_.RecordEntry(Archivist(),
                       Incoming(c, "Søknad Ola Hansen", "Ola Hansen"));
  EXPECT_EQ(CodeOf([&] {
              journal_.ReleaseName(Archivist(), c, "Per Ukjent", "asked");
            }),
            ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf([&] {
              journal_.ReleaseName(Archivist(), c, "Kari Nordmann", " ");
            }),
            ErrorCode::kInvalidArgument);
  auto result = journal_.ReleaseName(Archivist(), c, "kari NORDMANN",
                                     "did not ask to be screened");
  EXPECT_EQ(result.correspondents_released, 1);
  EXPECT_EQ(result.still_screened, 0);
  EXPECT_EQ(CodeOf([&] {
              journal_.ReleaseName(Archivist(), c, "Kari Nordmann", "again");
            }),
            ErrorCode::kAlreadyExists);
  const AuditEvent& event = store_.state().audit.back();
  EXPECT_EQ(event.action, "journal.name.release");
  EXPECT_EQ(event.subject,
            keyring_.Pseudonym(SubjectKeyFromName("Kari Nordmann")));

  auto entries = Public();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].correspondents[0].name, "Kari Nordmann");
  EXPECT_EQ(entries[0].public_title, "Søknad Kari Nordmann");
  EXPECT_EQ(entries[1].correspondents[0].name, kMask);
  EXPECT_EQ(entries[1].public_title, "Søknad ******");

  auto list = public_.Applicants(Desk(), c);
  EXPECT_EQ(list.applicant_count, 2);
  EXPECT_EQ(list.screened_count, 1);
  EXPECT_EQ(list.public_names, std::vector<std::string>{"Kari Nordmann"});

  auto ordinary =
      journal_.CreateCase(Archivist(), OrdinaryCase("Brev")).Number();
  EXPECT_EQ(
      CodeOf([&] { journal_.ReleaseName(Archivist(), ordinary, "Kari", "x"); }),
      ErrorCode::kFailedPrecondition);
  EXPECT_EQ(CodeOf([&] { public_.Applicants(Desk(), ordinary); }),
            ErrorCode::kFailedPrecondition);
}

TEST_F(JournalTest, AReleaseDoesNotLiftAnExplicitScreening) {
  auto c = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  NewEntry e = Incoming(c, "Søknad", "Kari Nordmann");
  e.correspondents[0].screening = {"UO", "offentleglova § 13", {"NA"}, ""};
  journal_.RecordEntry(Archivist(), e);
  auto result = journal_.ReleaseName(Archivist(), c, "Kari Nordmann", "asked");
  EXPECT_EQ(result.still_screened, 1);
  EXPECT_EQ(Public()[0].correspondents[0].name, kMask);
  EXPECT_TRUE(public_.Applicants(Desk(), c).public_names.empty());
}

TEST_F(JournalTest, ScreeningCodesApplyToTitlesNamesAndDocuments) {
  auto c = journal_.CreateCase(Archivist(), OrdinaryCase("Barnevern")).Number();
  NewEntry first_line =
      Incoming(c, "Bekymringsmelding\nom familien Berg", "Lege Hansen", true);
  first_line.screening = {"UO", "offentleglova § 13", {"TR1", "NA", "TD"}, ""};
  journal_.RecordEntry(Archivist(), first_line);

  NewEntry words = Incoming(c, "Vedtak om tiltak for Berg", "Etaten");
  words.type = EntryType::kOutgoing;
  words.correspondents[0].kind = CorrespondentKind::kRecipient;
  words.public_title = "Vedtak om tiltak";
  words.screening = {"UO", "offentleglova § 13", {"TRO"}, ""};
  journal_.RecordEntry(Archivist(), words);

  NewEntry temporary = Incoming(c, "Hemmelig sak", "Noen");
  temporary.screening = {"UO", "offentleglova § 13", {"M"}, ""};
  journal_.RecordEntry(Archivist(), temporary);

  auto entries = Public();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].public_title, "Bekymringsmelding ******");
  EXPECT_EQ(entries[0].correspondents[0].name, kMask);
  EXPECT_EQ(entries[0].documents[0].description, kMask);
  EXPECT_EQ(entries[0].screening.authority, "offentleglova § 13");
  EXPECT_EQ(entries[0].screening.access_restriction, "Unntatt offentlighet");
  EXPECT_EQ(entries[1].public_title, "Vedtak om tiltak");
  // TRO hides words of the title, not the recipient.
  EXPECT_EQ(entries[1].correspondents[0].name, "Etaten");
  EXPECT_EQ(entries[2].public_title, kMask);
  EXPECT_EQ(entries[2].correspondents[0].name, kMask);
}

TEST_F(JournalTest, CaseScreeningIsInheritedAndEndsOnItsDate) {
  NewCase c = OrdinaryCase("Klage fra nabo");
  c.screening = {"UO", "offentleglova § 13", {"NPS"}, "2026-06-01"};
  auto number = journal_.CreateCase(Archivist(), c).Number();
  journal_.RecordEntry(Archivist(), Incoming(number, "Klage", "Nils Nabo"));
  EXPECT_EQ(Public()[0].correspondents[0].name, kMask);
  EXPECT_EQ(Public()[0].case_screening.authority, "offentleglova § 13");
  clock_.now = NoonOf(2026, 6, 1);
  EXPECT_EQ(Public()[0].correspondents[0].name, "Nils Nabo");
}

TEST_F(JournalTest, PublicJournalIsTheRangeInJournalOrder) {
  auto c = journal_.CreateCase(Archivist(), OrdinaryCase("A")).Number();
  for (const char* date : {"2026-03-02", "2026-03-01", "2026-03-05"}) {
    NewEntry e = Incoming(c, std::string("Brev ") + date, "Firma AS");
    e.journal_date = date;
    journal_.RecordEntry(Archivist(), e);
  }
  auto entries = Public("2026-03-01", "2026-03-02");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].public_title, "Brev 2026-03-01");
  EXPECT_EQ(entries[1].public_title, "Brev 2026-03-02");
  EXPECT_EQ(CodeOf([&] { Public("2026-03-05", "2026-03-01"); }),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CodeOf([&] { Public("", "2026-03-01"); }),
            ErrorCode::kInvalidArgument);
}

TEST_F(JournalTest, SettingsAreCheckedAndKept) {
  EXPECT_EQ(CodeOf([&] { journal_.UpdateSettings(Archivist(), "", "", 500); }),
            ErrorCode::kInvalidArgument);
  auto settings =
      journal_.UpdateSettings(Archivist(), "974760673", "IKA Demo", 18);
  EXPECT_EQ(settings.application_retention_months, 18);
  settings = journal_.UpdateSettings(Archivist(), "", "", 0);
  EXPECT_EQ(settings.archive_creator_name, "IKA Demo");
  EXPECT_EQ(journal_.GetSettings(Archivist()).archive_creator_id, "974760673");
}

}  // namespace
}  // namespace depot::journal
