#include "clients/cli/progress.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace depot::cli {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(200);

std::string Duration(double seconds) {
  long total = std::lround(seconds);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600,
                  total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  }
  return text;
}

}  // namespace

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(int64_t total, bool enabled, std::ostream& out)
    : total_(total), enabled_(enabled), out_(out), start_(Clock::now()) {}

std::string ProgressLine::Format(int64_t sent, int64_t total, double seconds) {
  std::string text = "sent " + std::to_string(sent) + " of " +
                     std::to_string(total) + " records";
  if (seconds <= 0 || sent <= 0) return text;
  double rate = sent / seconds;
  text += ", " + std::to_string(std::lround(rate)) + " records/s";
  if (total > sent) {
    text += ", about " + Duration((total - sent) / rate) + " left";
  }
  return text;
}

void ProgressLine::Update(int64_t sent, Clock::time_point now) {
  if (!enabled_) return;
  if (drawn_ && now - last_draw_ < kRedrawEvery) return;
  double seconds = std::chrono::duration<double>(now - start_).count();
  // "\033[K" clears what a longer previous line left behind.
  out_ << '\r' << Format(sent, total_, seconds) << "\033[K" << std::flush;
  last_draw_ = now;
  drawn_ = true;
}

void ProgressLine::Waiting(int64_t sent) {
  if (!enabled_) return;
  out_ << "\rsent " << sent << " of " << total_
       << " records; waiting for the server to store the last batches\033[K"
       << std::flush;
  drawn_ = true;
}

void ProgressLine::Finish() {
  if (enabled_ && drawn_) out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace depot::cli
