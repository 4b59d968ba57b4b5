#pragma once

#include "services/privacy/domain/privacy_store.h"
#include "storage/pool.h"

namespace depot::storage {

/// PrivacyService's data in PostgreSQL schema `privacy`.
class PgPrivacyStore : public privacy::PrivacyStore {
 public:
  /// Registers the prepared statements with the pool.
  explicit PgPrivacyStore(ConnectionPool& pool);

  void Run(
      const std::function<void(privacy::PrivacyTransaction&)>& work) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace depot::storage
