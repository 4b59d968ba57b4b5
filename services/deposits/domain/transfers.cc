#include "services/deposits/domain/transfers.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "services/common/error.h"
#include "services/common/text_check.h"
#include "services/common/time_format.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/record_rules.h"
#include "services/deposits/domain/record_sealing.h"

namespace depot::deposits {
namespace {

constexpr TextLimit kTransferIdRule{200, false};

void CheckTransferId(const std::string& transfer_id) {
  if (auto problem = TextProblem(transfer_id, kTransferIdRule)) {
    throw InvalidArgument("transfer_id " + *problem);
  }
}

// The digest in lower case; InvalidArgument unless it is one.
std::string CheckedDigest(const TransferSource& source) {
  std::string digest = source.source_sha256;
  bool hex = digest.size() == 64;
  for (char& c : digest) {
    hex = hex && std::isxdigit(static_cast<unsigned char>(c));
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (hex || (digest.empty() && source.transfer_id.empty())) return digest;
  throw InvalidArgument(
      digest.empty()
          ? "source_sha256 is required with a transfer_id: the SHA-256 of "
            "the whole source (64 hex digits), so that a changed source is "
            "never resumed as the one before"
          : "source_sha256 must be 64 hex digits (the SHA-256 of the whole "
            "source)");
}

std::string ChangedSource(const TransferSource& source,
                          const TransferState& known,
                          const std::string& digest) {
  return "transfer " + QuoteInput(source.transfer_id, 60) + " of deposit " +
         std::to_string(source.deposit_id) + " was started " +
         FormatRfc3339(known.started_at) + " from a source with SHA-256 " +
         known.source_sha256 + "; this source has SHA-256 " + digest +
         ": it is another source, or the same one changed. Send it under a "
         "new transfer_id: it then starts at its first record, and records "
         "the deposit has already are counted as duplicates";
}

}  // namespace

Deposit Transfers::LoadForTransfer(DepositTransaction& tx, const Caller& caller,
                                   int64_t deposit_id, DepositLock lock) {
  if (deposit_id <= 0) {
    throw InvalidArgument("the first message must name the deposit_id");
  }
  Deposit deposit = FindVisibleDeposit(tx, caller, deposit_id, lock);
  if (deposit.state == DepositState::kReceived ||
      deposit.state == DepositState::kCancelled) {
    throw FailedPrecondition("deposit " + std::to_string(deposit_id) + " is " +
                             DepositStateName(deposit.state) +
                             " and takes no more records; open a new deposit");
  }
  return deposit;
}

OpenTransfer Transfers::Begin(const Caller& caller,
                              const TransferSource& source) {
  CheckTransferId(source.transfer_id);
  std::string digest = CheckedDigest(source);
  OpenTransfer open;
  open.transfer_id = source.transfer_id;
  context_.store.Run([&](DepositTransaction& tx) {
    // Locked: two streams starting the same new transfer take turns.
    open.deposit =
        LoadForTransfer(tx, caller, source.deposit_id, DepositLock::kExclusive);
    if (open.deposit.state == DepositState::kOpen) {
      tx.SetDepositState(open.deposit.id, DepositState::kTransferring, "");
      open.deposit.state = DepositState::kTransferring;
    }
    if (source.transfer_id.empty()) return;
    auto known = tx.FindTransfer(source.deposit_id, source.transfer_id);
    if (!known) {
      TransferState fresh;
      fresh.transfer_id = source.transfer_id;
      fresh.source_sha256 = digest;
      fresh.started_by = caller.identity;
      tx.InsertTransfer(source.deposit_id, fresh);
      return;
    }
    if (known->source_sha256 != digest) {
      throw FailedPrecondition(ChangedSource(source, *known, digest));
    }
    open.next_position = known->next_position;
  });
  return open;
}

BatchResult Transfers::StoreBatch(const Caller& caller,
                                  const OpenTransfer& transfer,
                                  const std::vector<RecordInput>& records) {
  return Write(caller, Prepare(caller, transfer, records));
}

BatchResult Transfers::StoreBatch(const Caller& caller, int64_t deposit_id,
                                  const std::vector<RecordInput>& records) {
  OpenTransfer anonymous;
  anonymous.deposit.id = deposit_id;
  return StoreBatch(caller, anonymous, records);
}

PreparedBatch Transfers::Prepare(const Caller& caller,
                                 const OpenTransfer& transfer,
                                 const std::vector<RecordInput>& records) {
  if (records.size() > kMaxBatch) {
    throw InvalidArgument("a batch holds at most " + std::to_string(kMaxBatch) +
                          " records; send smaller batches");
  }
  const int64_t deposit_id = transfer.deposit.id;
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
  batch.transfer_id = transfer.transfer_id;
  batch.received = static_cast<int64_t>(records.size());
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
  const BatchSource source{batch.transfer_id, batch.next_position,
                           batch.received};
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
      LoadForTransfer(tx, caller, deposit_id, lock);
      result.outcome = tx.StoreBatch(deposit_id, batch.accepted, batch.rejected,
                                     source, audit);
    });
  };
  if (!batch.rejected.empty()) {
    store(DepositLock::kExclusive);
  } else {
    try {
      store(DepositLock::kBatchWrite);
    } catch (const ConcurrentBatch&) {
      store(DepositLock::kExclusive);
    }
  }
  result.rejections = std::move(batch.rejected);
  result.next_position = batch.next_position;
  return result;
}

TransferReport Transfers::Progress(const Caller& caller, int64_t deposit_id,
                                   const std::string& transfer_id) {
  if (deposit_id <= 0) throw InvalidArgument("deposit_id is required");
  CheckTransferId(transfer_id);
  TransferReport report;
  context_.store.Read([&](DepositTransaction& tx) {
    report.deposit =
        FindVisibleDeposit(tx, caller, deposit_id, DepositLock::kNone);
    if (!transfer_id.empty()) {
      report.transfer = tx.FindTransfer(deposit_id, transfer_id);
    }
  });
  return report;
}

}  // namespace depot::deposits
