#include "storage/privacy/pg_privacy_store.h"

#include "storage/privacy/privacy_transaction.h"
#include "storage/privacy/queries.h"

namespace depot::storage {

PgPrivacyStore::PgPrivacyStore(ConnectionPool& pool) : pool_(pool) {
  pool_.Prepare(privacy_sql::kAllQueries);
}

void PgPrivacyStore::Run(
    const std::function<void(privacy::PrivacyTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgPrivacyTransaction transaction(tx);
    work(transaction);
  });
}

}  // namespace depot::storage
