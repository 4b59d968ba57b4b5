// Every date and time depot takes in lies from 1800-01-01 to 2199-12-31:
// anything outside is refused with the range named, never wrapped into
// another century by a time_point that cannot hold it.
#include <gtest/gtest.h>

#include "services/common/date.h"
#include "services/common/error.h"
#include "services/common/time_format.h"

namespace depot {
namespace {

using std::chrono::system_clock;

std::string RefusalOf(const std::function<void()>& parse) {
  try {
    parse();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    return error.what();
  }
  ADD_FAILURE() << "accepted";
  return "";
}

TEST(TimeRange, DatesInsideTheRangeAreTaken) {
  EXPECT_TRUE(ParseDate("1800-01-01"));
  EXPECT_TRUE(ParseDate("2199-12-31"));
  EXPECT_TRUE(ParseRfc3339("1800-01-01T00:00:00Z"));
  EXPECT_TRUE(ParseRfc3339("2199-12-31T23:59:59.999999Z"));
}

TEST(TimeRange, DatesOutsideTheRangeAreRefused) {
  EXPECT_FALSE(ParseDate("1799-12-31"));
  EXPECT_FALSE(ParseDate("2200-01-01"));
  EXPECT_FALSE(ParseDate("9999-12-31"));
  EXPECT_FALSE(ParseDate("0000-01-01"));
}

TEST(TimeRange, TimesPastTheTimePointRangeDoNotWrap) {
  // 9999-12-31 as a nanosecond time_point wrapped to 1816; 2262-04-12 to
  // 1677. Both are refused now, as is an offset that leaves the range.
  EXPECT_FALSE(ParseRfc3339("9999-12-31T00:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2262-04-12T00:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2199-12-31T23:30:00-01:00"));
  EXPECT_FALSE(ParseRfc3339("1800-01-01T00:30:00+01:00"));
  EXPECT_FALSE(ParseRfc3339("1677-09-21T00:00:00Z"));
}

TEST(TimeRange, RefusalsNameTheFieldAndTheRange) {
  std::string why = RefusalOf(
      [] { RequireRfc3339("became_aware_at", "9999-12-31T00:00:00Z"); });
  EXPECT_NE(why.find("became_aware_at"), std::string::npos) << why;
  EXPECT_NE(why.find("1800-01-01T00:00:00Z to 2199-12-31T23:59:59Z"),
            std::string::npos)
      << why;
  why = RefusalOf([] { RequireDate("deposit_date", "2262-04-12"); });
  EXPECT_NE(why.find("deposit_date"), std::string::npos) << why;
  EXPECT_NE(why.find("from 1800-01-01 to 2199-12-31"), std::string::npos)
      << why;
}

TEST(TimeRange, RefusalsQuoteOnlyAShortPrefix) {
  std::string long_text(5000, '9');
  std::string why = RefusalOf([&] { RequireDate("birth_date", long_text); });
  EXPECT_LT(why.size(), 200u) << why;
}

TEST(TimeRange, NumbersATimePointCannotHoldAreNoTime) {
  EXPECT_TRUE(TimeFromMicros(0));
  EXPECT_EQ(*TimeFromMicros(1'700'000'000'000'000),
            system_clock::time_point(std::chrono::seconds(1'700'000'000)));
  // 2262-04-12 and later in microseconds.
  EXPECT_FALSE(TimeFromMicros(9'300'000'000'000'000));
  EXPECT_FALSE(TimeFromMicros(-9'300'000'000'000'000));
  EXPECT_FALSE(TimeFromMicros(INT64_MAX));
  EXPECT_FALSE(TimeFromSeconds(INT64_MAX / 2));
  EXPECT_TRUE(TimeFromSeconds(7'258'118'400));  // 2200-01-01
}

TEST(TimeRange, StoredDatesOfOlderVersionsAreStillRead) {
  EXPECT_TRUE(ParseStoredDate("9999-12-31"));
  EXPECT_TRUE(ParseStoredDate("1000-01-01"));
  EXPECT_FALSE(ParseStoredDate("2024-02-30"));
}

}  // namespace
}  // namespace depot
