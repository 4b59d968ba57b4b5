#pragma once

namespace depot::storage {

/// One SQL statement of a store, from its file storage/<service>/queries/
/// <name>.sql (cmake/sql_queries.cmake makes the constants): the name it
/// is prepared under and its text.
struct SqlQuery {
  const char* name;
  const char* text;
};

}  // namespace depot::storage
