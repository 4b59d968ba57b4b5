#pragma once

#include <pqxx/pqxx>
#include <string>

namespace depot::storage {

/// Translates a pqxx failure (the current exception) into depot::Error and
/// throws it; rethrows anything else unchanged. Call from a catch block.
/// A failure with no domain meaning becomes an internal error described by
/// DescribeDatabaseError: the only way a database's error text reaches a
/// log.
[[noreturn]] void RethrowAsDepotError();

/// A database error for the log, without the data it may carry: SQLSTATE,
/// the prepared statement's name (or an unprepared statement's first
/// word), and the first line of PostgreSQL's message through
/// WithoutQuotedValues, which keeps constraint, table and column names and
/// drops DETAIL (key values, failing rows), CONTEXT (COPY line contents)
/// and quoted values.
std::string DescribeDatabaseError(const pqxx::sql_error& error);

/// True for SQLSTATEs that mean the server is going or gone.
bool IsServerGone(const std::string& sqlstate);

/// The first line of a message, without leading blanks.
std::string FirstLine(const std::string& text);

}  // namespace depot::storage
