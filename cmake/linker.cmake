# Links with LLVM's lld when it is installed (ops/install-deps installs it):
# the sanitizer build links some forty large executables, and GNU ld spends
# seconds on each where lld spends a fraction of one.
# DEPOT_LINKER=default keeps the compiler's own linker.
set(DEPOT_LINKER "lld" CACHE STRING "Linker to use: lld or default")
if(DEPOT_LINKER STREQUAL "lld")
  include(CheckLinkerFlag)
  check_linker_flag(CXX "-fuse-ld=lld" DEPOT_HAS_LLD)
  if(DEPOT_HAS_LLD)
    add_link_options(-fuse-ld=lld)
  else()
    message(STATUS "lld not found: linking with the compiler's default linker")
  endif()
endif()
