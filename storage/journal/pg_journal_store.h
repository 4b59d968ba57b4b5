#pragma once

#include "services/journal/domain/journal_store.h"
#include "storage/pool.h"

namespace depot::storage {

/// JournalService's data in PostgreSQL schema `journal`.
class PgJournalStore : public journal::JournalStore {
 public:
  /// Registers the prepared statements with the pool.
  explicit PgJournalStore(ConnectionPool& pool);

  void Run(
      const std::function<void(journal::JournalTransaction&)>& work) override;
  void RunSnapshot(
      const std::function<void(journal::JournalTransaction&)>& work) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace depot::storage
