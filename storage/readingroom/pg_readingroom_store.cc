#include "storage/readingroom/pg_readingroom_store.h"

#include "storage/readingroom/pg_readingroom_transaction.h"
#include "storage/readingroom/queries.h"

namespace depot::storage {

PgReadingRoomStore::PgReadingRoomStore(ConnectionPool& pool,
                                       const Keyring& keyring,
                                       SubjectKeyStore* keys)
    : pool_(pool), sealing_(keyring, keys) {
  pool_.Prepare(readingroom_sql::kAllQueries);
}

void PgReadingRoomStore::Run(
    const std::function<void(readingroom::ReadingRoomTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgReadingRoomTransaction transaction(tx, sealing_);
    work(transaction);
  });
}

}  // namespace depot::storage
