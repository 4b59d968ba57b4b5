#include "services/deposits/domain/record_rules.h"

#include <gtest/gtest.h>

#include <functional>

#include "services/common/error.h"

#include "tests/support/records.h"

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
      {"documents.sha256",
       [](RecordInput& r) { r.documents.push_back({"a.pdf", 10, "abc"}); }},
  };
  for (const auto& c : cases) {
    RecordInput r = Valid();
    c.spoil(r);
    auto verdict = Check(r);
    ASSERT_TRUE(verdict.rejection) << c.field;
    EXPECT_EQ(verdict.rejection->field, c.field);
    EXPECT_TRUE(verdict.rejection->eligible_from.empty());
    EXPECT_EQ(verdict.rejection->reason.find(r.national_id.empty()
                                                 ? "\x01"
                                                 : r.national_id),
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

}  // namespace
}  // namespace depot::deposits
