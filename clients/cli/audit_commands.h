#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/depositor_commands.h"

namespace depot::cli {

/// `depot audit head|verify|export|key`: the tamper-evident audit logs.
void AddAuditCommands(CLI::App& app, const ConnectionOptions& options,
                      Action* action);

}  // namespace depot::cli
