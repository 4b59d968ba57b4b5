#pragma once

#include <pqxx/pqxx>
#include <string>

#include "storage/sql_query.h"
#include "tests/support/migration_files.h"
#include "tests/support/queries.h"

namespace depot::testing {

/// The statements of tests/support/queries/*.sql, as sql::kName.
namespace sql = storage::test_sql;
/// The migration files of tests/support/migration_files/*.sql, which the
/// migrations runner's tests write out and apply.
namespace migration_files = storage::test_migration_files;

/// Runs one statement (of tests/support/queries, as sql::kName) with its
/// parameters in a transaction of its own on the database at dsn, commits,
/// and returns its rows: for tests that read what a store wrote or tamper
/// with it behind the store's back.
template <typename... Params>
pqxx::result RunSql(const std::string& dsn, const storage::SqlQuery& query,
                    const Params&... params) {
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  pqxx::result result = tx.exec_params(query.text, params...);
  tx.commit();
  return result;
}

}  // namespace depot::testing
