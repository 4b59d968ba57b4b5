#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot breach add|list|notify`: the register of personal-data breaches.
void AddBreachCommands(CLI::App* app, const Commands& commands);

}  // namespace depot::cli
