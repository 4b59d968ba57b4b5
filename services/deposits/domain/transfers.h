#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/deposits/domain/deposit_context.h"

namespace depot::deposits {

/// What TransferStart names: the deposit and the source.
struct TransferSource {
  int64_t deposit_id = 0;
  /// The sender's name for the source, unique within the deposit; empty:
  /// an anonymous transfer, which keeps no progress.
  std::string transfer_id{};
  /// Hex SHA-256 of the whole source; required with a transfer_id.
  std::string source_sha256{};
};

/// A transfer under way: where its records go and where it continues.
struct OpenTransfer {
  Deposit deposit;
  std::string transfer_id;    ///< empty: anonymous
  int64_t next_position = 1;  ///< 1 for a new or anonymous transfer
};

/// GetTransferProgress: the deposit (its totals) and the transfer.
struct TransferReport {
  Deposit deposit;
  /// nullopt for a transfer the deposit does not know, and the anonymous.
  std::optional<TransferState> transfer;
};

/// What one stored batch did, with this batch's new rejections.
struct BatchResult {
  BatchOutcome outcome;
  std::vector<Rejection> rejections;
  int64_t next_position = 1;
};

/// A batch checked and sealed, not stored yet (see Transfers::Prepare).
struct PreparedBatch {
  int64_t deposit_id = 0;
  std::string transfer_id;
  std::vector<SealedRecord> accepted;
  std::vector<Rejection> rejected;
  int64_t next_position = 1;
  int64_t received = 0;
};

/// Receives records into a deposit batch by batch: checks each record,
/// seals the accepted ones and stores the batch in one transaction with its
/// transfer's progress, so a transfer cut anywhere keeps exactly the
/// batches that were acknowledged and knows where to continue.
class Transfers {
 public:
  static constexpr size_t kMaxBatch = 10000;

  explicit Transfers(DepositContext& context) : context_(context) {}

  /// Checks the caller may transfer into the deposit and that it is open or
  /// transferring; marks it transferring. A named transfer is recorded the
  /// first time; a transfer_id the deposit knows with another digest is
  /// refused (FailedPrecondition): a changed source is a new transfer.
  OpenTransfer Begin(const Caller& caller, const TransferSource& source);
  /// An anonymous transfer into the deposit.
  OpenTransfer Begin(const Caller& caller, int64_t deposit_id) {
    return Begin(caller, TransferSource{deposit_id});
  }
  /// Checks, seals and stores one batch: Write(Prepare(...)).
  BatchResult StoreBatch(const Caller& caller, const OpenTransfer& transfer,
                         const std::vector<RecordInput>& records);
  /// One batch of an anonymous transfer.
  BatchResult StoreBatch(const Caller& caller, int64_t deposit_id,
                         const std::vector<RecordInput>& records);
  /// Checks and seals one batch (the CPU-heavy part), storing nothing: a
  /// stream prepares its next batch while the one before is written.
  PreparedBatch Prepare(const Caller& caller, const OpenTransfer& transfer,
                        const std::vector<RecordInput>& records);
  /// Stores a prepared batch and its transfer's progress in one
  /// transaction.
  BatchResult Write(const Caller& caller, PreparedBatch batch);
  /// Where a cut transfer continues, and the deposit's totals.
  TransferReport Progress(const Caller& caller, int64_t deposit_id,
                          const std::string& transfer_id);

 private:
  /// The deposit, checked to take records; `lock` holds its row until the
  /// transaction ends, which every writer of records into it must do.
  Deposit LoadForTransfer(DepositTransaction& tx, const Caller& caller,
                          int64_t deposit_id, DepositLock lock);

  DepositContext& context_;
};

}  // namespace depot::deposits
