#pragma once

#include <cstdint>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "services/audit/domain/audit_log.h"
#include "storage/sql_query.h"

namespace depot::storage {

/// A COPY out of PostgreSQL of the sealed events one of
/// storage/audit/queries/sealed_events*.sql selects (after
/// choose_sealed_events.sql chose the log and range), parsed here from COPY
/// text without per-field allocations: one round trip for any number of
/// events, and what limits verification is PostgreSQL formatting the rows.
class SealedCopy {
 public:
  SealedCopy(pqxx::transaction_base& tx, const SqlQuery& query);

  /// The next event into *event (its strings reused); false at the end.
  bool Next(audit::SealedEvent* event);
  /// Reads what is left and ends the COPY.
  void Complete() { stream_.complete(); }

 private:
  pqxx::stream_from stream_;
  std::string line_;
  std::string field_;
};

/// Microseconds since 1970 of a timestamptz as PostgreSQL prints it with
/// TimeZone UTC and DateStyle ISO ("2026-03-01 10:11:12.5+00"); INT64_MIN
/// for anything else (such an event then fails verification as changed).
int64_t ParseUtcTimestampMicros(std::string_view text);

}  // namespace depot::storage
