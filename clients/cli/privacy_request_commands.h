#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot privacy request open|show|list|compile|extend|close`, and
/// `depot privacy requests` (request list under a shorter name).
void AddAccessRequestCommands(CLI::App* privacy, const Commands& commands);

/// Who a request or an erasure is about: an identity number, or a name
/// with a birth date.
struct PersonIdentity {
  std::string national_id;
  std::string name;
  std::string birth_date;
};

/// --national-id, or --name with --birth-date.
void AddIdentityOptions(CLI::App* command, PersonIdentity* identity);

}  // namespace depot::cli
