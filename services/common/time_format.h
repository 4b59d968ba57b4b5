#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace depot {

/// RFC 3339 in UTC with second precision: "2026-11-24T09:30:00Z".
std::string FormatRfc3339(std::chrono::system_clock::time_point time);

/// What ParseRfc3339 takes besides the strict form.
enum class Rfc3339Syntax {
  kStrict,   ///< "T" (or "t") between date and time, seconds up to 59
  kLenient,  ///< also a space for the "T", and a leap second ":60" (as :59)
};

/// RFC 3339 with seconds and a zone ("Z", "z" or +HH:MM / -HH:MM), an
/// optional fraction (kept to the microsecond), naming an instant from
/// 1800-01-01T00:00:00Z to 2199-12-31T23:59:59Z (the range of date.h).
/// nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> ParseRfc3339(
    std::string_view text, Rfc3339Syntax syntax = Rfc3339Syntax::kStrict);
/// ParseRfc3339, or throws InvalidArgument naming field, the form and the
/// range.
std::chrono::system_clock::time_point RequireRfc3339(
    std::string_view field, std::string_view text,
    Rfc3339Syntax syntax = Rfc3339Syntax::kStrict);
/// "from 1800-01-01T00:00:00Z to 2199-12-31T23:59:59Z", for messages.
std::string TimeRangeText();

/// A time kept as microseconds (or seconds) since 1970, as the database and
/// exports keep it, when a time_point can hold it (1677-09-21 to
/// 2262-04-11); nullopt otherwise instead of a time that wrapped. Stored
/// times may lie a little past the input range (a deadline, the end of a
/// validity period), so these check only what can be represented.
std::optional<std::chrono::system_clock::time_point> TimeFromMicros(
    int64_t micros);
std::optional<std::chrono::system_clock::time_point> TimeFromSeconds(
    int64_t seconds);
/// The inverse: microseconds since 1970 UTC.
int64_t MicrosSinceEpoch(std::chrono::system_clock::time_point time);
/// "HH:MM" (24 hours) as minutes after midnight.
std::optional<int> ParseClockTime(std::string_view text);

}  // namespace depot
