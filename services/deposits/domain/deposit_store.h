#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "services/common/audit_event.h"
#include "services/common/subject_data.h"
#include "services/deposits/domain/deposit.h"
#include "services/deposits/domain/depositor.h"
#include "services/deposits/domain/record.h"

namespace depot::deposits {

/// How FindDeposit locks the deposit's row until the transaction ends.
enum class DepositLock {
  kNone,
  /// Taken by each batch of records written into the deposit: batches of
  /// parallel streams write at the same time and take turns only to update
  /// the deposit's counters. The row's state cannot change meanwhile.
  kBatchWrite,
  /// State changes, and batches that must run alone (see Transfers).
  kExclusive,
};

/// Thrown by StoreBatch when a parallel batch stored some of the same
/// source record ids first (its transaction is rolled back): retry the
/// batch with DepositLock::kExclusive, and they count as duplicates.
class ConcurrentBatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The data operations of one DepositService transaction. Implemented over
/// PostgreSQL in storage/deposits and by an in-memory fake in unit tests.
class DepositTransaction {
 public:
  virtual ~DepositTransaction() = default;

  /// Throws AlreadyExists when the organisation number is taken.
  virtual Depositor InsertDepositor(const NewDepositor& depositor) = 0;
  virtual std::optional<Depositor> FindDepositor(
      const std::string& organisation_number) = 0;
  /// Depositors with id > after_id in id order, at most limit; only the one
  /// with organisation_number when that is given.
  virtual std::vector<Depositor> ListDepositors(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number) = 0;

  virtual Deposit InsertDeposit(const NewDeposit& deposit) = 0;
  virtual std::optional<Deposit> FindDeposit(int64_t id, DepositLock lock) = 0;
  virtual std::vector<Deposit> ListDeposits(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number) = 0;
  virtual void SetDepositState(int64_t id, DepositState state,
                               const std::string& cancel_reason) = 0;
  /// Removes the records of a cancelled deposit; returns how many.
  virtual int64_t DeleteRecords(int64_t deposit_id) = 0;

  /// Stores accepted records and rejections of one batch. Records or
  /// rejections whose source_record_id the deposit already has count as
  /// duplicates; an accepted record replaces an earlier rejection. Appends
  /// one audit event per newly stored record (actor, subject pseudonym),
  /// and advances the deposit's counters and, for a named transfer, the
  /// transfer's next_position and counts.
  virtual BatchOutcome StoreBatch(int64_t deposit_id,
                                  const std::vector<SealedRecord>& accepted,
                                  const std::vector<Rejection>& rejected,
                                  const BatchSource& source,
                                  const AuditEvent& audit_template) = 0;

  /// The deposit's transfer of that id, or nullopt.
  virtual std::optional<TransferState> FindTransfer(
      int64_t deposit_id, const std::string& transfer_id) = 0;
  /// Records a transfer the deposit did not have (transfer_id,
  /// source_sha256 and started_by of `transfer`; nothing received yet).
  virtual void InsertTransfer(int64_t deposit_id,
                              const TransferState& transfer) = 0;

  /// Which of these source ids have an exception granted.
  virtual std::vector<std::string> ExceptionsAmong(
      int64_t deposit_id, const std::vector<std::string>& source_ids) = 0;
  virtual std::optional<Rejection> FindRejection(
      int64_t deposit_id, const std::string& source_record_id) = 0;
  /// Throws AlreadyExists when one was granted already.
  virtual void InsertException(const RecordException& exception) = 0;
  /// Rejections in (position, id) order after the given one, at most
  /// limit: positions repeat across the sources of a deposit.
  virtual std::vector<Rejection> ListRejections(int64_t deposit_id,
                                                int64_t after_position,
                                                int64_t after_id,
                                                int limit) = 0;

  /// Sealed rows of matching records with id > after_id, at most limit;
  /// RecordView fields come back still sealed in SealedRecord form.
  struct StoredRecord {
    int64_t record_id = 0;
    int64_t deposit_id = 0;
    std::string organisation_number;
    RegisterCategory category = RegisterCategory::kOther;
    SealedRecord sealed;
  };
  virtual std::vector<StoredRecord> SearchRecords(const RecordQuery& query,
                                                  int64_t after_id,
                                                  int limit) = 0;
  virtual std::optional<StoredRecord> FindRecord(int64_t record_id) = 0;
  virtual std::vector<StoredRecord> RecordsInBox(int64_t deposit_id,
                                                 const std::string& box) = 0;

  virtual void Audit(const std::vector<AuditEvent>& events) = 0;

  // Rights requests (GDPR access and erasure) and rectification.
  /// Replaces the sealed person fields, indexes, dates and subject of a
  /// record (a rectification re-seals the whole record).
  virtual void UpdateRecord(int64_t record_id, const SealedRecord& sealed) = 0;
  /// Keeps the history of a rectification: which fields (names only, no
  /// values), why, by whom.
  virtual void InsertCorrection(int64_t record_id, const std::string& fields,
                                const std::string& reason,
                                const std::string& corrected_by) = 0;
  /// Audit events whose subject is one of the pseudonyms, oldest first.
  virtual std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) = 0;
};

/// Runs work atomically: all of it commits or none of it does.
class DepositStore {
 public:
  virtual ~DepositStore() = default;
  virtual void Run(const std::function<void(DepositTransaction&)>& work) = 0;
  /// Runs lookups that need no common snapshot, each on its own, without
  /// the round trips of a transaction. `work` must not write.
  virtual void Read(const std::function<void(DepositTransaction&)>& work) = 0;
};

}  // namespace depot::deposits
