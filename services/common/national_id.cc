#include "services/common/national_id.h"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "services/common/date.h"

namespace depot {
namespace {

// Numbers issued from this date may use the relaxed first Norwegian check
// digit and no longer encode the birth century in the individual number.
constexpr Date kNorwegian2032Rules{std::chrono::year(2032),
                                   std::chrono::January, std::chrono::day(1)};

// A date of the numbers' digits: month 1 to 12 and day 1 to 31, checked
// before; the day may still not exist in that month (see DateProblem).
Date DateOfDigits(int year, int month, int day) {
  return Date{std::chrono::year(year),
              std::chrono::month(static_cast<unsigned>(month)),
              std::chrono::day(static_cast<unsigned>(day))};
}

int YearOf(const Date& date) { return static_cast<int>(date.year()); }

const char* MonthName(int month) {
  constexpr std::array<const char*, 12> kNames = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return kNames[month - 1];
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int TwoDigits(std::string_view digits, size_t at) {
  return (digits[at] - '0') * 10 + (digits[at + 1] - '0');
}

Date ParseToday(std::string_view today) {
  if (auto date = ParseStoredDate(today)) return *date;
  throw std::invalid_argument("CheckNationalId: today must be YYYY-MM-DD");
}

// Names the missing day without the year: the year is part of the number.
std::optional<std::string> DateProblem(const Date& date) {
  if (date.ok()) return std::nullopt;
  auto month = static_cast<unsigned>(date.month());
  auto day = static_cast<unsigned>(date.day());
  if (month == 2 && day == 29) {
    return "29 February does not exist in the birth year (not a leap year)";
  }
  return "day " + std::to_string(day) + " does not exist in " +
         MonthName(static_cast<int>(month));
}

// The latest year ending in `two_digit_year` whose date (month, day) is not
// after `today`.
int LatestPastYear(int two_digit_year, int month, int day, const Date& today) {
  int year = YearOf(today) - YearOf(today) % 100 + two_digit_year;
  if (DateOfDigits(year, month, day) > today) year -= 100;
  return year;
}

// The input reduced to its digits, with what separated them.
struct Scanned {
  std::string digits;
  bool has_space = false;
  std::vector<size_t> plus_before;  // digit count before each '+'
};

std::optional<std::string> Scan(std::string_view text, Scanned* out) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  if (text.empty()) return "national identity number is missing";
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (IsDigit(c)) {
      out->digits.push_back(c);
      continue;
    }
    if (c != ' ' && c != '-' && c != '+') {
      return "national identity number may contain only digits and the "
             "separators '-' or '+'";
    }
    // A separator only ever splits two digit groups.
    if (i == 0 || i + 1 == text.size() || !IsDigit(text[i - 1]) ||
        !IsDigit(text[i + 1])) {
      return "separators ('-', '+', space) may only stand between two digits";
    }
    if (c == ' ') out->has_space = true;
    if (c == '+') out->plus_before.push_back(out->digits.size());
  }
  return std::nullopt;
}

NationalIdCheck Problem(std::string problem) {
  return NationalIdCheck{std::nullopt, std::move(problem)};
}

// Traditional (pre-2032) mapping of individual number to birth century.
std::optional<int> NorwegianCentury(int individual, int two_digit_year) {
  if (individual < 500) return 1900;
  if (individual < 750 && two_digit_year >= 54) return 1800;
  if (two_digit_year < 40) return 2000;
  if (individual >= 900) return 1900;
  return std::nullopt;
}

// Check digits: each weighted sum including its check digit must be
// divisible by 11. From 2032 the first may leave a remainder of 0 to 3
// (Skatteetaten, "Nytt fødselsnummer fra 2032"); such numbers cannot exist
// before then, so before 2032 they are typing errors.
std::optional<std::string> NorwegianCheckDigitProblem(
    const std::string& n, bool issued_under_2032_rules) {
  constexpr std::array<int, 10> kWeights1 = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
  constexpr std::array<int, 11> kWeights2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int sum1 = 0;
  for (size_t i = 0; i < kWeights1.size(); ++i) {
    sum1 += kWeights1[i] * (n[i] - '0');
  }
  int remainder1 = sum1 % 11;
  if (remainder1 != 0 && !(issued_under_2032_rules && remainder1 <= 3)) {
    return "first check digit (digit 10) does not match; check the number "
           "for a typing error";
  }
  int sum2 = 0;
  for (size_t i = 0; i < kWeights2.size(); ++i) {
    sum2 += kWeights2[i] * (n[i] - '0');
  }
  if (sum2 % 11 != 0) {
    return "second check digit (digit 11) does not match; check the number "
           "for a typing error";
  }
  return std::nullopt;
}

NationalIdCheck CheckNorwegian(const Scanned& scanned, const Date& today) {
  const std::string& n = scanned.digits;
  if (!scanned.plus_before.empty()) {
    return Problem(
        "'+' belongs only in a Swedish personnummer; a Norwegian "
        "fødselsnummer is 11 digits");
  }
  int day = TwoDigits(n, 0);
  int month = TwoDigits(n, 2);
  int two_digit_year = TwoDigits(n, 4);
  int individual = (n[6] - '0') * 100 + TwoDigits(n, 7);

  NationalIdKind kind = NationalIdKind::kNorwegianBirthNumber;
  if (day >= 80) {
    return Problem(
        "FH-numbers (first digit 8 or 9) hold no birth date and are not "
        "accepted; give the person's fødselsnummer or D-number");
  }
  if (day > 40) {
    kind = NationalIdKind::kNorwegianDNumber;
    day -= 40;
  }
  if (month > 40) {
    if (kind == NationalIdKind::kNorwegianDNumber) {
      return Problem(
          "a number cannot be both a D-number (day + 40) and an H-number "
          "(month + 40)");
    }
    kind = NationalIdKind::kNorwegianHNumber;
    month -= 40;
  }
  if (month < 1 || month > 12) {
    return Problem("month " + std::to_string(month) + " does not exist" +
                   (kind == NationalIdKind::kNorwegianHNumber
                        ? " (an H-number's month is the real month + 40)"
                        : ""));
  }
  if (day < 1 || day > 31) {
    return Problem("day " + std::to_string(day) + " does not exist" +
                   (kind == NationalIdKind::kNorwegianDNumber
                        ? " (a D-number's day is the real day + 40)"
                        : ""));
  }

  bool issued_under_2032_rules = !(kNorwegian2032Rules > today);
  if (auto problem = NorwegianCheckDigitProblem(n, issued_under_2032_rules)) {
    return Problem(*problem);
  }

  // Numbers issued from 2032 no longer encode the century, so then a
  // number the old ranges cannot place (or place in the future) is read as
  // the latest past year ending in its two digits.
  std::optional<int> century = NorwegianCentury(individual, two_digit_year);
  Date birth = DateOfDigits(century.value_or(0) + two_digit_year, month, day);
  if (issued_under_2032_rules && (!century || birth > today)) {
    birth = DateOfDigits(LatestPastYear(two_digit_year, month, day, today),
                         month, day);
  } else if (!century) {
    return Problem(
        "the individual number (digits 7 to 9) fits no birth century for "
        "this birth year; check the number for a typing error");
  }
  if (auto problem = DateProblem(birth)) return Problem(*problem);
  if (birth > today) return Problem("the birth date lies in the future");
  return NationalIdCheck{NationalId{kind, n, FormatDate(birth)}, ""};
}

bool LuhnValid(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

NationalIdCheck CheckSwedish(const Scanned& scanned, const Date& today) {
  const std::string& n = scanned.digits;
  if (scanned.has_space) {
    return Problem(
        "a Swedish personnummer takes no spaces; write it as YYMMDD-NNNN or "
        "YYYYMMDD-NNNN");
  }
  bool plus = !scanned.plus_before.empty();
  if (scanned.plus_before.size() > 1 ||
      (plus && scanned.plus_before[0] != n.size() - 4)) {
    return Problem(
        "'+' may only stand once, before the last four digits (it marks a "
        "person 100 years or older)");
  }
  // The last ten digits are YYMMDDNNNC in both lengths.
  std::string_view last10 = std::string_view(n).substr(n.size() - 10);
  int two_digit_year = TwoDigits(last10, 0);
  int month = TwoDigits(last10, 2);
  int day = TwoDigits(last10, 4);

  NationalIdKind kind = NationalIdKind::kSwedishPersonalNumber;
  if (month < 1 || month > 12) {
    return Problem("month " + std::to_string(month) + " does not exist");
  }
  if (day > 60) {
    kind = NationalIdKind::kSwedishCoordinationNumber;
    day -= 60;
  }
  if (day < 1 || day > 31) {
    return Problem("day " + std::to_string(day) + " does not exist" +
                   (kind == NationalIdKind::kSwedishCoordinationNumber
                        ? " (a samordningsnummer's day is the real day + 60)"
                        : ""));
  }
  // Skatteverket never issues birth number 000 (the three digits before
  // the check digit).
  if (last10.substr(6, 3) == "000") {
    return Problem(
        "the birth number (the three digits before the check digit) cannot "
        "be 000");
  }
  if (!LuhnValid(last10)) {
    return Problem(
        "check digit (the last digit) does not match; check the number for "
        "a typing error");
  }

  int birth_year = 0;
  if (n.size() == 12) {
    birth_year = TwoDigits(n, 0) * 100 + two_digit_year;
  } else {
    birth_year = LatestPastYear(two_digit_year, month, day, today);
    if (plus) birth_year -= 100;
  }
  Date birth = DateOfDigits(birth_year, month, day);
  if (auto problem = DateProblem(birth)) return Problem(*problem);
  if (birth > today) return Problem("the birth date lies in the future");
  // A birth date is a date like any other (date.h): none before 1800.
  if (birth_year < 1800) {
    return Problem(
        "the birth date lies before 1800; check the century (digits 1 and "
        "2)");
  }
  if (plus) {
    Date hundredth = DateOfDigits(birth_year + 100, month, day);
    if (hundredth > today) {
      return Problem(
          "'+' marks a person 100 years or older, but the birth date is "
          "less than 100 years ago; use '-'");
    }
  }
  char century[8];
  std::snprintf(century, sizeof century, "%02d", birth_year / 100 % 100);
  std::string normalized =
      n.size() == 12 ? n : std::string(century) + std::string(n);
  return NationalIdCheck{NationalId{kind, normalized, FormatDate(birth)}, ""};
}

NationalIdCheck WithContext(const char* reading, NationalIdCheck check) {
  if (!check.id) check.problem = std::string(reading) + ": " + check.problem;
  return check;
}

}  // namespace

const char* NationalIdKindName(NationalIdKind kind) {
  switch (kind) {
    case NationalIdKind::kNorwegianBirthNumber:
      return "no-fnr";
    case NationalIdKind::kNorwegianDNumber:
      return "no-dnr";
    case NationalIdKind::kNorwegianHNumber:
      return "no-hnr";
    case NationalIdKind::kSwedishPersonalNumber:
      return "se-pnr";
    case NationalIdKind::kSwedishCoordinationNumber:
      return "se-snr";
  }
  return "unknown";
}

NationalIdCheck CheckNationalId(std::string_view text, std::string_view today) {
  Date today_date = ParseToday(today);
  Scanned scanned;
  if (auto problem = Scan(text, &scanned)) return Problem(*problem);
  switch (scanned.digits.size()) {
    // The length alone decides the country, so say which reading failed:
    // a mistyped Swedish number may well have 11 digits.
    case 11:
      return WithContext("read as a Norwegian fødselsnummer (11 digits)",
                         CheckNorwegian(scanned, today_date));
    case 10:
    case 12:
      return WithContext("read as a Swedish personnummer (10 or 12 digits)",
                         CheckSwedish(scanned, today_date));
    default:
      return Problem(
          "national identity number must be 11 digits (Norwegian "
          "fødselsnummer) or 10 or 12 digits (Swedish personnummer), got " +
          std::to_string(scanned.digits.size()) + " digits");
  }
}

}  // namespace depot
