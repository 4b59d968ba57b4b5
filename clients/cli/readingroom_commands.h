#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// The reading room: `depot visitor ...`, `depot declaration ...`,
/// `depot loan ...` and `depot copy ...`.
void AddReadingRoomCommands(CLI::App* app, const Commands& commands);

void AddVisitorCommands(CLI::App* app, const Commands& commands);
void AddDeclarationCommands(CLI::App* app, const Commands& commands);
void AddLoanCommands(CLI::App* app, const Commands& commands);
void AddCopyCommands(CLI::App* app, const Commands& commands);

}  // namespace depot::cli
