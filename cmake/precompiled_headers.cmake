# Precompiled headers, one set per layer, each compiled once and reused by
# every target of that layer (REUSE_FROM). Parsing the gRPC, protobuf, pqxx
# and GoogleTest headers is most of a translation unit's compile time on
# its own (about 3 s for gRPC and protobuf under the sanitizers), and
# without sharing each target would compile its own copy.
#
# A layer sees only the headers it may use: domain code gets the standard
# library alone, so a domain file that reaches for gRPC or pqxx still fails
# to compile; storage adds pqxx, the gRPC side adds gRPC and protobuf, tests
# get all of these and GoogleTest (domain unit tests: the standard library
# and GoogleTest). Headers whose meaning depends on a
# target's own definitions (spdlog, fmt) stay out: GCC accepts a shared
# header only when every macro it uses is defined alike.
#
# DEPOT_PRECOMPILE_HEADERS=OFF compiles without them (to check that every
# file includes what it uses).
option(DEPOT_PRECOMPILE_HEADERS "Precompile the heavy headers" ON)

# -pthread defines _REENTRANT, and GCC refuses a precompiled header made
# with a different set of definitions: every target gets it, whether or not
# its libraries ask for threads.
add_compile_options(-pthread)

set(DEPOT_PCH_domain
  <algorithm> <array> <atomic> <chrono> <cstddef> <cstdint> <cstdio>
  <cstdlib> <filesystem> <fstream> <functional> <iostream> <map> <memory>
  <mutex> <optional> <set> <sstream> <stdexcept> <string> <string_view>
  <thread> <utility> <vector>)
set(DEPOT_PCH_storage ${DEPOT_PCH_domain} <pqxx/pqxx>)
set(DEPOT_PCH_rpc ${DEPOT_PCH_domain} <grpcpp/grpcpp.h>
  <google/protobuf/message.h> <google/protobuf/descriptor.h>
  <nlohmann/json.hpp>)
set(DEPOT_PCH_unit ${DEPOT_PCH_domain} <gtest/gtest.h>)
set(DEPOT_PCH_test ${DEPOT_PCH_rpc} <pqxx/pqxx> <gtest/gtest.h>)

# One donor library per layer: it holds the precompiled header and links
# what its headers need, so the header compiles with the same include paths.
set(DEPOT_PCH_LIBS_domain nlohmann_json::nlohmann_json)
set(DEPOT_PCH_LIBS_storage PkgConfig::PQXX)
set(DEPOT_PCH_LIBS_rpc gRPC::grpc++ protobuf::libprotobuf
  nlohmann_json::nlohmann_json)
set(DEPOT_PCH_LIBS_unit GTest::gtest)
set(DEPOT_PCH_LIBS_test ${DEPOT_PCH_LIBS_rpc} PkgConfig::PQXX GTest::gtest)

function(depot_pch_donor layer)
  set(donor depot_pch_${layer})
  if(TARGET ${donor})
    return()
  endif()
  set(source ${CMAKE_BINARY_DIR}/generated/pch/${layer}.cc)
  if(NOT EXISTS ${source})
    file(WRITE ${source} "// Compiles the ${layer} precompiled header.\n")
  endif()
  add_library(${donor} STATIC ${source})
  target_link_libraries(${donor} PRIVATE ${DEPOT_PCH_LIBS_${layer}})
  target_precompile_headers(${donor} PRIVATE ${DEPOT_PCH_${layer}})
endfunction()

# depot_precompile(TARGET LAYER): TARGET reuses LAYER's precompiled header.
function(depot_precompile target layer)
  if(NOT DEPOT_PRECOMPILE_HEADERS)
    return()
  endif()
  if(NOT DEFINED DEPOT_PCH_${layer})
    message(FATAL_ERROR "depot_precompile: no header set named ${layer}")
  endif()
  depot_pch_donor(${layer})
  target_precompile_headers(${target} REUSE_FROM depot_pch_${layer})
endfunction()
