#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace depot::cli {

/// One self-overwriting status line for a long transfer: records sent of
/// the total, records per second and the time left. It redraws at most five
/// times a second, and only when enabled (stderr is a terminal): logs and
/// pipes get no carriage returns.
class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;

  ProgressLine(int64_t total, bool enabled, std::ostream& out);

  /// `sent` records so far; redraws when 200 ms passed since the last draw.
  void Update(int64_t sent, Clock::time_point now = Clock::now());
  /// Everything is sent: says so while the server stores what is still in
  /// flight (gRPC buffers batches ahead of the server).
  void Waiting(int64_t sent);
  /// Clears the line so that what follows starts on a clean one.
  void Finish();

  /// The text of the line (without the carriage return), for tests.
  static std::string Format(int64_t sent, int64_t total, double seconds);

 private:
  int64_t total_;
  bool enabled_;
  std::ostream& out_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  bool drawn_ = false;
};

/// Whether stderr is a terminal.
bool StderrIsTerminal();

}  // namespace depot::cli
