#include "storage/database_error.h"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>

#include "services/common/error.h"
#include "services/common/log_text.h"

namespace depot::storage {
namespace {

// libpqxx names the statement of an error: a prepared statement's name,
// a label of its own ("[PREPARE name]", "[END COPY]"), or the text of an
// unprepared statement, which may hold literals; of that, only its first
// word.
std::string StatementLabel(const std::string& query) {
  if (query.empty()) return "a statement";
  if (query.starts_with('[')) return query.substr(0, 100);
  if (query.find_first_of(" \t\r\n") == std::string::npos) {
    return "statement " + query;
  }
  size_t start = query.find_first_not_of(" \t\r\n(");
  size_t end = query.find_first_of(" \t\r\n", start);
  return "an unprepared " + query.substr(start, end - start) + " statement";
}

std::string TypeName(const std::exception& error) {
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> name(
      abi::__cxa_demangle(typeid(error).name(), nullptr, nullptr, &status),
      &std::free);
  return status == 0 && name ? name.get() : typeid(error).name();
}

}  // namespace

std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  auto start = line.find_first_not_of(" \t");
  return start == std::string::npos ? "" : line.substr(start);
}

// Error class 08 (connection exception) and 57P (operator intervention:
// admin or crash shutdown) mean the server is going or gone.
bool IsServerGone(const std::string& sqlstate) {
  return sqlstate.starts_with("08") || sqlstate.starts_with("57P");
}

std::string DescribeDatabaseError(const pqxx::sql_error& error) {
  std::string sqlstate =
      error.sqlstate().empty() ? "unknown" : error.sqlstate();
  return "database error SQLSTATE " + sqlstate + " in " +
         StatementLabel(error.query()) + ": " +
         WithoutQuotedValues(error.what());
}

void RethrowAsDepotError() {
  try {
    throw;
  } catch (const pqxx::in_doubt_error&) {
    throw Unavailable(
        "the database connection broke while committing; the change may or "
        "may not have been made: check before retrying");
  } catch (const pqxx::broken_connection&) {
    throw Unavailable(
        "the database is unavailable (connection lost); retry shortly");
  } catch (const pqxx::serialization_failure&) {
    throw Conflict("a concurrent change conflicted with this one; retry");
  } catch (const pqxx::deadlock_detected&) {
    throw Conflict("a concurrent change conflicted with this one; retry");
  } catch (const pqxx::sql_error& error) {
    if (IsServerGone(error.sqlstate())) {
      throw Unavailable("the database is unavailable (" +
                        FirstLine(error.what()) + "); retry shortly");
    }
    throw Error(ErrorCode::kInternal, DescribeDatabaseError(error));
  } catch (const pqxx::failure& error) {
    // libpqxx's own failures (a COPY stream, a lost result) quote what
    // they were given.
    throw Error(ErrorCode::kInternal,
                "database client error (" + TypeName(error) +
                    "): " + WithoutQuotedValues(error.what()));
  } catch (const pqxx::pqxx_exception& error) {
    // Conversions and misuse: "could not convert string to integer: 'x'".
    throw Error(ErrorCode::kInternal,
                "database client error (" + TypeName(error.base()) +
                    "): " + WithoutQuotedValues(error.base().what()));
  }
}

}  // namespace depot::storage
