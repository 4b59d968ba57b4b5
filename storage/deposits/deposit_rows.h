#pragma once

#include <pqxx/pqxx>

#include "services/deposits/domain/deposit.h"
#include "services/deposits/domain/deposit_store.h"
#include "services/deposits/domain/depositor.h"
#include "services/deposits/domain/record.h"

namespace depot::storage {

// Rows of schema `deposits` to the domain's types.

/// A row of insert_depositor.sql, find_depositor.sql or list_depositors.sql.
deposits::Depositor ToDepositor(const pqxx::row& row);
/// A row of deposits.deposit_rows.
deposits::Deposit ToDeposit(const pqxx::row& row);
/// A row of deposits.record_rows, still sealed.
deposits::DepositTransaction::StoredRecord ToStoredRecord(const pqxx::row& row);
/// A row of find_rejection.sql or list_rejections.sql.
deposits::Rejection ToRejection(const pqxx::row& row);

/// The transaction to nest a savepoint in: writes never run in a Read
/// (a nontransaction), and a write inside one is a programming error.
pqxx::dbtransaction& Writable(pqxx::transaction_base& tx);

}  // namespace depot::storage
