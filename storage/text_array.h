#pragma once

#include <string>
#include <vector>

namespace depot::storage {

/// A PostgreSQL array literal of text values ('{"a","b\"c"}'), to pass a
/// whole list as one parameter ($1::text[]): libpqxx 6.4 has no array
/// parameters, and one statement per value would cost a round trip each.
std::string TextArrayLiteral(const std::vector<std::string>& values);

}  // namespace depot::storage
