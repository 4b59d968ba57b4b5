# depot_sql_queries(TARGET target DIR dir NAMESPACE ns PREFIX prefix)
#
# The statements of a store live in DIR/*.sql, one statement per file named
# after what it does. This generates the header <DIR>.h (for
# storage/journal/queries: #include "storage/journal/queries.h") holding a
# named SqlQuery constant for each, and adds it to TARGET. A new or renamed
# .sql file reconfigures CMake (CONFIGURE_DEPENDS), an edited one
# regenerates the header.
function(depot_sql_queries)
  cmake_parse_arguments(ARG "" "TARGET;DIR;NAMESPACE;PREFIX" "" ${ARGN})
  set(dir ${CMAKE_SOURCE_DIR}/${ARG_DIR})
  file(GLOB sql CONFIGURE_DEPENDS "${dir}/*.sql")
  set(out ${CMAKE_BINARY_DIR}/generated/${ARG_DIR}.h)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DSQL_DIR=${dir} -DOUT=${out}
            -DNAMESPACE=${ARG_NAMESPACE} -DPREFIX=${ARG_PREFIX}
            -DSOURCE_ROOT=${CMAKE_SOURCE_DIR}
            -P ${CMAKE_SOURCE_DIR}/cmake/sql_to_header.cmake
    DEPENDS ${sql} ${CMAKE_SOURCE_DIR}/cmake/sql_to_header.cmake
    COMMENT "Generating ${ARG_DIR}.h from its .sql files"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${out})
  target_include_directories(${ARG_TARGET} PUBLIC ${CMAKE_BINARY_DIR}/generated)
endfunction()
