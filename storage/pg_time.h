#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <pqxx/field>

namespace depot::storage {

// Times cross the SQL boundary as whole microseconds since the epoch
// (bigint): PostgreSQL keeps microseconds, so nothing is rounded.

inline int64_t ToMicros(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             time.time_since_epoch())
      .count();
}

inline std::chrono::system_clock::time_point FromMicros(int64_t micros) {
  return std::chrono::system_clock::time_point(
      std::chrono::microseconds(micros));
}

/// A nullable microseconds column: nullopt for NULL.
inline std::optional<std::chrono::system_clock::time_point> OptionalTime(
    const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return FromMicros(field.as<int64_t>());
}

}  // namespace depot::storage
