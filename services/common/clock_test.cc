// Clock, SystemClock and the tests' FakeClock.
#include "services/common/clock.h"

#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"

namespace depot {
namespace {

using std::chrono::sys_days;
using std::chrono::year;

TEST(Clock, SystemClockReadsTheSystemTime) {
  Clock clock = SystemClock();
  auto before = std::chrono::system_clock::now();
  auto now = clock();
  auto after = std::chrono::system_clock::now();
  EXPECT_LE(before, now);
  EXPECT_LE(now, after);
}

TEST(Clock, FakeClockIsReadAtEveryCall) {
  testing::FakeClock fake{sys_days(year(2026) / 3 / 10)};
  Clock clock = fake.clock();
  EXPECT_EQ(clock(), sys_days(year(2026) / 3 / 10));
  fake.Advance(std::chrono::hours(24));
  EXPECT_EQ(clock(), sys_days(year(2026) / 3 / 11));
  fake.now = sys_days(year(2030) / 1 / 1);
  EXPECT_EQ(clock(), sys_days(year(2030) / 1 / 1));
}

}  // namespace
}  // namespace depot
