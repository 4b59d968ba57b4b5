#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot depositor add|show|list`.
void AddDepositorCommands(CLI::App* app, const Commands& commands);

}  // namespace depot::cli
