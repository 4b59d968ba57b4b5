#pragma once

#include <pqxx/pqxx>

#include "storage/sql_query.h"

namespace depot::storage {

/// Defines query on the connection of tx, for the shared statements
/// (storage/queries/) that run in a caller's transaction on any
/// connection, pooled or not. libpqxx prepares a defined statement on its
/// first use, and defining the same statement again changes nothing.
inline void DefineStatement(pqxx::transaction_base& tx, const SqlQuery& query) {
  tx.conn().prepare(query.name, query.text);
}

}  // namespace depot::storage
