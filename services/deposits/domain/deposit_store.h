#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "services/deposits/domain/depositor.h"

namespace depot::deposits {

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
};

/// Runs work atomically: all of it commits or none of it does.
class DepositStore {
 public:
  virtual ~DepositStore() = default;
  virtual void Run(const std::function<void(DepositTransaction&)>& work) = 0;
};

}  // namespace depot::deposits
