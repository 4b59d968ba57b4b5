#pragma once

#include <chrono>

namespace depot::readingroom {

/// Where the reading room's rules get "now" from, so that tests can let a
/// declaration expire or a loan become overdue without waiting.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

class SystemClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

}  // namespace depot::readingroom
