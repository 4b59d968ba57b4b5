#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "services/common/date.h"
#include "services/common/time_format.h"

namespace depot::readingroom {

using TimePoint = std::chrono::system_clock::time_point;

/// "2026-11-24T09:30:00Z", fractions and "+01:00"-style offsets accepted,
/// as are a space for the "T" and a leap second: what the reading room
/// takes (depot::ParseRfc3339, lenient).
std::optional<TimePoint> ParseLenientRfc3339(std::string_view text);
/// HH:MM (24 hours); minutes since midnight.
using depot::ParseClockTime;

/// The local time on date at minutes past midnight.
TimePoint LocalTimeOn(const Date& date, int minutes);
/// Local midnight at the start of the day after date.
TimePoint LocalEndOfDay(const Date& date);

/// The same UTC date and time years later (29 February -> 1 March).
TimePoint AddYears(TimePoint time, int years);
/// Whole seconds: what RFC 3339 text and the declaration seal keep.
TimePoint TruncateToSeconds(TimePoint time);

}  // namespace depot::readingroom
