#pragma once

#include <pqxx/strconv>
#include <stdexcept>
#include <string>

namespace depot::storage {

/// A field for pqxx::stream_to (COPY) that may be NULL: libpqxx 6.4 writes
/// NULL only for its own null types, so empty values that mean "none"
/// (no identity number, no death year) go through this.
struct CopyField {
  std::string text;
  bool null = false;
};

/// NULL when `text` is empty, the text otherwise.
inline CopyField TextOrNull(const std::string& text) {
  return {text, text.empty()};
}
/// NULL when `value` is 0, the number otherwise.
inline CopyField NumberOrNull(long long value) {
  return {value == 0 ? std::string() : std::to_string(value), value == 0};
}

}  // namespace depot::storage

namespace pqxx {

template <>
struct string_traits<depot::storage::CopyField> {
  static constexpr const char* name() noexcept { return "CopyField"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const depot::storage::CopyField& field) {
    return field.null;
  }
  static depot::storage::CopyField null() { return {{}, true}; }
  static void from_string(const char[], depot::storage::CopyField&) {
    throw std::logic_error("CopyField is only written, never read");
  }
  static std::string to_string(const depot::storage::CopyField& field) {
    return field.text;
  }
};

}  // namespace pqxx
