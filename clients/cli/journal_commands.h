#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/connection.h"
#include "clients/cli/depositor_commands.h"

namespace depot::cli {

/// `depot journal case|add|show|release-name|screen-words|public|internal|
/// applicants|dispose|settings`.
void AddJournalCommands(CLI::App& app, const ConnectionOptions& options,
                        Action* action);

}  // namespace depot::cli
