#include "services/privacy/daily_retention.h"

#include <spdlog/spdlog.h>

#include <ctime>

#include "services/common/log_text.h"

namespace depot::privacy {
namespace {

// The next time the local clock shows minutes after midnight, after now.
std::chrono::system_clock::time_point NextRun(
    std::chrono::system_clock::time_point now, int minutes) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm local{};
  localtime_r(&seconds, &local);
  local.tm_hour = minutes / 60;
  local.tm_min = minutes % 60;
  local.tm_sec = 0;
  local.tm_isdst = -1;
  auto at = std::chrono::system_clock::from_time_t(std::mktime(&local));
  if (at <= now) {
    local.tm_mday += 1;
    local.tm_isdst = -1;
    at = std::chrono::system_clock::from_time_t(std::mktime(&local));
  }
  return at;
}

}  // namespace

DailyRetention::DailyRetention(Retention& retention, int minutes_after_midnight)
    : retention_(retention),
      minutes_(minutes_after_midnight),
      thread_([this] { Loop(); }) {}

DailyRetention::~DailyRetention() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DailyRetention::Loop() {
  Caller caller{"retention-daily", Role::kService, ""};
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto at = NextRun(std::chrono::system_clock::now(), minutes_);
    if (wake_.wait_until(lock, at, [this] { return stopping_; })) break;
    lock.unlock();
    try {
      int64_t total = 0;
      for (const RetentionCount& c : retention_.Run(caller, false)) {
        total += c.count;
      }
      spdlog::info("daily retention: {} item(s) past their period deleted",
                   total);
    } catch (const std::exception& error) {
      spdlog::warn(
          "daily retention failed: {}; it runs again tomorrow, or "
          "now with `depot privacy retention`",
          LoggableWhat(error));
    }
    lock.lock();
  }
}

}  // namespace depot::privacy
