// The calendar arithmetic of date.h shared by the journal, the privacy
// service and the reading room, and the microseconds of time_format.h.
#include "services/common/date.h"

#include <gtest/gtest.h>

#include "services/common/time_format.h"

namespace depot {
namespace {

using std::chrono::hours;
using std::chrono::sys_days;
using std::chrono::year;

Date Day(int y, unsigned m, unsigned d) {
  return Date{year(y), std::chrono::month(m), std::chrono::day(d)};
}

TEST(Date, AddMonthsKeepsTheDayOrTakesTheMonthsLast) {
  EXPECT_EQ(AddMonths(Day(2026, 1, 15), 1), Day(2026, 2, 15));
  EXPECT_EQ(AddMonths(Day(2026, 1, 31), 1), Day(2026, 2, 28));
  EXPECT_EQ(AddMonths(Day(2028, 1, 31), 1), Day(2028, 2, 29));
  EXPECT_EQ(AddMonths(Day(2026, 11, 30), 3), Day(2027, 2, 28));
  EXPECT_EQ(AddMonths(Day(2026, 3, 31), -1), Day(2026, 2, 28));
  EXPECT_EQ(AddMonths(Day(2026, 3, 31), -13), Day(2025, 2, 28));
}

TEST(Date, MonthsBeforeKeepsTheTimeOfDay) {
  auto may31 = sys_days(year(2026) / 5 / 31) + hours(10);
  EXPECT_EQ(MonthsBefore(may31, 3), sys_days(year(2026) / 2 / 28) + hours(10));
  EXPECT_EQ(MonthsBefore(may31, 0), may31);
  EXPECT_EQ(MonthsBefore(may31, 36), sys_days(year(2023) / 5 / 31) + hours(10));
}

TEST(Date, MicrosSinceEpochIsTheInverseOfTimeFromMicros) {
  auto time = sys_days(year(2026) / 3 / 10) + std::chrono::microseconds(7);
  int64_t micros = MicrosSinceEpoch(time);
  EXPECT_EQ(micros, 1773100800000007);
  EXPECT_EQ(TimeFromMicros(micros), time);
}

}  // namespace
}  // namespace depot
