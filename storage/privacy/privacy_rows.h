#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/privacy/domain/model.h"

// Conversions between PrivacyService's rows (privacy.access_request_rows,
// privacy.breach_rows, ...) and its domain types.
namespace depot::storage::privacy_rows {

privacy::AccessRequest RequestFrom(const pqxx::row& row);
privacy::Breach BreachFrom(const pqxx::row& row);
privacy::ErasureRecord ErasureFrom(const pqxx::row& row,
                                   const std::string& subject);

/// Categories are validated tokens (a-z, 0-9, -), so a comma joins them.
std::string JoinCategories(const std::vector<std::string>& categories);
/// A bigint[] literal of the ids.
std::string IdArrayLiteral(const std::vector<int64_t>& ids);

/// A nullable time parameter: microseconds since 1970, or NULL.
class OptionalMicros {
 public:
  explicit OptionalMicros(const std::optional<privacy::TimePoint>& time);
  const char* get() const { return present_ ? text_.c_str() : nullptr; }

 private:
  std::string text_;
  bool present_;
};

}  // namespace depot::storage::privacy_rows
