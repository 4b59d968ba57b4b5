#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "clients/cli/connection.h"

namespace depot::cli {

/// A command's action: runs once arguments are parsed, returns the exit code.
using Action = std::function<int(const Connection&)>;

/// `depot depositor add|show|list`.
void AddDepositorCommands(CLI::App& app, const ConnectionOptions& options,
                          Action* action);

}  // namespace depot::cli
