#include "services/journal/domain/calendar.h"

#include <ctime>

#include "services/common/date.h"

namespace depot::journal {

Clock SystemClock() {
  return [] { return std::chrono::system_clock::now(); };
}

std::optional<Day> ParseDay(std::string_view text) {
  return depot::ParseDate(text);
}

std::string FormatDay(Day day) {
  char text[48];  // room for any int: -O3 checks the whole range
  std::snprintf(
      text, sizeof(text), "%04d-%02u-%02u", static_cast<int>(day.year()),
      static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

Day LocalDay(std::chrono::system_clock::time_point time) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm local{};
  localtime_r(&seconds, &local);
  return Day{std::chrono::year(local.tm_year + 1900),
             std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
             std::chrono::day(static_cast<unsigned>(local.tm_mday))};
}

Day AddMonths(Day day, int months) {
  Day moved = day + std::chrono::months(months);
  if (!moved.ok()) {
    moved = std::chrono::year_month_day_last(
        moved.year(), std::chrono::month_day_last(moved.month()));
  }
  return moved;
}

}  // namespace depot::journal
