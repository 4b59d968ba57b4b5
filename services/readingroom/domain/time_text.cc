#include "services/readingroom/domain/time_text.h"

#include <cstdio>
#include <ctime>

#include "services/common/date.h"

namespace depot::readingroom {
namespace {

Date DateFrom(depot::Date date) {
  return {static_cast<int>(date.year()),
          static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day()))};
}

}  // namespace

std::string Date::ToString() const {
  char buffer[48];  // room for any int: -O3 checks the whole range
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::optional<Date> ParseDate(const std::string& text) {
  auto date = depot::ParseDate(text);
  if (!date) return std::nullopt;
  return DateFrom(*date);
}

Date RequireDate(const std::string& field, const std::string& text) {
  return DateFrom(depot::RequireDate(field, text));
}

std::optional<TimePoint> ParseRfc3339(const std::string& text) {
  return depot::ParseRfc3339(text, Rfc3339Syntax::kLenient);
}

Date LocalDate(TimePoint time) { return DateFrom(depot::LocalDay(time)); }

TimePoint LocalTimeOn(const Date& date, int minutes) {
  std::tm local{};
  local.tm_year = date.year - 1900;
  local.tm_mon = date.month - 1;
  local.tm_mday = date.day;
  local.tm_hour = minutes / 60;
  local.tm_min = minutes % 60;
  local.tm_isdst = -1;  // let the time zone decide (summer time)
  return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

TimePoint LocalEndOfDay(const Date& date) {
  std::tm local{};
  local.tm_year = date.year - 1900;
  local.tm_mon = date.month - 1;
  local.tm_mday = date.day + 1;  // mktime normalizes the overflow
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
