#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/deposits/domain/depositor.h"

namespace depot::storage {

/// The depositors of schema `deposits` in one transaction (or Read). See
/// DepositTransaction for the contract of each method.
class PgDepositors {
 public:
  explicit PgDepositors(pqxx::transaction_base& tx) : tx_(tx) {}

  deposits::Depositor Insert(const deposits::NewDepositor& depositor);
  std::optional<deposits::Depositor> Find(
      const std::string& organisation_number);
  std::vector<deposits::Depositor> List(
      int64_t after_id, int limit,
      const std::optional<std::string>& organisation_number);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace depot::storage
