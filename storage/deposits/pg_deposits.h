#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/deposits/domain/deposit.h"
#include "services/deposits/domain/deposit_store.h"

namespace depot::storage {

/// The deposits of schema `deposits` in one transaction (or Read): their
/// rows, locks and states. See DepositTransaction for the contract of
/// each method.
class PgDeposits {
 public:
  explicit PgDeposits(pqxx::transaction_base& tx) : tx_(tx) {}

  deposits::Deposit Insert(const deposits::NewDeposit& deposit);
  std::optional<deposits::Deposit> Find(int64_t id, deposits::DepositLock lock);
  std::vector<deposits::Deposit> List(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number);
  void SetState(int64_t id, deposits::DepositState state,
                const std::string& cancel_reason);
  int64_t DeleteRecords(int64_t deposit_id);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace depot::storage
