#include "storage/audit/pg_audit_store.h"

#include <algorithm>

#include "storage/audit/audit_transaction.h"
#include "storage/audit/queries.h"

namespace depot::storage {

PgAuditStore::PgAuditStore(ConnectionPool& pool, size_t verify_readers)
    : pool_(pool), verify_readers_(std::max<size_t>(1, verify_readers)) {
  // libpqxx prepares a statement on its first use, so a log absent from
  // the database (LogPresent false) fails nothing until it is read.
  pool_.Prepare(audit_sql::kAllQueries);
}

void PgAuditStore::Run(
    const std::function<void(audit::AuditTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgAuditTransaction transaction(tx, pool_.connection_string(),
                                   verify_readers_);
    work(transaction);
  });
}

void PgAuditStore::RunSnapshot(
    const std::function<void(audit::AuditTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    tx.exec_prepared(audit_sql::kRepeatableRead.name);
    PgAuditTransaction transaction(tx, pool_.connection_string(),
                                   verify_readers_);
    work(transaction);
  });
}

}  // namespace depot::storage
