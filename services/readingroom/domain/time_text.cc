#include "services/readingroom/domain/time_text.h"

#include <ctime>

namespace depot::readingroom {

std::optional<TimePoint> ParseLenientRfc3339(std::string_view text) {
  return depot::ParseRfc3339(text, Rfc3339Syntax::kLenient);
}

TimePoint LocalTimeOn(const Date& date, int minutes) {
  std::tm local{};
  local.tm_year = static_cast<int>(date.year()) - 1900;
  local.tm_mon = static_cast<int>(static_cast<unsigned>(date.month())) - 1;
  local.tm_mday = static_cast<int>(static_cast<unsigned>(date.day()));
  local.tm_hour = minutes / 60;
  local.tm_min = minutes % 60;
  local.tm_isdst = -1;  // let the time zone decide (summer time)
  return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

TimePoint LocalEndOfDay(const Date& date) {
  std::tm local{};
  local.tm_year = static_cast<int>(date.year()) - 1900;
  local.tm_mon = static_cast<int>(static_cast<unsigned>(date.month())) - 1;
  // mktime normalizes the overflow
  local.tm_mday = static_cast<int>(static_cast<unsigned>(date.day())) + 1;
  local.tm_isdst = -1;
  return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

TimePoint AddYears(TimePoint time, int years) {
  auto seconds = std::chrono::system_clock::to_time_t(time);
  auto rest = time - std::chrono::system_clock::from_time_t(seconds);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  utc.tm_year += years;
  return std::chrono::system_clock::from_time_t(timegm(&utc)) + rest;
}

TimePoint TruncateToSeconds(TimePoint time) {
  return std::chrono::time_point_cast<std::chrono::seconds>(time);
}

}  // namespace depot::readingroom
