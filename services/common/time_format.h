#pragma once

#include <chrono>
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
/// optional fraction (kept to the microsecond); the date as ParseDate
/// (date.h) takes it. nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> ParseRfc3339(
    std::string_view text, Rfc3339Syntax syntax = Rfc3339Syntax::kStrict);
/// "HH:MM" (24 hours) as minutes after midnight.
std::optional<int> ParseClockTime(std::string_view text);

}  // namespace depot
