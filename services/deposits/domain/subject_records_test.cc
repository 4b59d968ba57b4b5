// DepositService's rights-request rules over the in-memory store:
// SubjectData finds a person's records only by identity, never another
// person's with the same name; erasure is refused under archive law;
// CorrectRecord re-seals and re-indexes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/deposits/domain/depositors.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/record_correction.h"
#include "services/deposits/domain/record_search.h"
#include "services/deposits/domain/subject_records.h"
#include "services/deposits/domain/transfers.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fakes/fake_deposit_store.h"
#include "tests/support/synthetic_records.h"

namespace depot::deposits {
namespace {

Caller Archivist() { return Caller{"anna", Role::kArchivist, ""}; }
Caller Service() { return Caller{"privacy", Role::kService, ""}; }
std::string Ola() { return testing::MakeFodselsnummer(1, 1, 1950, 0); }

class SubjectDepositsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Depositors(store_).Register(Archivist(), {"964338531", "Bergen kommune",
                                              DepositorKind::kMunicipality});
    deposit_ = deposits_.Create(
        Archivist(),
        {"964338531", RegisterCategory::kPupilFiles, "", "2026-06-30"});
    transfers_.Begin(Archivist(), deposit_.id);
    // Two Kari Nordmann born the same year; one more with an identity
    // number.
    std::vector<RecordInput> records = {
        {1,
         "a",
         "Kari Nordmann",
         "",
         "1950-03-01",
         "1960-08-01",
         "1966-06-20",
         0,
         "B1",
         "S1",
         {}},
        {2,
         "b",
         "Kari Nordmann",
         "",
         "1950-11-12",
         "1960-08-01",
         "1966-06-20",
         0,
         "B1",
         "S1",
         {}},
        {3,
         "c",
         "Ola Nordmann",
         Ola(),
         "",
         "1960-08-01",
         "1966-06-20",
         0,
         "B2",
         "S1",
         {}},
    };
    auto result = transfers_.StoreBatch(Archivist(), deposit_.id, records);
    ASSERT_EQ(result.outcome.accepted, 3) << result.rejections.size();
  }

  FakeDepositStore store_;
  Keyring keyring_ = Keyring::Random();
  CategoryRules rules_;
  testing::FakeClock clock_{
      std::chrono::sys_days(std::chrono::year(2026) / 11 / 24)};
  DepositContext context_{store_, keyring_, rules_, clock_.clock()};
  Deposits deposits_{context_};
  Transfers transfers_{context_};
  SubjectRecords subject_{context_};
  RecordCorrection correction_{context_};
  Deposit deposit_;
};

std::vector<SubjectItem> OfKind(const SubjectData& data,
                                const std::string& kind) {
  std::vector<SubjectItem> out;
  for (const auto& item : data.items) {
    if (item.kind == kind) out.push_back(item);
  }
  return out;
}

TEST_F(SubjectDepositsTest, NameAndBirthDateFindOnlyThatPerson) {
  SubjectData data = subject_.Data(
      Service(), {"", "kari  NORDMANN", "1950-03-01", "access-request/1"});
  auto records = OfKind(data, "record");
  ASSERT_EQ(records.size(), 1u);
  auto json = nlohmann::json::parse(records[0].data_json);
  EXPECT_EQ(json["source_record_id"], "a");
  EXPECT_EQ(json["depositor"]["name"], "Bergen kommune");
  EXPECT_NE(records[0].source.find("964338531"), std::string::npos);
  for (const auto& item : data.items) {
    EXPECT_EQ(item.data_json.find("1950-11-12"), std::string::npos)
        << "the other Kari's data leaked: " << item.data_json;
  }
  // The transfer wrote an audit event under her pseudonym: it is hers.
  EXPECT_FALSE(OfKind(data, "audit_event").empty());
}

TEST_F(SubjectDepositsTest, NationalIdFindsTheRecord) {
  SubjectData data =
      subject_.Data(Service(), {Ola(), "", "", "access-request/2"});
  auto records = OfKind(data, "record");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(records[0].data_json)["national_id"], Ola());
}

TEST_F(SubjectDepositsTest, ANameAloneIsRefused) {
  try {
    subject_.Data(Service(), {"", "Kari Nordmann", "", "access-request/3"});
    FAIL() << "a name alone was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  }
}

TEST_F(SubjectDepositsTest, ErasureIsRefusedWithTheArchiveLaw) {
  auto outcomes = subject_.Erase(
      Service(), {"", "Kari Nordmann", "1950-03-01", "erasure/1"});
  int records = 0;
  for (const auto& o : outcomes) {
    EXPECT_FALSE(o.erased);
    if (o.kind == "record") {
      ++records;
      EXPECT_NE(o.legal_reason.find("arkivlova"), std::string::npos);
    }
  }
  EXPECT_EQ(records, 1);
  // Nothing was deleted.
  EXPECT_EQ(store_.state().records.size(), 3u);
}

TEST_F(SubjectDepositsTest, CorrectionReSealsAndReIndexes) {
  int64_t id = store_.state().records.begin()->first;  // record "a"
  RecordView corrected =
      correction_.Correct(Archivist(), {id, "Kari Nordmann Berg", "", "", "",
                                        "", 0, "name changed by marriage"});
  EXPECT_EQ(corrected.person_name, "Kari Nordmann Berg");
  EXPECT_TRUE(OfKind(subject_.Data(Service(),
                                   {"", "Kari Nordmann", "1950-03-01", "x/1"}),
                     "record")
                  .empty());
  EXPECT_EQ(OfKind(subject_.Data(Service(), {"", "Kari Nordmann Berg",
                                             "1950-03-01", "x/2"}),
                   "record")
                .size(),
            1u);
  ASSERT_EQ(store_.state().corrections.size(), 1u);
  EXPECT_EQ(store_.state().corrections[0].fields, "person_name");
  // The audit shows the correction under both pseudonyms.
  int corrections = 0;
  for (const auto& e : store_.state().audit) {
    if (e.action == "record.correct") ++corrections;
    EXPECT_EQ(e.detail.find("Berg"), std::string::npos);
  }
  EXPECT_EQ(corrections, 2);
}

TEST_F(SubjectDepositsTest, CorrectionChecksTheNewData) {
  int64_t id = store_.state().records.begin()->first;
  try {
    correction_.Correct(Archivist(),
                        {id, "", "", "1970-01-01", "", "", 0, "typo"});
    FAIL() << "a birth date after the last contact was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << error.what();
  }
  try {
    correction_.Correct(Archivist(), {id, "", "", "", "", "", 0, ""});
    FAIL() << "a correction without reason was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace depot::deposits
