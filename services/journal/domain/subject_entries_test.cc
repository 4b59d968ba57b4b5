// Correspondents with an identity (birth date, national identity
// number), and the journal's part of rights requests (SubjectData,
// EraseSubjectData), on the in-memory store.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "services/journal/domain/subject_entries.h"
#include "tests/support/error_of.h"
#include "tests/support/synthetic_records.h"
#include "tests/support/fakes/fake_journal_store.h"
#include "tests/support/fakes/journal_test_support.h"

namespace depot::journal {
namespace {

using depot::testing::ErrorOf;
using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::OrdinaryCase;

Caller Service() { return Caller{"privacy", Role::kService, ""}; }
Caller Dpo() { return Caller{"dina", Role::kDpo, ""}; }

class JournalSubjectTest : public ::testing::Test {
 protected:
  // Two people with the same name, born the same year; a third
  // correspondent of that name journaled without identity.
  const std::string kName = "Kari Nordmann";
  const std::string first_birth_ = "1980-05-17";
  const std::string second_birth_ = "1980-09-02";
  const std::string first_id_ =
      depot::testing::MakeFodselsnummer(17, 5, 1980, 0);
  const std::string second_id_ =
      depot::testing::MakeFodselsnummer(2, 9, 1980, 0);

  EntryDetails Record(const std::string& title, const std::string& name,
                      const std::string& birth_date,
                      const std::string& national_id,
                      const std::string& case_number = "") {
    std::string c = case_number;
    if (c.empty()) {
      c = journal_.CreateCase(Archivist(), OrdinaryCase("Sak")).Number();
    }
    NewEntry e = Incoming(c, title, name);
    e.correspondents[0].birth_date = birth_date;
    e.correspondents[0].national_id = national_id;
    e.correspondents.push_back(
        {"Anna Arkivar", CorrespondentKind::kRecipient, PartyRole::kOther, {}});
    return journal_.RecordEntry(Archivist(), e);
  }

  SubjectQuery ByNameAndBirthDate(const std::string& birth_date) {
    return {"", kName, birth_date, "access-request/1"};
  }
  SubjectQuery ByNationalId(const std::string& id) {
    return {id, "", "", "access-request/2"};
  }

  static std::vector<std::string> Ids(const SubjectData& data,
                                      const std::string& kind) {
    std::vector<std::string> ids;
    for (const SubjectItem& item : data.items) {
      if (item.kind == kind) ids.push_back(item.id);
    }
    return ids;
  }

  FakeJournalStore store_;
  Keyring keyring_ = Keyring::Random();
  testing::FakeClock clock_{testing::kFirstTestDay};
  Journal journal_{store_, keyring_, clock_.clock()};
  PublicJournal public_{store_, keyring_, clock_.clock()};
  SubjectEntries subject_{store_, keyring_, clock_.clock()};
};

TEST_F(JournalSubjectTest, BadIdentitiesAreRefusedNamingTheField) {
  struct Case {
    std::string birth_date, national_id, field;
  } cases[] = {
      {"", "12345678901", "correspondents[0].national_id"},
      {"17.05.1980", "", "correspondents[0].birth_date"},
      {"1980-02-30", "", "correspondents[0].birth_date"},
      {"2026-03-11", "", "correspondents[0].birth_date"},  // tomorrow
      {second_birth_, first_id_, "correspondents[0].birth_date"},
  };
  for (const Case& c : cases) {
    Error error =
        ErrorOf([&] { Record("Brev", kName, c.birth_date, c.national_id); });
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << c.field;
    std::string message = error.what();
    EXPECT_NE(message.find(c.field), std::string::npos) << message;
    EXPECT_EQ(message.find(first_id_), std::string::npos) << message;
    EXPECT_EQ(message.find(kName), std::string::npos) << message;
  }
  EXPECT_TRUE(store_.state().entries.empty());
  // Today is not in the future.
  EXPECT_NO_THROW(Record("Brev", kName, "2026-03-10", ""));
}

TEST_F(JournalSubjectTest, IdentityIsSealedIndexedAndAuditedAsThePerson) {
  EntryDetails recorded = Record("Brev", kName, "", first_id_);
  const auto& stored = store_.state().entries.begin()->second;
  const SealedIdentity& id = stored.correspondents[0].identity;
  EXPECT_EQ(id.national_id_index, keyring_.BlindIndex(first_id_));
  // Birth date from the number; the same person index as deposits.
  EXPECT_EQ(id.person_index, keyring_.BlindIndex(SubjectKeyFromNameAndBirthDate(
                                 "kari  NORDMANN", first_birth_)));
  EXPECT_EQ(id.subject,
            keyring_.Pseudonym(SubjectKeyFromNationalId(first_id_)));
  EXPECT_EQ(id.birth_date_sealed.find(first_birth_), std::string::npos);
  EXPECT_EQ(id.national_id_sealed.find(first_id_), std::string::npos);
  EXPECT_FALSE(id.national_id_sealed.empty());
  EXPECT_TRUE(stored.correspondents[1].identity.empty());

  // The person is the subject of the audit event, the other by name.
  const auto& audit = store_.state().audit;
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].subject, id.subject);
  EXPECT_EQ(audit[1].subject,
            keyring_.Pseudonym(SubjectKeyFromName("Anna Arkivar")));

  // Archivists see the birth date; nobody gets the number back.
  ASSERT_EQ(recorded.birth_dates.size(), 2u);
  EXPECT_EQ(recorded.birth_dates[0], first_birth_);
  EXPECT_EQ(recorded.birth_dates[1], "");
  std::string number = recorded.entry.JournalNumber();
  EXPECT_EQ(journal_.GetEntry(Archivist(), number, false).birth_dates[0],
            first_birth_);
  EXPECT_EQ(journal_.GetEntry(Dpo(), number, false).birth_dates[0], "");
}

TEST_F(JournalSubjectTest, ASealedBirthDateMovedToAnotherEntryDoesNotOpen) {
  Record("Brev 1", kName, first_birth_, "");
  Record("Brev 2", kName, second_birth_, "");
  auto& entries = store_.mutable_state().entries;
  auto first = entries.begin();
  auto second = std::next(first);
  second->second.correspondents[0].identity.birth_date_sealed =
      first->second.correspondents[0].identity.birth_date_sealed;
  EXPECT_EQ(ErrorOf([&] {
              journal_.GetEntry(Archivist(), second->second.JournalNumber(),
                                false);
            }).code(),
            ErrorCode::kInternal);
}

TEST_F(JournalSubjectTest, PublicOutputsNeverCarryTheIdentity) {
  Record("Brev om elevmappe", kName, "", first_id_);
  std::string all;
  public_.Stream(Desk(), "2026-01-01", "2026-12-31", [&](const PublicEntry& e) {
    for (const auto& c : e.correspondents) all += c.name + "|";
    all += e.public_title;
  });
  auto sink = [&](std::string_view chunk) { all += chunk; };
  public_.ExportOffentlig(Desk(), "2026-01-01", "2026-12-31", sink);
  public_.ExportLoepende(Archivist(), "2026-01-01", "2026-12-31", sink);
  EXPECT_NE(all.find(kName), std::string::npos);  // not screened: ordinary
  EXPECT_EQ(all.find(first_id_), std::string::npos);
  EXPECT_EQ(all.find(first_birth_), std::string::npos);
  EXPECT_EQ(all.find("17.05.1980"), std::string::npos);
}

TEST_F(JournalSubjectTest, SubjectDataMatchesOnlyByIdentity) {
  std::string a =
      Record("Brev fra første", kName, first_birth_, "").entry.JournalNumber();
  std::string b =
      Record("Brev med nummer", kName, "", first_id_).entry.JournalNumber();
  Record("Brev fra andre", kName, second_birth_, "");
  Record("Brev fra andre med nummer", kName, "", second_id_);
  Record("Brev uten identitet", " KARI   nordmann ", "", "");
  Record("Brev fra en annen", "Ola Nordmann", first_birth_, "");

  SubjectData data = subject_.Data(Service(), ByNameAndBirthDate(first_birth_));
  EXPECT_EQ(Ids(data, "journal_entry"),
            (std::vector<std::string>{"entry/" + a, "entry/" + b}));
  ASSERT_EQ(data.notes.size(), 1u);
  EXPECT_EQ(
      data.notes[0].rfind("1 journal correspondent(s) have the same name", 0),
      0u)
      << data.notes[0];
  for (const std::string& note : data.notes) {
    EXPECT_EQ(note.find("Kari"), std::string::npos);
    EXPECT_EQ(note.find("Brev"), std::string::npos);
  }
  std::string all;
  for (const SubjectItem& item : data.items) {
    EXPECT_EQ(item.service, "journal");
    all += item.data_json + item.source;
  }
  EXPECT_EQ(all.find("andre"), std::string::npos);
  EXPECT_EQ(all.find(second_birth_), std::string::npos);
  EXPECT_EQ(all.find(second_id_), std::string::npos);
  EXPECT_EQ(all.find("Anna Arkivar"), std::string::npos);
  EXPECT_EQ(all.find("uten identitet"), std::string::npos);

  const SubjectItem& item = data.items[0];
  EXPECT_EQ(item.source, "postjournal " + a + ", case 2026/1");
  auto json = nlohmann::json::parse(item.data_json);
  EXPECT_EQ(json["journal_number"], a);
  EXPECT_EQ(json["journal_date"], "2026-03-10");
  EXPECT_EQ(json["title"], "Brev fra første");
  EXPECT_EQ(json["correspondent"]["name"], kName);
  EXPECT_EQ(json["correspondent"]["kind"], "sender");
  EXPECT_EQ(json["correspondent"]["role"], "other");
  EXPECT_FALSE(json["screening"]["name_screened_in_public_journal"]);

  // By number: the entry journaled with the number only, not the one with
  // the birth date alone (the number cannot tell), nor the other person's.
  data = subject_.Data(Service(), ByNationalId(first_id_));
  EXPECT_EQ(Ids(data, "journal_entry"),
            (std::vector<std::string>{"entry/" + b}));
  // Number and name: both.
  SubjectQuery both = ByNationalId(first_id_);
  both.name = kName;
  data = subject_.Data(Service(), both);
  EXPECT_EQ(Ids(data, "journal_entry"),
            (std::vector<std::string>{"entry/" + a, "entry/" + b}));
}

// An extract holds the person's own data only: a title naming other
// applicants shows their names masked.
TEST_F(JournalSubjectTest, AnExtractHoldsNoOtherPersonsNameInATitle) {
  std::string job =
      journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  NewEntry e = Incoming(
      job, "Innstilling: Kari Nordmann, Ola Hansen og Per Berg", kName);
  e.correspondents[0].birth_date = first_birth_;
  e.correspondents.push_back(
      {"Ola Hansen", CorrespondentKind::kSender, std::nullopt, {}});
  e.correspondents.push_back(
      {"Per Berg", CorrespondentKind::kSender, std::nullopt, {}});
  journal_.RecordEntry(Archivist(), e);
  SubjectData data = subject_.Data(Service(), ByNameAndBirthDate(first_birth_));
  ASSERT_EQ(Ids(data, "journal_entry").size(), 1u);
  auto json = nlohmann::json::parse(data.items[0].data_json);
  EXPECT_EQ(json["title"], "Innstilling: Kari Nordmann, ****** og ******");
  for (const SubjectItem& item : data.items) {
    for (const char* other : {"Ola", "Hansen", "Per Berg"}) {
      EXPECT_EQ(item.data_json.find(other), std::string::npos) << other;
    }
  }
}

TEST_F(JournalSubjectTest, ScreeningOfAnApplicantIsReported) {
  auto job = journal_.CreateCase(Archivist(), JobCase("Stilling")).Number();
  Record("Søknad", kName, first_birth_, "", job);
  SubjectData data = subject_.Data(Service(), ByNameAndBirthDate(first_birth_));
  ASSERT_EQ(Ids(data, "journal_entry").size(), 1u);
  auto json = nlohmann::json::parse(data.items[0].data_json);
  EXPECT_EQ(json["correspondent"]["role"], "applicant");
  EXPECT_TRUE(json["screening"]["name_screened_in_public_journal"]);
  EXPECT_EQ(json["screening"]["name"]["authority"], "offentleglova § 25");
}

TEST_F(JournalSubjectTest, DifferentNumbersUnderOneNameAndBirthDateAreLeftOut) {
  // Two numbers with the same birth date: two people.
  std::string other = depot::testing::MakeFodselsnummer(17, 5, 1980, 1);
  Record("Brev 1", kName, "", first_id_);
  Record("Brev 2", kName, "", other);
  SubjectData data = subject_.Data(Service(), ByNameAndBirthDate(first_birth_));
  EXPECT_TRUE(Ids(data, "journal_entry").empty());
  ASSERT_FALSE(data.notes.empty());
  EXPECT_NE(data.notes[0].find("identity numbers of 2 different people"),
            std::string::npos);
  data = subject_.Data(Service(), ByNationalId(other));
  EXPECT_EQ(Ids(data, "journal_entry").size(), 1u);
}

TEST_F(JournalSubjectTest, SubjectDataReturnsAndAuditsTheTrail) {
  std::string a = Record("Brev", kName, "", first_id_).entry.JournalNumber();
  journal_.GetEntry(Archivist(), a, false);
  size_t before = store_.state().audit.size();
  SubjectData data = subject_.Data(Service(), ByNationalId(first_id_));
  // The recording and the read, under the person's pseudonym.
  EXPECT_EQ(Ids(data, "audit_event").size(), 2u);
  std::string pseudonym =
      keyring_.Pseudonym(SubjectKeyFromNationalId(first_id_));
  const auto& audit = store_.state().audit;
  ASSERT_EQ(audit.size(), before + 2);
  EXPECT_EQ(audit[before].action, "journal.entry.read");
  EXPECT_EQ(audit[before].object, "entry/" + a);
  EXPECT_EQ(audit[before].subject, pseudonym);
  EXPECT_EQ(audit[before + 1].action, "subject.data");
  EXPECT_EQ(audit[before + 1].subject, pseudonym);
  EXPECT_NE(audit[before + 1].detail.find("access-request/2"),
            std::string::npos);
  // The service identity is the actor; nothing in clear.
  for (size_t i = before; i < audit.size(); ++i) {
    EXPECT_EQ(audit[i].actor, "privacy");
    EXPECT_EQ(audit[i].detail.find(first_id_), std::string::npos);
  }
}

TEST_F(JournalSubjectTest, QueriesWithoutIdentityAreRefused) {
  EXPECT_EQ(ErrorOf([&] {
              subject_.Data(Service(), {"", kName, "", "access-request/1"});
            }).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(ErrorOf([&] {
              subject_.Erase(Service(), {"", kName, "", "access-request/1"});
            }).code(),
            ErrorCode::kInvalidArgument);
}

TEST_F(JournalSubjectTest, ErasureIsRefusedPerEntryAndChangesNothing) {
  std::string a =
      Record("Brev 1", kName, first_birth_, "").entry.JournalNumber();
  std::string b = Record("Brev 2", kName, "", first_id_).entry.JournalNumber();
  Record("Brev 3", kName, second_birth_, "");
  auto entries_before = store_.state().entries.size();
  SubjectQuery both = ByNationalId(first_id_);
  both.name = kName;
  std::vector<ErasureOutcome> outcomes = subject_.Erase(Service(), both);
  std::vector<std::string> entry_ids;
  for (const ErasureOutcome& o : outcomes) {
    EXPECT_EQ(o.service, "journal");
    EXPECT_FALSE(o.erased);
    if (o.kind == "journal_entry") {
      entry_ids.push_back(o.id);
      EXPECT_EQ(o.legal_reason, kReasonJournalKept);
    } else {
      EXPECT_EQ(o.kind, "audit_event");
      EXPECT_FALSE(o.legal_reason.empty());
    }
  }
  EXPECT_EQ(entry_ids, (std::vector<std::string>{"entry/" + a, "entry/" + b}));
  EXPECT_EQ(store_.state().entries.size(), entries_before);
  EXPECT_EQ(store_.state().audit.back().action, "subject.erase");
  // Nobody matched: nothing to refuse.
  EXPECT_TRUE(
      subject_.Erase(Service(), ByNameAndBirthDate("1990-01-01")).empty());
}

}  // namespace
}  // namespace depot::journal
