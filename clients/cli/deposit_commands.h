#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/connection.h"
#include "clients/cli/depositor_commands.h"

namespace depot::cli {

/// `depot deposit create|show|list|close|cancel|categories|rejections|
/// transfer`.
void AddDepositCommands(CLI::App& app, const ConnectionOptions& options,
                        Action* action);

}  // namespace depot::cli
