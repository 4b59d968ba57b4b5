#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot audit head|verify|export|key`: the tamper-evident audit logs.
void AddAuditCommands(CLI::App* app, const Commands& commands);

}  // namespace depot::cli
