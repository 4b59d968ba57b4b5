#pragma once

#include <chrono>

#include "services/common/auth/caller.h"
#include "services/common/date.h"
#include "services/privacy/domain/model.h"
#include "tests/support/fake_clock.h"

namespace depot::privacy::testing {

using depot::testing::FakeClock;

/// Noon UTC of a day: LocalDay and DateOf agree under TZ=UTC and in zones
/// within ±11 hours.
inline TimePoint Noon(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days(Date{std::chrono::year(y), std::chrono::month(m),
                                    std::chrono::day(d)}) +
         std::chrono::hours(12);
}

inline Date Day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

inline Caller Dpo() { return Caller{"dpo-anne", Role::kDpo, ""}; }

}  // namespace depot::privacy::testing
