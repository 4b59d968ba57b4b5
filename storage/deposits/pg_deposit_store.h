#pragma once

#include "services/deposits/domain/deposit_store.h"
#include "storage/pool.h"

namespace depot::storage {

/// DepositService's data in PostgreSQL schema `deposits`.
class PgDepositStore : public deposits::DepositStore {
 public:
  /// Registers the prepared statements with the pool.
  explicit PgDepositStore(ConnectionPool& pool);

  void Run(
      const std::function<void(deposits::DepositTransaction&)>& work) override;
  void Read(
      const std::function<void(deposits::DepositTransaction&)>& work) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace depot::storage
