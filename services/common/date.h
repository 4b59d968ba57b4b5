#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace depot {

using Date = std::chrono::year_month_day;

/// Parses a strict "YYYY-MM-DD" that names a real day.
std::optional<Date> ParseDate(std::string_view text);
/// "YYYY-MM-DD".
std::string FormatDate(Date date);
/// The UTC calendar day of a time point.
Date DateOf(std::chrono::system_clock::time_point time);
/// The calendar day of a time point in the server's local time zone (TZ):
/// the depot's own "today".
Date LocalDay(std::chrono::system_clock::time_point time);
/// The same day `years` later; 29 February becomes 28 February when the
/// target year has no leap day.
Date AddYears(Date date, int years);

}  // namespace depot
