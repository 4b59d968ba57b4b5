# cmake -DSQL_DIR=... -DOUT=... -DNAMESPACE=... -DPREFIX=... -P sql_to_header.cmake
#
# Writes OUT, a C++ header with one depot::storage::SqlQuery constant per
# SQL_DIR/*.sql file: insert_case.sql becomes kInsertCase, a statement named
# "PREFIX_insert_case" whose text is the file's, and kAllQueries lists them
# all for ConnectionPool::Prepare. OUT is rewritten only when it changes, so
# that an unchanged set of queries recompiles nothing.
file(GLOB files LIST_DIRECTORIES false "${SQL_DIR}/*.sql")
list(SORT files)
set(body "")
set(all "")
foreach(file IN LISTS files)
  get_filename_component(stem "${file}" NAME_WE)
  if(NOT stem MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "${file}: name it in lower_case_with_underscores.sql")
  endif()
  string(REPLACE "_" ";" parts "${stem}")
  set(constant "k")
  foreach(part IN LISTS parts)
    string(SUBSTRING "${part}" 0 1 first)
    string(TOUPPER "${first}" first)
    string(SUBSTRING "${part}" 1 -1 rest)
    string(APPEND constant "${first}${rest}")
  endforeach()
  file(READ "${file}" text)
  if(text MATCHES "\\)depot_sql\"")
    message(FATAL_ERROR "${file} contains the raw-string delimiter )depot_sql\"")
  endif()
  string(STRIP "${text}" text)
  # One statement per file; PostgreSQL prepares it without the semicolon.
  string(REGEX REPLACE ";$" "" text "${text}")
  file(RELATIVE_PATH shown "${SOURCE_ROOT}" "${file}")
  string(APPEND body "/// ${shown}\n"
         "inline constexpr SqlQuery ${constant}{\"${PREFIX}_${stem}\",\n"
         "                                   R\"depot_sql(${text})depot_sql\"};\n\n")
  string(APPEND all "    ${constant},\n")
endforeach()
if(body STREQUAL "")
  message(FATAL_ERROR "no .sql files in ${SQL_DIR}")
endif()
file(RELATIVE_PATH shown_dir "${SOURCE_ROOT}" "${SQL_DIR}")
file(WRITE "${OUT}.tmp"
  "// Generated from ${shown_dir}/*.sql by cmake/sql_to_header.cmake.\n"
  "// Edit the .sql files, not this header.\n"
  "#pragma once\n\n"
  "#include \"storage/sql_query.h\"\n\n"
  "namespace ${NAMESPACE} {\n\n"
  "${body}"
  "/// Every statement above, for ConnectionPool::Prepare.\n"
  "inline constexpr SqlQuery kAllQueries[] = {\n${all}};\n\n"
  "}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
