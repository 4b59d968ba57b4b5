#pragma once

#include <chrono>
#include <functional>

namespace depot {

/// What time it is. Domain code takes a Clock instead of reading the
/// system clock, so that tests can let a deadline pass or a period run out
/// without waiting: services pass SystemClock(), tests a FakeClock's
/// (tests/support/fake_clock.h).
using Clock = std::function<std::chrono::system_clock::time_point()>;

inline Clock SystemClock() {
  return [] { return std::chrono::system_clock::now(); };
}

}  // namespace depot
