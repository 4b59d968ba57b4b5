#pragma once

#include <exception>
#include <string>
#include <string_view>

namespace depot {

/// A message written by a library (PostgreSQL, libpqxx, a parser) made fit
/// for the log, which promises no request contents: its first line only
/// (PostgreSQL's DETAIL, HINT and CONTEXT lines, with key values and COPY
/// line contents, follow the first), without a leading "ERROR:" and
/// without what follows ": " (where such messages put the offending value),
/// each quoted text replaced by "..." unless it names a database object
/// (constraint "x", relation "x", column "x", ...), at most 300 bytes.
std::string WithoutQuotedValues(std::string_view message);

/// What an exception says, fit for the log: a depot::Error's own message
/// (written to be shown, never with personal data), anything else as
/// WithoutQuotedValues.
std::string LoggableWhat(const std::exception& error);

}  // namespace depot
