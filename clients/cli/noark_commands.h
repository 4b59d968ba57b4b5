#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/connection.h"
#include "clients/cli/depositor_commands.h"

namespace depot::cli {

/// `depot deposit import-noark5|export-noark5|check-noark5`, added to the
/// `deposit` command group.
void AddNoarkCommands(CLI::App* deposit_group, const ConnectionOptions& options,
                      Action* action);

}  // namespace depot::cli
