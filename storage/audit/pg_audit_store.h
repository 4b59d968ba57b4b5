#pragma once

#include "services/audit/domain/audit_store.h"
#include "storage/pool.h"

namespace depot::storage {

/// AuditStore on PostgreSQL: the chain columns of <log>.audit_events and
/// the table <log>.audit_heads of every service schema (migrations 005, 101,
/// 201 and privacy's 300).
///
/// Its statements are built per call, not prepared: the pool prepares every
/// registered statement on each connection it opens, and a log's schema may
/// be absent from a database (privacy before its migrations exist), which
/// would fail every connection.
class PgAuditStore : public audit::AuditStore {
 public:
  /// verify_readers: how many connections (each with a thread) read a
  /// large log at the same time during verification, besides the pool's
  /// (see AuditLogs::Verify); 1 reads it on the pool connection only.
  explicit PgAuditStore(ConnectionPool& pool,
                        size_t verify_readers = kDefaultVerifyReaders);

  static constexpr size_t kDefaultVerifyReaders = 4;

  void Run(const std::function<void(audit::AuditTransaction&)>& work) override;
  void RunSnapshot(
      const std::function<void(audit::AuditTransaction&)>& work) override;

 private:
  ConnectionPool& pool_;
  size_t verify_readers_;
};

/// Microseconds since 1970 of a timestamptz as PostgreSQL prints it with
/// TimeZone UTC and DateStyle ISO ("2026-03-01 10:11:12.5+00"); INT64_MIN
/// for anything else (such an event then fails verification as changed).
int64_t ParseUtcTimestampMicros(std::string_view text);

}  // namespace depot::storage
