#include "services/deposits/domain/transfers.h"

#include <algorithm>
#include <set>

#include "services/common/error.h"
#include "services/deposits/domain/record_rules.h"
#include "services/deposits/domain/record_sealing.h"

namespace depot::deposits {

Deposit Transfers::LoadForTransfer(DepositTransaction& tx, const Caller& caller,
                                   int64_t deposit_id) {
  if (deposit_id <= 0) {
    throw InvalidArgument("the first message must name the deposit_id");
  }
  auto deposit = tx.FindDeposit(deposit_id, true);
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
    deposit = LoadForTransfer(tx, caller, deposit_id);
    if (deposit.state == DepositState::kOpen) {
      tx.SetDepositState(deposit.id, DepositState::kTransferring, "");
      deposit.state = DepositState::kTransferring;
    }
  });
  return deposit;
}

BatchResult Transfers::StoreBatch(const Caller& caller, int64_t deposit_id,
                                  const std::vector<RecordInput>& records) {
  if (records.size() > kMaxBatch) {
    throw InvalidArgument("a batch holds at most " + std::to_string(kMaxBatch) +
                          " records; send smaller batches");
  }
  BatchResult result;
  Date today = DateOf(context_.now());
  std::vector<std::string> source_ids;
  source_ids.reserve(records.size());
  for (const RecordInput& record : records) {
    source_ids.push_back(record.source_record_id);
  }
  context_.store.Run([&](DepositTransaction& tx) {
    result = BatchResult{};
    Deposit deposit = LoadForTransfer(tx, caller, deposit_id);
    const CategoryRule& rule = context_.rules.For(deposit.category);
    auto excepted_list = tx.ExceptionsAmong(deposit_id, source_ids);
    std::set<std::string> excepted(excepted_list.begin(), excepted_list.end());

    std::vector<SealedRecord> accepted;
    std::vector<Rejection> rejected;
    accepted.reserve(records.size());
    int64_t next_position = deposit.next_position;
    for (const RecordInput& record : records) {
      bool has_exception = excepted.contains(record.source_record_id);
      RecordVerdict verdict = CheckRecord(record, rule, deposit.deposit_date,
                                          today, has_exception);
      if (verdict.accepted) {
        SealedRecord sealed =
            SealRecord(record, *verdict.accepted, deposit_id, context_.keyring);
        accepted.push_back(std::move(sealed));
      } else {
        rejected.push_back(*verdict.rejection);
      }
      next_position = std::max(next_position, record.position + 1);
    }
    AuditEvent audit{caller.identity, caller.RoleLabel(), "record.deposit",
                     "deposit/" + std::to_string(deposit_id), "", ""};
    result.outcome =
        tx.StoreBatch(deposit_id, accepted, rejected, next_position, audit);
    result.rejections = std::move(rejected);
    result.next_position = next_position;
  });
  return result;
}

Deposit Transfers::Progress(const Caller& caller, int64_t deposit_id) {
  Deposit deposit;
  context_.store.Run([&](DepositTransaction& tx) {
    if (deposit_id <= 0) throw InvalidArgument("deposit_id is required");
    auto found = tx.FindDeposit(deposit_id, false);
    if (!found) throw NotFound("no deposit " + std::to_string(deposit_id));
    caller.RequireOrganisation(found->organisation_number);
    deposit = *found;
  });
  return deposit;
}

}  // namespace depot::deposits
