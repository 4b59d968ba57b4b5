#include "services/common/date.h"

#include <cstdio>
#include <ctime>

#include "services/common/error.h"
#include "services/common/text_check.h"

namespace depot {

std::string DateRangeText() {
  return "from " + FormatDate(kFirstDate) + " to " + FormatDate(kLastDate);
}

std::optional<Date> ParseStoredDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  int values[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (int i = 0; i < lengths[part]; ++i) {
      char c = text[starts[part] + i];
      if (c < '0' || c > '9') return std::nullopt;
      values[part] = values[part] * 10 + (c - '0');
    }
  }
  Date date{std::chrono::year(values[0]),
            std::chrono::month(static_cast<unsigned>(values[1])),
            std::chrono::day(static_cast<unsigned>(values[2]))};
  if (!date.ok() || values[0] < 1) return std::nullopt;
  return date;
}

std::optional<Date> ParseDate(std::string_view text) {
  auto date = ParseStoredDate(text);
  if (!date || *date < kFirstDate || *date > kLastDate) return std::nullopt;
  return date;
}

Date RequireDate(std::string_view field, std::string_view text) {
  auto date = ParseDate(text);
  if (!date) {
    throw InvalidArgument(std::string(field) + " must be a date YYYY-MM-DD " +
                          DateRangeText() + ", not " + QuoteInput(text));
  }
  return *date;
}

std::string FormatDate(Date date) {
  char buffer[48];  // room for any int: -O3 checks the whole range
  std::snprintf(
      buffer, sizeof(buffer), "%04d-%02u-%02u", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

Date DateOf(std::chrono::system_clock::time_point time) {
  return Date{std::chrono::floor<std::chrono::days>(time)};
}

Date LocalDay(std::chrono::system_clock::time_point time) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm local{};
  localtime_r(&seconds, &local);
  return Date{std::chrono::year(local.tm_year + 1900),
              std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
              std::chrono::day(static_cast<unsigned>(local.tm_mday))};
}

Date AddMonths(Date date, int months) {
  Date moved = date + std::chrono::months(months);
  if (moved.ok()) return moved;
  return Date{std::chrono::year_month_day_last(
      moved.year(), std::chrono::month_day_last(moved.month()))};
}

std::chrono::system_clock::time_point MonthsBefore(
    std::chrono::system_clock::time_point time, int months) {
  auto day = std::chrono::floor<std::chrono::days>(time);
  Date moved = AddMonths(Date{day}, -months);
  return std::chrono::sys_days(moved) + (time - day);
}

Date AddYears(Date date, int years) {
  Date moved = date + std::chrono::years(years);
  if (moved.ok()) return moved;
  return Date{std::chrono::year_month_day_last(
      moved.year(), std::chrono::month_day_last(moved.month()))};
}

}  // namespace depot
