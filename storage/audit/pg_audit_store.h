#pragma once

#include "services/audit/domain/audit_store.h"
#include "storage/audit/sealed_copy.h"
#include "storage/pool.h"

namespace depot::storage {

/// AuditStore on PostgreSQL: every service's audit log (the chain columns
/// of <log>.audit_events and the table <log>.audit_heads), reached through
/// the views and functions of schema `audit` that migration 302 defines
/// once for all of them, never through a service's tables by name.
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

}  // namespace depot::storage
