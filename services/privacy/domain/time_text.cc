#include "services/privacy/domain/time_text.h"

namespace depot::privacy {

Clock SystemClock() {
  return [] { return std::chrono::system_clock::now(); };
}

Date AddMonths(Date date, int months) {
  auto moved = std::chrono::year_month(date.year(), date.month()) +
               std::chrono::months(months);
  Date candidate{moved.year(), moved.month(), date.day()};
  if (candidate.ok()) return candidate;
  return Date{std::chrono::year_month_day_last(
      moved.year(), std::chrono::month_day_last(moved.month()))};
}

Date AddDays(Date date, int days) {
  return Date{std::chrono::sys_days(date) + std::chrono::days(days)};
}

int DaysBetween(Date from, Date to) {
  return static_cast<int>(
      (std::chrono::sys_days(to) - std::chrono::sys_days(from)).count());
}

TimePoint MonthsBefore(TimePoint time, int months) {
  auto day = std::chrono::floor<std::chrono::days>(time);
  Date moved = AddMonths(Date{day}, -months);
  return std::chrono::sys_days(moved) + (time - day);
}

}  // namespace depot::privacy
