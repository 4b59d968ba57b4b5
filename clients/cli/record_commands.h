#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/connection.h"
#include "clients/cli/depositor_commands.h"

namespace depot::cli {

/// `depot record search|exception|item`.
void AddRecordCommands(CLI::App& app, const ConnectionOptions& options,
                       Action* action);

}  // namespace depot::cli
