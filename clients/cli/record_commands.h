#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot record search|exception|item`.
void AddRecordCommands(CLI::App* app, const Commands& commands);

}  // namespace depot::cli
