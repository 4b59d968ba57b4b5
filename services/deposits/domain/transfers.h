#pragma once

#include <vector>

#include "services/common/auth/caller.h"
#include "services/deposits/domain/deposit_context.h"

namespace depot::deposits {

/// What one stored batch did, with this batch's new rejections.
struct BatchResult {
  BatchOutcome outcome;
  std::vector<Rejection> rejections;
  int64_t next_position = 1;
};

/// A batch checked and sealed, not stored yet (see Transfers::Prepare).
struct PreparedBatch {
  int64_t deposit_id = 0;
  std::vector<SealedRecord> accepted;
  std::vector<Rejection> rejected;
  int64_t next_position = 1;
};

/// Receives records into a deposit batch by batch: checks each record,
/// seals the accepted ones and stores the batch in one transaction, so a
/// transfer cut anywhere keeps exactly the batches that were acknowledged.
class Transfers {
 public:
  static constexpr size_t kMaxBatch = 10000;

  explicit Transfers(DepositContext& context) : context_(context) {}

  /// Checks the caller may transfer into the deposit and that it is open or
  /// transferring; marks it transferring.
  Deposit Begin(const Caller& caller, int64_t deposit_id);
  /// Checks, seals and stores one batch: Write(Prepare(...)).
  BatchResult StoreBatch(const Caller& caller, int64_t deposit_id,
                         const std::vector<RecordInput>& records);
  /// Checks and seals one batch (the CPU-heavy part), storing nothing: a
  /// stream prepares its next batch while the one before is written.
  PreparedBatch Prepare(const Caller& caller, int64_t deposit_id,
                        const std::vector<RecordInput>& records);
  /// Stores a prepared batch in one transaction.
  BatchResult Write(const Caller& caller, PreparedBatch batch);
  /// Where a cut transfer continues.
  Deposit Progress(const Caller& caller, int64_t deposit_id);

 private:
  /// The deposit, checked to take records; `lock` holds its row until the
  /// transaction ends, which every writer of records into it must do.
  Deposit LoadForTransfer(DepositTransaction& tx, const Caller& caller,
                          int64_t deposit_id, DepositLock lock);

  DepositContext& context_;
};

}  // namespace depot::deposits
