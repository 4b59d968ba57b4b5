#pragma once

#include <chrono>

#include "services/common/clock.h"

namespace depot::testing {

/// A clock the test moves by hand: set `now` or Advance it. clock() is what
/// the code under test takes; it reads `now` at every call, so the
/// FakeClock must outlive it.
struct FakeClock {
  std::chrono::system_clock::time_point now{};

  Clock clock() const {
    return [this] { return now; };
  }
  void Advance(std::chrono::system_clock::duration by) { now += by; }
};

}  // namespace depot::testing
