#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace depot {

using Date = std::chrono::year_month_day;

/// The calendar range of every date and time depot takes in: from
/// 1800-01-01 (the oldest records' birth dates) to 2199-12-31. Parsing
/// refuses anything outside it, so no date or time ever leaves the range a
/// std::chrono::system_clock::time_point can hold (1677-2262) and wraps.
inline constexpr Date kFirstDate{std::chrono::year(1800), std::chrono::January,
                                 std::chrono::day(1)};
inline constexpr Date kLastDate{std::chrono::year(2199), std::chrono::December,
                                std::chrono::day(31)};
/// "from 1800-01-01 to 2199-12-31", for messages.
std::string DateRangeText();

/// Parses a strict "YYYY-MM-DD" that names a real day from kFirstDate to
/// kLastDate.
std::optional<Date> ParseDate(std::string_view text);
/// A strict "YYYY-MM-DD" naming a real day in any year from 1 to 9999: for
/// dates read back from storage, which older versions took from a wider
/// range. Input goes through ParseDate.
std::optional<Date> ParseStoredDate(std::string_view text);
/// ParseDate, or throws InvalidArgument naming field, the form and the range.
Date RequireDate(std::string_view field, std::string_view text);
/// "YYYY-MM-DD".
std::string FormatDate(Date date);
/// The UTC calendar day of a time point.
Date DateOf(std::chrono::system_clock::time_point time);
/// The calendar day of a time point in the server's local time zone (TZ):
/// the depot's own "today".
Date LocalDay(std::chrono::system_clock::time_point time);
/// The same day `months` later (or earlier); a day the target month lacks
/// becomes its last day (31 January + 1 month = 28/29 February).
Date AddMonths(Date date, int months);
/// The same instant `months` earlier by the UTC calendar, the day clamped
/// to the month's end, same time of day (retention cutoffs).
std::chrono::system_clock::time_point MonthsBefore(
    std::chrono::system_clock::time_point time, int months);
/// The same day `years` later; 29 February becomes 28 February when the
/// target year has no leap day.
Date AddYears(Date date, int years);

}  // namespace depot
