#include "storage/deposits/pg_depositors.h"

#include "services/common/error.h"
#include "storage/deposits/deposit_rows.h"
#include "storage/deposits/queries.h"

namespace depot::storage {

using namespace depot::storage::deposits_sql;

deposits::Depositor PgDepositors::Insert(const deposits::NewDepositor& d) {
  try {
    pqxx::subtransaction guard(Writable(tx_), "insert_depositor");
    auto result =
        guard.exec_prepared(kInsertDepositor.name, d.organisation_number,
                            d.name, DepositorKindName(*d.kind));
    guard.commit();
    return ToDepositor(result[0]);
  } catch (const pqxx::unique_violation&) {
    throw AlreadyExists("a depositor with organisation number " +
                        d.organisation_number + " is already registered");
  }
}

std::optional<deposits::Depositor> PgDepositors::Find(
    const std::string& organisation_number) {
  auto result = tx_.exec_prepared(kFindDepositor.name, organisation_number);
  if (result.empty()) return std::nullopt;
  return ToDepositor(result[0]);
}

std::vector<deposits::Depositor> PgDepositors::List(
    int64_t after_id, int limit,
    const std::optional<std::string>& organisation_number) {
  auto result = tx_.exec_prepared(
      kListDepositors.name, after_id, limit,
      organisation_number ? organisation_number->c_str() : nullptr);
  std::vector<deposits::Depositor> depositors;
  depositors.reserve(result.size());
  for (const auto& row : result) depositors.push_back(ToDepositor(row));
  return depositors;
}

}  // namespace depot::storage
