#include "services/common/national_id.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace depot {
namespace {

// Fixed dates so the tests never depend on the clock: one before the
// Norwegian 2032 rules, one after.
constexpr const char* kToday = "2026-01-15";
constexpr const char* kAfter2032 = "2033-01-15";

std::filesystem::path VectorDir() {
  return std::filesystem::path(DEPOT_SOURCE_DIR) / ".." / "shared" /
         "testvectors";
}

std::string DigitsOf(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

// A problem must never echo the number it is about.
void ExpectProblemHidesNumber(const NationalIdCheck& check,
                              const std::string& input) {
  EXPECT_FALSE(check.problem.empty()) << input;
  std::string digits = DigitsOf(input);
  if (digits.size() >= 6) {
    EXPECT_EQ(check.problem.find(digits), std::string::npos) << input;
  }
  if (input.size() >= 6) {
    EXPECT_EQ(check.problem.find(input), std::string::npos) << input;
  }
}

struct TsvVector {
  std::string input;
  bool valid = false;
};

std::vector<TsvVector> ReadTsv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::vector<TsvVector> vectors;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    TsvVector vector;
    std::string expected;
    std::getline(fields, vector.input, '\t');
    std::getline(fields, expected, '\t');
    if (expected != "valid" && expected != "invalid") {
      throw std::runtime_error("unexpected line in " + path.string());
    }
    vector.valid = expected == "valid";
    vectors.push_back(vector);
  }
  return vectors;
}

bool HaveVectors() { return std::filesystem::is_directory(VectorDir()); }

#define SKIP_WITHOUT_VECTORS()                                  \
  if (!HaveVectors()) {                                         \
    GTEST_SKIP() << "test vectors not found at " << VectorDir() \
                 << " (../shared beside the checkout)";         \
  }

class NationalIdVectorFiles : public ::testing::Test {
 protected:
  void SetUp() override { SKIP_WITHOUT_VECTORS(); }
};

class NationalIdVectors : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override { SKIP_WITHOUT_VECTORS(); }
};

// python-stdnum predates the 2032 rules, under which the individual number
// no longer gives the century (18103970861 then reads as 1939, see
// Norwegian2032RelaxedFirstCheckDigit), so these hold before 2032 only.
TEST_F(NationalIdVectorFiles, NorwegianFodselsnummer) {
  auto vectors = ReadTsv(VectorDir() / "no_fodselsnummer.tsv");
  ASSERT_EQ(vectors.size(), 20u);
  for (const auto& vector : vectors) {
    NationalIdCheck check = CheckNationalId(vector.input, kToday);
    EXPECT_EQ(check.id.has_value(), vector.valid)
        << vector.input << ": " << check.problem;
    if (check.id) {
      EXPECT_EQ(check.id->normalized, DigitsOf(vector.input));
      EXPECT_EQ(check.id->kind, NationalIdKind::kNorwegianBirthNumber)
          << vector.input;
      EXPECT_TRUE(check.problem.empty());
    } else {
      ExpectProblemHidesNumber(check, vector.input);
    }
  }
}

TEST_P(NationalIdVectors, SwedishPersonnummer) {
  auto vectors = ReadTsv(VectorDir() / "se_personnummer.tsv");
  ASSERT_EQ(vectors.size(), 16u);
  for (const auto& vector : vectors) {
    NationalIdCheck check = CheckNationalId(vector.input, GetParam());
    EXPECT_EQ(check.id.has_value(), vector.valid)
        << vector.input << ": " << check.problem;
    if (check.id) {
      EXPECT_EQ(check.id->kind, NationalIdKind::kSwedishPersonalNumber);
      // None of these people is 100 yet, so the century is the last one.
      std::string digits = DigitsOf(vector.input);
      EXPECT_EQ(check.id->normalized, "19" + digits);
      EXPECT_EQ(check.id->birth_date, "19" + digits.substr(0, 2) + "-" +
                                          digits.substr(2, 2) + "-" +
                                          digits.substr(4, 2));
    } else {
      ExpectProblemHidesNumber(check, vector.input);
    }
  }
}

TEST_P(NationalIdVectors, SwedishPersonnummerMeta) {
  std::ifstream in(VectorDir() / "se_personnummer_meta.json");
  ASSERT_TRUE(in);
  nlohmann::json entries = nlohmann::json::parse(in);
  ASSERT_EQ(entries.size(), 14u);
  int checked = 0;
  for (const auto& entry : entries) {
    const std::string long_format = entry.at("long_format");
    const bool valid = entry.at("valid");
    const NationalIdKind kind = entry.at("type") == "con"
                                    ? NationalIdKind::kSwedishCoordinationNumber
                                    : NationalIdKind::kSwedishPersonalNumber;
    // The real birth date comes from the long format's explicit century.
    std::string birth_date;
    if (valid) {
      int day = std::stoi(long_format.substr(6, 2));
      if (kind == NationalIdKind::kSwedishCoordinationNumber) day -= 60;
      birth_date = long_format.substr(0, 4) + "-" + long_format.substr(4, 2) +
                   "-" + (day < 10 ? "0" : "") + std::to_string(day);
    }
    const std::string separated = entry.at("separated_format");
    const bool hundred = separated.find('+') != std::string::npos;

    std::vector<std::pair<std::string, bool>> forms = {
        // {text, whether it pins the real birth date}
        {long_format, true},
        {entry.at("separated_long"), true},
        {separated, true},
        // Without a '+' the short form reads as under 100 years old.
        {entry.at("short_format"), !hundred},
    };
    if (entry.at("integer") != 0) {
      forms.push_back(
          {std::to_string(entry.at("integer").get<long long>()), true});
    }
    for (const auto& [text, pins_date] : forms) {
      ++checked;
      NationalIdCheck check = CheckNationalId(text, GetParam());
      EXPECT_EQ(check.id.has_value(), valid) << text << ": " << check.problem;
      if (!check.id) {
        ExpectProblemHidesNumber(check, text);
        continue;
      }
      EXPECT_EQ(check.id->kind, kind) << text;
      if (pins_date) {
        EXPECT_EQ(check.id->birth_date, birth_date) << text;
        EXPECT_EQ(check.id->normalized, DigitsOf(long_format)) << text;
      }
    }
  }
  EXPECT_EQ(checked, 69);
}

INSTANTIATE_TEST_SUITE_P(Today, NationalIdVectors,
                         ::testing::Values(kToday, kAfter2032));

NationalId ExpectValid(const std::string& text,
                       const std::string& today = kToday) {
  NationalIdCheck check = CheckNationalId(text, today);
  EXPECT_TRUE(check.id) << text << ": " << check.problem;
  EXPECT_TRUE(check.problem.empty()) << text;
  return check.id.value_or(NationalId{});
}

std::string ExpectProblem(const std::string& text,
                          const std::string& today = kToday) {
  NationalIdCheck check = CheckNationalId(text, today);
  EXPECT_FALSE(check.id) << text;
  ExpectProblemHidesNumber(check, text);
  return check.problem;
}

#define EXPECT_CONTAINS(haystack, needle) \
  EXPECT_NE(std::string(haystack).find(needle), std::string::npos) << haystack

TEST(NationalId, KindNames) {
  EXPECT_STREQ(NationalIdKindName(NationalIdKind::kNorwegianBirthNumber),
               "no-fnr");
  EXPECT_STREQ(NationalIdKindName(NationalIdKind::kNorwegianDNumber), "no-dnr");
  EXPECT_STREQ(NationalIdKindName(NationalIdKind::kNorwegianHNumber), "no-hnr");
  EXPECT_STREQ(NationalIdKindName(NationalIdKind::kSwedishPersonalNumber),
               "se-pnr");
  EXPECT_STREQ(NationalIdKindName(NationalIdKind::kSwedishCoordinationNumber),
               "se-snr");
}

TEST(NationalId, NorwegianBirthNumber) {
  NationalId id = ExpectValid("  151086 95088 ");
  EXPECT_EQ(id.kind, NationalIdKind::kNorwegianBirthNumber);
  EXPECT_EQ(id.normalized, "15108695088");
  EXPECT_EQ(id.birth_date, "1986-10-15");
}

TEST(NationalId, NorwegianDNumber) {
  NationalId id = ExpectValid("55108695071");
  EXPECT_EQ(id.kind, NationalIdKind::kNorwegianDNumber);
  EXPECT_EQ(id.normalized, "55108695071");
  EXPECT_EQ(id.birth_date, "1986-10-15");
  EXPECT_CONTAINS(ExpectProblem("72108695071"), "day 32 does not exist");
  EXPECT_CONTAINS(ExpectProblem("72108695071"), "D-number");
}

TEST(NationalId, NorwegianHNumber) {
  NationalId id = ExpectValid("15508695060");
  EXPECT_EQ(id.kind, NationalIdKind::kNorwegianHNumber);
  EXPECT_EQ(id.birth_date, "1986-10-15");
  EXPECT_CONTAINS(ExpectProblem("15538695060"), "month 13 does not exist");
  EXPECT_CONTAINS(ExpectProblem("55508695060"), "both a D-number");
}

TEST(NationalId, NorwegianRejectsFhNumbers) {
  EXPECT_CONTAINS(ExpectProblem("81019040011"), "FH-numbers");
}

TEST(NationalId, NorwegianCheckDigits) {
  EXPECT_CONTAINS(ExpectProblem("15108695078"), "first check digit");
  EXPECT_CONTAINS(ExpectProblem("15108695089"), "second check digit");
  EXPECT_CONTAINS(ExpectProblem("15108695089"), "typing error");
}

TEST(NationalId, NorwegianCenturyFromIndividualNumber) {
  EXPECT_EQ(ExpectValid("29109999936").birth_date, "1999-10-29");
  // Individual number 600 with year 45 matches no range before 2032.
  EXPECT_CONTAINS(ExpectProblem("15064560090"), "fits no birth century");
  // Individual number 708, year 39: 2039, not born yet.
  EXPECT_CONTAINS(ExpectProblem("18103970861"), "in the future");
}

TEST(NationalId, Norwegian2032RelaxedFirstCheckDigit) {
  // Skatteetaten's examples: remainder 0 is valid any time, remainder 1
  // only for numbers issued from 2032.
  EXPECT_EQ(ExpectValid("30108299920").birth_date, "1982-10-30");
  EXPECT_CONTAINS(ExpectProblem("30108299939"), "first check digit");
  NationalId id = ExpectValid("30108299939", "2032-06-01");
  EXPECT_EQ(id.kind, NationalIdKind::kNorwegianBirthNumber);
  EXPECT_EQ(id.birth_date, "1982-10-30");
  EXPECT_EQ(ExpectValid("30108299939", "2032-01-01").birth_date, "1982-10-30");
  EXPECT_CONTAINS(ExpectProblem("30108299939", "2031-12-31"),
                  "first check digit");
  // Born 2 January 2032.
  EXPECT_EQ(ExpectValid("02013299997", "2032-06-01").birth_date, "2032-01-02");
  EXPECT_CONTAINS(ExpectProblem("02013299997", "2031-12-31"), "future");
  // Remainder 2 and 3 are allowed, 4 is not.
  EXPECT_EQ(ExpectValid("28102512377", "2032-06-01").birth_date, "1925-10-28");
  EXPECT_EQ(ExpectValid("02013599974", kAfter2032).birth_date,
            "1935-01-02");  // 2035 would lie in the future
  EXPECT_CONTAINS(ExpectProblem("30108299940", kAfter2032), "check digit");
  // From 2032 the individual number no longer gives the century.
  EXPECT_EQ(ExpectValid("15064560007", kAfter2032).birth_date, "1945-06-15");
  EXPECT_EQ(ExpectValid("15064560090", kAfter2032).birth_date, "1945-06-15");
  // So is one the old ranges would put in the future: from 2032 this can be
  // a new number for someone born in 1939 (2039 before 2032, see above).
  EXPECT_EQ(ExpectValid("18103970861", kAfter2032).birth_date, "1939-10-18");
  EXPECT_EQ(ExpectValid("02013299997", "2032-01-01").birth_date, "1932-01-02");
}

TEST(NationalId, NorwegianLeapDays) {
  // Individual 400 -> 1900, not a leap year; 500 with year 00 -> 2000.
  EXPECT_CONTAINS(ExpectProblem("29020040015"), "29 February does not exist");
  EXPECT_EQ(ExpectValid("29020050088").birth_date, "2000-02-29");
  EXPECT_EQ(ExpectValid("29029640074").birth_date, "1996-02-29");
  EXPECT_CONTAINS(ExpectProblem("29029740095"), "not a leap year");
  EXPECT_CONTAINS(ExpectProblem("31049640032"),
                  "day 31 does not exist in "
                  "April");
}

TEST(NationalId, SwedishPersonalNumber) {
  NationalId id = ExpectValid("880320-0016");
  EXPECT_EQ(id.kind, NationalIdKind::kSwedishPersonalNumber);
  EXPECT_EQ(id.normalized, "198803200016");
  EXPECT_EQ(id.birth_date, "1988-03-20");
  EXPECT_EQ(ExpectValid("19880320-0016").normalized, "198803200016");
  EXPECT_EQ(ExpectValid(" 198803200016").birth_date, "1988-03-20");
  EXPECT_CONTAINS(ExpectProblem("880320-0018"), "check digit");
  EXPECT_CONTAINS(ExpectProblem("881320-0016"), "month 13 does not exist");
  EXPECT_CONTAINS(ExpectProblem("880320 0016"), "no spaces");
  EXPECT_CONTAINS(ExpectProblem("880320-0006"), "cannot be 000");
}

TEST(NationalId, SwedishCenturyFromToday) {
  // Born on a 1 January ending in 26: this year on the day itself, else a
  // century ago.
  EXPECT_EQ(ExpectValid("2601011238", "2026-01-01").birth_date, "2026-01-01");
  EXPECT_EQ(ExpectValid("2601011238", "2025-12-31").birth_date, "1926-01-01");
  EXPECT_CONTAINS(ExpectProblem("202601011238", "2025-12-31"), "future");
}

TEST(NationalId, SwedishPlusMeansHundredOrOlder) {
  NationalId id = ExpectValid("090527+1474");
  EXPECT_EQ(id.birth_date, "1909-05-27");
  EXPECT_EQ(id.normalized, "190905271474");
  EXPECT_EQ(ExpectValid("0905271474").birth_date, "2009-05-27");
  EXPECT_EQ(ExpectValid("19090527+1474").birth_date, "1909-05-27");
  EXPECT_CONTAINS(ExpectProblem("20000229+2399"), "100 years or older");
  EXPECT_CONTAINS(ExpectProblem("090527147+4"), "before the last four");
  EXPECT_CONTAINS(ExpectProblem("0905+27+1474"), "only stand once");
  EXPECT_CONTAINS(ExpectProblem("+0905271474"), "between two digits");
  EXPECT_CONTAINS(ExpectProblem("15108+695088"), "Swedish");
}

TEST(NationalId, SwedishCoordinationNumber) {
  NationalId id = ExpectValid("730288-9931");
  EXPECT_EQ(id.kind, NationalIdKind::kSwedishCoordinationNumber);
  EXPECT_EQ(id.normalized, "197302889931");
  EXPECT_EQ(id.birth_date, "1973-02-28");
  EXPECT_EQ(ExpectValid("20210791-9967").birth_date, "2021-07-31");
  EXPECT_CONTAINS(ExpectProblem("730292-9931"), "day 32 does not exist");
  EXPECT_CONTAINS(ExpectProblem("730292-9931"), "samordningsnummer");
}

TEST(NationalId, BirthDatesBefore1800AreRefused) {
  // Twelve digits carry the century: 1750 would leave the range every date
  // of depot lies in (date.h).
  EXPECT_EQ(ExpectValid("195001011237").birth_date, "1950-01-01");
  EXPECT_CONTAINS(ExpectProblem("175001011237"), "before 1800");
  EXPECT_CONTAINS(ExpectProblem("000101011237"), "before 1800");
}

TEST(NationalId, SwedishLeapDays) {
  EXPECT_EQ(ExpectValid("000229-2399").birth_date, "2000-02-29");
  // With '+' the same digits mean 1900, which had no 29 February.
  EXPECT_CONTAINS(ExpectProblem("000229+2399"), "29 February");
  EXPECT_EQ(ExpectValid("960229-1230").birth_date, "1996-02-29");
  EXPECT_CONTAINS(ExpectProblem("19500229-1234"), "not a leap year");
}

TEST(NationalId, RejectsMalformedInput) {
  EXPECT_CONTAINS(ExpectProblem(""), "missing");
  EXPECT_CONTAINS(ExpectProblem("   "), "missing");
  // Ten or twelve digits read as Swedish.
  EXPECT_CONTAINS(ExpectProblem("1510869508"), "check digit");
  EXPECT_CONTAINS(ExpectProblem("151086950881"), "month 86 does not exist");
  EXPECT_CONTAINS(ExpectProblem("151086950"), "must be 11 digits");
  EXPECT_CONTAINS(ExpectProblem("151086950"), "got 9 digits");
  EXPECT_CONTAINS(ExpectProblem("1510869508812"), "must be 11 digits");
  EXPECT_CONTAINS(ExpectProblem("15108695O88"), "only digits");
  EXPECT_CONTAINS(ExpectProblem("151086/95088"), "only digits");
  EXPECT_CONTAINS(ExpectProblem("151086--95088"), "between two digits");
  EXPECT_CONTAINS(ExpectProblem("151086 95088-"), "between two digits");
}

TEST(NationalId, RejectsMalformedToday) {
  EXPECT_THROW(CheckNationalId("15108695088", "2026-02-30"),
               std::invalid_argument);
  EXPECT_THROW(CheckNationalId("15108695088", "20260101"),
               std::invalid_argument);
}

}  // namespace
}  // namespace depot
