#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <pqxx/field>
#include <string>

#include "services/common/date.h"
#include "services/common/error.h"
#include "services/common/time_format.h"

namespace depot::storage {

// Times cross the SQL boundary as whole microseconds since the epoch
// (bigint): PostgreSQL keeps microseconds, so nothing is rounded.

inline int64_t ToMicros(std::chrono::system_clock::time_point time) {
  return MicrosSinceEpoch(time);
}

/// A stored time. One a time_point cannot hold (never written by depot: a
/// damaged row) is an internal error, never a time that wrapped.
inline std::chrono::system_clock::time_point FromMicros(int64_t micros) {
  auto time = TimeFromMicros(micros);
  if (!time) {
    throw Error(ErrorCode::kInternal,
                "a stored time (" + std::to_string(micros) +
                    " microseconds since 1970) is out of range");
  }
  return *time;
}

/// A nullable microseconds column: nullopt for NULL.
inline std::optional<std::chrono::system_clock::time_point> OptionalTime(
    const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return FromMicros(field.as<int64_t>());
}

/// A stored date (YYYY-MM-DD). Older versions took some dates outside
/// today's input range (date.h), so any real day is read back; anything
/// else is an internal error.
inline Date StoredDate(const std::string& text) {
  auto date = ParseStoredDate(text);
  if (!date) {
    throw Error(ErrorCode::kInternal, "a stored date is not YYYY-MM-DD");
  }
  return *date;
}

}  // namespace depot::storage
