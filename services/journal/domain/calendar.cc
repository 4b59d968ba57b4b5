#include "services/journal/domain/calendar.h"

#include <ctime>

namespace depot::journal {

Clock SystemClock() {
  return [] { return std::chrono::system_clock::now(); };
}

std::optional<Day> ParseDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int parts[3] = {0, 0, 0};
  const int offsets[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      char c = text[offsets[p] + i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  if (parts[0] < 1000) return std::nullopt;
  Day day{std::chrono::year(parts[0]),
          std::chrono::month(static_cast<unsigned>(parts[1])),
          std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::string FormatDay(Day day) {
  char text[16];
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
