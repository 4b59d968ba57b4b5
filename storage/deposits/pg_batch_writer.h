#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/common/audit_event.h"
#include "services/deposits/domain/deposit.h"
#include "services/deposits/domain/record.h"

namespace depot::storage {

/// The transfer side of the deposits store: batches of records and
/// rejections written by COPY, and each transfer's progress. Used by
/// PgDepositStore's transactions (see DepositTransaction for the contract).
class PgBatchWriter {
 public:
  explicit PgBatchWriter(pqxx::transaction_base& tx) : tx_(tx) {}

  deposits::BatchOutcome StoreBatch(
      int64_t deposit_id, const std::vector<deposits::SealedRecord>& accepted,
      const std::vector<deposits::Rejection>& rejected,
      const deposits::BatchSource& source, const AuditEvent& audit);
  std::optional<deposits::TransferState> FindTransfer(
      int64_t deposit_id, const std::string& transfer_id);
  void InsertTransfer(int64_t deposit_id,
                      const deposits::TransferState& transfer);

 private:
  using Records = std::vector<const deposits::SealedRecord*>;
  Records NotYetStored(int64_t deposit_id,
                       const std::vector<deposits::SealedRecord>& batch);
  void CopyRecords(int64_t deposit_id, const Records& records);
  void CopyAuditEvents(const Records& records, const AuditEvent& audit);
  int64_t ClearRejections(int64_t deposit_id, const Records& records);
  int64_t CopyRejections(int64_t deposit_id,
                         const std::vector<deposits::Rejection>& rejected);

  pqxx::transaction_base& tx_;
};

}  // namespace depot::storage
