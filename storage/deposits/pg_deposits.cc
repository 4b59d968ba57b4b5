#include "storage/deposits/pg_deposits.h"

#include "services/common/date.h"
#include "storage/deposits/deposit_rows.h"
#include "storage/deposits/queries.h"

namespace depot::storage {

using namespace depot::storage::deposits_sql;
using deposits::Deposit;
using deposits::DepositLock;

Deposit PgDeposits::Insert(const deposits::NewDeposit& d) {
  auto row = tx_.exec_prepared1(kInsertDeposit.name, d.organisation_number,
                                static_cast<int>(d.category), d.description,
                                FormatDate(d.deposit_date), d.created_by);
  return *Find(row[0].as<int64_t>(), DepositLock::kNone);
}

std::optional<Deposit> PgDeposits::Find(int64_t id, DepositLock lock) {
  const SqlQuery& query = lock == DepositLock::kExclusive    ? kLockDeposit
                          : lock == DepositLock::kBatchWrite ? kShareDeposit
                                                             : kFindDeposit;
  auto result = tx_.exec_prepared(query.name, id);
  if (result.empty()) return std::nullopt;
  return ToDeposit(result[0]);
}

std::vector<Deposit> PgDeposits::List(
    int64_t after_id, int limit,
    const std::optional<std::string>& organisation_number) {
  auto result = tx_.exec_prepared(
      kListDeposits.name, after_id, limit,
      organisation_number ? organisation_number->c_str() : nullptr);
  std::vector<Deposit> deposits;
  deposits.reserve(result.size());
  for (const auto& row : result) deposits.push_back(ToDeposit(row));
  return deposits;
}

void PgDeposits::SetState(int64_t id, deposits::DepositState state,
                          const std::string& cancel_reason) {
  tx_.exec_prepared(kSetDepositState.name, id,
                    deposits::DepositStateName(state), cancel_reason);
}

int64_t PgDeposits::DeleteRecords(int64_t deposit_id) {
  auto result = tx_.exec_prepared(kDeleteRecords.name, deposit_id);
  tx_.exec_prepared(kResetAcceptedRecords.name, deposit_id);
  return result.affected_rows();
}

}  // namespace depot::storage
