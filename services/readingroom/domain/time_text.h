#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "services/common/time_format.h"

namespace depot::readingroom {

using TimePoint = std::chrono::system_clock::time_point;

/// A calendar date (no time zone attached).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string ToString() const;  ///< YYYY-MM-DD
};

/// "2026-11-24T09:30:00Z", fractions and "+01:00"-style offsets accepted,
/// as are a space for the "T" and a leap second; within the range of
/// depot::ParseRfc3339 (1800 to 2199).
std::optional<TimePoint> ParseRfc3339(const std::string& text);
/// YYYY-MM-DD with a real day of a real month, as depot::ParseDate takes it
/// (1800-01-01 to 2199-12-31).
std::optional<Date> ParseDate(const std::string& text);
/// ParseDate, or InvalidArgument naming field, the form and the range.
Date RequireDate(const std::string& field, const std::string& text);
/// HH:MM (24 hours); minutes since midnight.
using depot::ParseClockTime;

/// The depot's local calendar (the process time zone, TZ).
Date LocalDate(TimePoint time);
/// The local time on date at minutes past midnight.
TimePoint LocalTimeOn(const Date& date, int minutes);
/// Local midnight at the start of the day after date.
TimePoint LocalEndOfDay(const Date& date);

/// The same UTC date and time years later (29 February -> 1 March).
TimePoint AddYears(TimePoint time, int years);
/// Whole seconds: what RFC 3339 text and the declaration seal keep.
TimePoint TruncateToSeconds(TimePoint time);

}  // namespace depot::readingroom
