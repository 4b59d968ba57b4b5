#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/depositor_commands.h"

namespace depot::cli {

/// The reading room: `depot visitor ...`, `depot declaration ...`,
/// `depot loan ...` and `depot copy ...`.
void AddReadingRoomCommands(CLI::App& app, const ConnectionOptions& options,
                            Action* action);

void AddVisitorCommands(CLI::App& app, const ConnectionOptions& options,
                        Action* action);
void AddDeclarationCommands(CLI::App& app, const ConnectionOptions& options,
                            Action* action);
void AddLoanCommands(CLI::App& app, const ConnectionOptions& options,
                     Action* action);
void AddCopyCommands(CLI::App& app, const ConnectionOptions& options,
                     Action* action);

}  // namespace depot::cli
