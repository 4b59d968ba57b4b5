#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace depot::journal {

/// A calendar day: journal dates, document dates, screening end dates.
using Day = std::chrono::year_month_day;

/// What time it is. The service passes the system clock; tests a fake one.
using Clock = std::function<std::chrono::system_clock::time_point()>;

Clock SystemClock();

/// Parses a strict "YYYY-MM-DD" naming a real day, as depot::ParseDate
/// (1800-01-01 to 2199-12-31).
std::optional<Day> ParseDay(std::string_view text);
/// "YYYY-MM-DD".
std::string FormatDay(Day day);
/// The day of a time point in the server's local time zone (TZ): the
/// archive's own "today" for journal dates and disposal.
Day LocalDay(std::chrono::system_clock::time_point time);
/// The same day `months` later; a day that month lacks becomes its last
/// day (31 January + 1 month = 28/29 February).
Day AddMonths(Day day, int months);

}  // namespace depot::journal
