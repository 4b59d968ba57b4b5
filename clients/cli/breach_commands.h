#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/depositor_commands.h"

namespace depot::cli {

/// `depot breach add|list|notify`: the register of personal-data breaches.
void AddBreachCommands(CLI::App& app, const ConnectionOptions& options,
                       Action* action);

}  // namespace depot::cli
