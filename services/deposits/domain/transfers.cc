#include "services/deposits/domain/transfers.h"

#include <algorithm>
#include <set>

#include "services/common/error.h"
#include "services/deposits/domain/record_rules.h"
#include "services/deposits/domain/record_sealing.h"

namespace depot::deposits {

Deposit Transfers::LoadForTransfer(DepositTransaction& tx, const Caller& caller,
                                   int64_t deposit_id, DepositLock lock) {
  if (deposit_id <= 0) {
    throw InvalidArgument("the first message must name the deposit_id");
  }
  auto deposit = tx.FindDeposit(deposit_id, lock);
  if (!deposit) {
    throw NotFound("no deposit " + std::to_string(deposit_id) +
                   "; create it first");
  }
  caller.RequireOrganisation(deposit->organisation_number);
  if (deposit->state == DepositState::kReceived ||
      deposit->state == DepositState::kCancelled) {
    throw FailedPrecondition("deposit " + std::to_string(deposit_id) + " is " +
                             DepositStateName(deposit->state) +
                             " and takes no more records; open a new deposit");
  }
  return *deposit;
}

Deposit Transfers::Begin(const Caller& caller, int64_t deposit_id) {
  Deposit deposit;
  context_.store.Run([&](DepositTransaction& tx) {
    deposit = LoadForTransfer(tx, caller, deposit_id, DepositLock::kExclusive);
    if (deposit.state == DepositState::kOpen) {
      tx.SetDepositState(deposit.id, DepositState::kTransferring, "");
      deposit.state = DepositState::kTransferring;
    }
  });
  return deposit;
}

BatchResult Transfers::StoreBatch(const Caller& caller, int64_t deposit_id,
                                  const std::vector<RecordInput>& records) {
  return Write(caller, Prepare(caller, deposit_id, records));
}

PreparedBatch Transfers::Prepare(const Caller& caller, int64_t deposit_id,
                                 const std::vector<RecordInput>& records) {
  if (records.size() > kMaxBatch) {
    throw InvalidArgument("a batch holds at most " + std::to_string(kMaxBatch) +
                          " records; send smaller batches");
  }
  Date today = DateOf(context_.now());
  std::vector<std::string> source_ids;
  source_ids.reserve(records.size());
  for (const RecordInput& record : records) {
    source_ids.push_back(record.source_record_id);
  }
  // Checking and sealing is the CPU-heavy part: it runs before the
  // deposit's row is locked, so parallel streams into one deposit use every
  // core and take turns only for the writes.
  Deposit deposit;
  std::set<std::string> excepted;
  // This first look takes no lock (a row lock would make it write WAL and
  // wait for a flush) and needs no transaction: Write checks again.
  context_.store.Read([&](DepositTransaction& tx) {
    deposit = LoadForTransfer(tx, caller, deposit_id, DepositLock::kNone);
    auto found = tx.ExceptionsAmong(deposit_id, source_ids);
    excepted = std::set<std::string>(found.begin(), found.end());
  });
  const CategoryRule& rule = context_.rules.For(deposit.category);
  std::vector<RecordVerdict> verdicts =
      CheckBatch(records, rule, deposit.deposit_date, today, excepted);
  PreparedBatch batch;
  batch.deposit_id = deposit_id;
  batch.accepted.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    const RecordInput& record = records[i];
    if (verdicts[i].accepted) {
      batch.accepted.push_back(SealRecord(record, *verdicts[i].accepted,
                                          deposit_id, context_.keyring));
    } else {
      batch.rejected.push_back(*verdicts[i].rejection);
    }
    // A position out of range says nothing about where the source stands.
    if (record.position >= 1 && record.position <= kMaxPosition) {
      batch.next_position = std::max(batch.next_position, record.position + 1);
    }
  }
  return batch;
}

BatchResult Transfers::Write(const Caller& caller, PreparedBatch batch) {
  const int64_t deposit_id = batch.deposit_id;
  const std::vector<SealedRecord>& accepted = batch.accepted;
  const std::vector<Rejection>& rejected = batch.rejected;
  const int64_t next_position = batch.next_position;

  BatchResult result;
  AuditEvent audit{caller.identity,
                   caller.RoleLabel(),
                   "record.deposit",
                   "deposit/" + std::to_string(deposit_id),
                   "",
                   ""};
  // Batches of accepted records write side by side with those of parallel
  // streams. One with rejections runs alone: a record accepted in one batch
  // and rejected in a parallel one must not end up both stored and
  // rejected. So does a retry after a parallel batch stored some of the
  // same ids first.
  auto store = [&](DepositLock lock) {
    context_.store.Run([&](DepositTransaction& tx) {
      // Locked again: the deposit may have been closed or cancelled
      // meanwhile.
      Deposit current = LoadForTransfer(tx, caller, deposit_id, lock);
      result.outcome =
          tx.StoreBatch(deposit_id, accepted, rejected,
                        std::max(next_position, current.next_position), audit);
    });
  };
  if (!rejected.empty()) {
    store(DepositLock::kExclusive);
  } else {
    try {
      store(DepositLock::kBatchWrite);
    } catch (const ConcurrentBatch&) {
      store(DepositLock::kExclusive);
    }
  }
  result.rejections = std::move(batch.rejected);
  result.next_position = next_position;
  return result;
}

Deposit Transfers::Progress(const Caller& caller, int64_t deposit_id) {
  Deposit deposit;
  context_.store.Run([&](DepositTransaction& tx) {
    if (deposit_id <= 0) throw InvalidArgument("deposit_id is required");
    auto found = tx.FindDeposit(deposit_id, DepositLock::kNone);
    if (!found) throw NotFound("no deposit " + std::to_string(deposit_id));
    caller.RequireOrganisation(found->organisation_number);
    deposit = *found;
  });
  return deposit;
}

}  // namespace depot::deposits
