#pragma once

#include <pqxx/pqxx>
#include <string>

#include "services/audit/domain/audit_store.h"

namespace depot::storage {

/// AuditTransaction on one pqxx transaction, executing the statements of
/// storage/audit/queries/ (prepared by PgAuditStore): every log is reached
/// through the views and functions of schema `audit` (migration 302), with
/// the log's name as a parameter. Times are printed in UTC for the rest of
/// the transaction.
class PgAuditTransaction : public audit::AuditTransaction {
 public:
  /// connection_string and readers: for the parallel readers of
  /// ForEachSealedInRanges.
  PgAuditTransaction(pqxx::work& tx, const std::string& connection_string,
                     size_t readers);

  bool LogPresent(const std::string& log) override;
  bool LockSealer(const std::string& log, bool wait) override;
  std::pair<int64_t, std::string> LastSealed(const std::string& log) override;
  std::vector<audit::SealedEvent> Unsealed(const std::string& log,
                                           int limit) override;
  void Seal(const std::string& log,
            const std::vector<audit::SealedEvent>& events) override;
  int64_t CountUnsealed(const std::string& log) override;
  std::optional<audit::SignedHead> LatestHead(const std::string& log) override;
  std::vector<audit::SignedHead> RecentHeads(const std::string& log,
                                             int limit) override;
  void AddHead(const std::string& log, const audit::SignedHead& head) override;
  void ForEachSealed(
      const std::string& log,
      const std::function<bool(const audit::SealedEvent&)>& visit) override;
  std::vector<audit::SealedEvent> SealedPage(const std::string& log,
                                             int64_t after, int64_t last,
                                             size_t limit) override;
  int64_t CountSealed(const std::string& log, int64_t last) override;
  std::pair<int64_t, int64_t> SealedSeqBounds(const std::string& log) override;
  size_t ParallelReaders() const override { return readers_; }
  void ForEachSealedInRanges(
      const std::string& log, const std::vector<audit::SeqRange>& ranges,
      const std::function<bool(size_t, const audit::SealedEvent&)>& visit)
      override;
  void Audit(const std::string& log, const AuditEvent& event) override;

 private:
  pqxx::work& tx_;
  const std::string& connection_string_;
  size_t readers_;
};

}  // namespace depot::storage
