#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot deposit import-noark5|export-noark5|check-noark5`, added to the
/// `deposit` command group.
void AddNoarkCommands(CLI::App* deposit_group, const Commands& commands);

}  // namespace depot::cli
