#include "services/deposits/domain/record_rules.h"

#include <gtest/gtest.h>

#include <functional>

#include "services/common/error.h"
#include "services/common/text_check.h"
#include "tests/support/synthetic_records.h"

namespace depot::deposits {
namespace {

const Date kDepositDate = *ParseDate("2026-06-30");
const Date kToday = *ParseDate("2026-11-24");

RecordInput Valid() {
  RecordInput r;
  r.position = 1;
  r.source_record_id = "a-1";
  r.person_name = "Kari Nordmann";
  r.national_id = testing::MakeFodselsnummer(15, 3, 1955, 0);
  r.opened_date = "1961-08-20";
  r.last_contact_date = "2015-06-30";
  return r;
}

RecordVerdict Check(const RecordInput& r, const std::string& category = "pupil",
                    bool exception = false) {
  static CategoryRules rules;
  return CheckRecord(r, rules.For(*rules.ByName(category)), kDepositDate,
                     kToday, exception);
}

TEST(TenYearRule, EligibleExactlyOnTheDayTheyTurnTenYearsOld) {
  RecordInput r = Valid();
  r.last_contact_date = "2016-06-30";  // + 10 years == deposit date
  auto verdict = Check(r);
  ASSERT_TRUE(verdict.accepted) << verdict.rejection->reason;
  EXPECT_EQ(verdict.accepted->birth_date, "1955-03-15");
}

TEST(TenYearRule, OneDayTooYoungIsRejectedWithTheDateItBecomesEligible) {
  RecordInput r = Valid();
  r.last_contact_date = "2016-07-01";
  auto verdict = Check(r);
  ASSERT_TRUE(verdict.rejection);
  EXPECT_EQ(verdict.rejection->field, "last_contact_date");
  EXPECT_EQ(verdict.rejection->eligible_from, "2026-07-01");
  EXPECT_NE(verdict.rejection->reason.find("eligible from 2026-07-01"),
            std::string::npos);
}

TEST(TenYearRule, KindergartenFilesUseFiveYears) {
  RecordInput r = Valid();
  r.last_contact_date = "2021-06-30";
  EXPECT_TRUE(Check(r, "kindergarten").accepted);
  EXPECT_TRUE(Check(r, "pupil").rejection);
}

TEST(TenYearRule, PeriodsAreConfigurable) {
  CategoryRules rules("pupil=3 kindergarten=1");
  EXPECT_EQ(rules.For(RegisterCategory::kPupilFiles).eligibility_years, 3);
  EXPECT_EQ(rules.For(RegisterCategory::kKindergarten).eligibility_years, 1);
  EXPECT_TRUE(rules.For(RegisterCategory::kChildWelfare).special_category);
  EXPECT_FALSE(rules.For(RegisterCategory::kPupilFiles).special_category);
  EXPECT_THROW(CategoryRules("nonsense=3"), StartupError);
}

TEST(TenYearRule, ExceptionLetsAYoungRecordIn) {
  RecordInput r = Valid();
  r.last_contact_date = "2024-01-01";
  EXPECT_TRUE(Check(r, "pupil", /*exception=*/true).accepted);
}

TEST(TenYearRule, LeapDayPlusTenYearsIsTheTwentyEighth) {
  EXPECT_EQ(FormatDate(AddYears(*ParseDate("2016-02-29"), 10)), "2026-02-28");
}

struct ImpossibleCase {
  const char* field;
  std::function<void(RecordInput&)> spoil;
};

TEST(ImpossibleData, EachIsRejectedNamingTheField) {
  std::vector<ImpossibleCase> cases = {
      {"national_id", [](RecordInput& r) { r.national_id = "15035512345"; }},
      {"birth_date",
       [](RecordInput& r) {
         r.national_id = "";
         r.birth_date = "";
       }},
      {"birth_date",
       [](RecordInput& r) {
         r.national_id = "";
         r.birth_date = "2027-01-01";
       }},
      {"birth_date", [](RecordInput& r) { r.birth_date = "1956-01-01"; }},
      {"opened_date", [](RecordInput& r) { r.opened_date = "1961-02-30"; }},
      {"opened_date", [](RecordInput& r) { r.opened_date = "2027-01-01"; }},
      {"last_contact_date",
       [](RecordInput& r) { r.last_contact_date = "2030-01-01"; }},
      {"last_contact_date",
       [](RecordInput& r) { r.last_contact_date = "1960-01-01"; }},
      {"death_year", [](RecordInput& r) { r.death_year = 1950; }},
      {"death_year", [](RecordInput& r) { r.death_year = 2100; }},
      {"person_name", [](RecordInput& r) { r.person_name = "  "; }},
      {"source_record_id", [](RecordInput& r) { r.source_record_id = ""; }},
      {"documents[0].sha256",
       [](RecordInput& r) {
         r.documents.push_back({"a.pdf", 10, "abc"});
       }},
  };
  for (const auto& c : cases) {
    RecordInput r = Valid();
    c.spoil(r);
    auto verdict = Check(r);
    ASSERT_TRUE(verdict.rejection) << c.field;
    EXPECT_EQ(verdict.rejection->field, c.field);
    EXPECT_TRUE(verdict.rejection->eligible_from.empty());
    EXPECT_EQ(verdict.rejection->reason.find(
                  r.national_id.empty() ? "\x01" : r.national_id),
              std::string::npos)
        << "a reason must not echo the identity number";
  }
}

TEST(ImpossibleData, BirthDateWithoutIdentityNumberIsEnough) {
  RecordInput r = Valid();
  r.national_id = "";
  r.birth_date = "1955-03-15";
  auto verdict = Check(r);
  ASSERT_TRUE(verdict.accepted);
  EXPECT_FALSE(verdict.accepted->national_id);
}

// A rejection goes to PostgreSQL and back to the sender: each of its texts
// must keep the rules every text of a request keeps.
void ExpectSafeRejection(const Rejection& rejection) {
  EXPECT_FALSE(TextProblem(rejection.source_record_id, {200, false}))
      << QuoteInput(rejection.source_record_id);
  EXPECT_FALSE(TextProblem(rejection.field, {200, false}));
  EXPECT_FALSE(TextProblem(rejection.reason, {4000, true}));
}

std::string RandomText(size_t characters, unsigned seed) {
  std::string text;
  unsigned state = seed;
  for (size_t i = 0; i < characters; ++i) {
    state = state * 1103515245 + 12345;
    text += static_cast<char>('!' + (state >> 16) % 90);
  }
  return text;
}

struct HostileCase {
  const char* field;
  std::function<void(RecordInput&)> spoil;
};

// Each of these reached PostgreSQL unchecked and failed the whole batch.
TEST(HostileText, EachTextFieldIsCheckedAgainstItsRule) {
  const std::string nul("a\0b", 3);
  std::vector<HostileCase> cases = {
      {"source_record_id", [&](RecordInput& r) { r.source_record_id = nul; }},
      {"source_record_id",
       [](RecordInput& r) { r.source_record_id = RandomText(3000, 7); }},
      {"source_record_id",
       [](RecordInput& r) { r.source_record_id = "a\xff\xfe"; }},
      {"person_name", [&](RecordInput& r) { r.person_name = nul; }},
      {"person_name", [](RecordInput& r) { r.person_name = "Kari\nNordmann"; }},
      {"national_id", [&](RecordInput& r) { r.national_id += nul; }},
      {"birth_date", [&](RecordInput& r) { r.birth_date = nul; }},
      {"opened_date",
       [](RecordInput& r) {
         r.opened_date =
             "1961\x1b"
             "08-20";
       }},
      {"last_contact_date",
       [](RecordInput& r) { r.last_contact_date = "2015-06-30\x7f"; }},
      {"box", [&](RecordInput& r) { r.box = nul; }},
      {"box", [](RecordInput& r) { r.box = std::string(101, 'b'); }},
      {"shelf", [&](RecordInput& r) { r.shelf = nul; }},
      {"shelf", [](RecordInput& r) { r.shelf = "\xc3"; }},
      {"documents[1].file_name",
       [&](RecordInput& r) {
         r.documents = {{"a.pdf", 1, std::string(64, 'a')},
                        {nul, 1, std::string(64, 'a')}};
       }},
      {"documents[0].sha256",
       [&](RecordInput& r) {
         r.documents = {{"a.pdf", 1, std::string(63, 'a') + '\0'}};
       }},
      {"noark_metadata",
       [&](RecordInput& r) { r.noark_metadata = "{\"a\": \"\xff\"}"; }},
  };
  for (const auto& c : cases) {
    RecordInput r = Valid();
    c.spoil(r);
    auto verdict = Check(r);
    ASSERT_TRUE(verdict.rejection) << c.field;
    EXPECT_EQ(verdict.rejection->field, c.field);
    ExpectSafeRejection(*verdict.rejection);
  }
}

TEST(HostileText, ARejectionCarriesABadIdOnlyEscapedAndShort) {
  RecordInput r = Valid();
  r.source_record_id = std::string("src\0", 4) + RandomText(2996, 3);
  auto verdict = Check(r);
  ASSERT_TRUE(verdict.rejection);
  const std::string& id = verdict.rejection->source_record_id;
  EXPECT_TRUE(id.starts_with("\"src\\u0000")) << id;
  EXPECT_NE(id.find(" sha256:"), std::string::npos) << id;
  EXPECT_LE(id.size(), 200u);
  // Two ids that differ only after the quoted prefix stay apart.
  RecordInput other = r;
  other.source_record_id.back() ^= 1;
  EXPECT_NE(Check(other).rejection->source_record_id, id);
  // A valid id is kept as it is; a missing one names the position.
  EXPECT_EQ(RejectionSourceId(Valid()), "a-1");
  RecordInput missing = Valid();
  missing.source_record_id = "";
  missing.position = 17;
  EXPECT_EQ(RejectionSourceId(missing), "\"\" at position 17");
}

TEST(Limits, PositionsDocumentsAndMetadataHaveBounds) {
  std::vector<HostileCase> cases = {
      {"position", [](RecordInput& r) { r.position = 0; }},
      {"position", [](RecordInput& r) { r.position = -5; }},
      {"position", [](RecordInput& r) { r.position = kMaxPosition + 1; }},
      {"position", [](RecordInput& r) { r.position = INT64_MAX; }},
      {"documents",
       [](RecordInput& r) {
         r.documents.assign(kMaxDocuments + 1,
                            {"a.pdf", 1, std::string(64, 'a')});
       }},
      {"documents[0].size_bytes",
       [](RecordInput& r) {
         r.documents = {{"a.pdf", -1, std::string(64, 'a')}};
       }},
      {"documents[0].file_name",
       [](RecordInput& r) {
         r.documents = {{"", 1, std::string(64, 'a')}};
       }},
      {"noark_metadata",
       [](RecordInput& r) {
         r.noark_metadata =
             "{\"a\": \"" + std::string(kMaxNoarkMetadataBytes, 'x') + "\"}";
       }},
      {"noark_metadata", [](RecordInput& r) { r.noark_metadata = "[1, 2]"; }},
      {"noark_metadata",
       [](RecordInput& r) {
         r.noark_metadata = std::string(20000, '[') + std::string(20000, ']');
       }},
      {"death_year", [](RecordInput& r) { r.death_year = INT32_MIN; }},
  };
  for (const auto& c : cases) {
    RecordInput r = Valid();
    c.spoil(r);
    auto verdict = Check(r);
    ASSERT_TRUE(verdict.rejection) << c.field;
    EXPECT_EQ(verdict.rejection->field, c.field);
    ExpectSafeRejection(*verdict.rejection);
  }
  RecordInput last = Valid();
  last.position = kMaxPosition;
  last.documents.assign(kMaxDocuments,
                        {"a.pdf", INT64_MAX, std::string(64, 'a')});
  EXPECT_TRUE(Check(last).accepted);
}

}  // namespace
}  // namespace depot::deposits
