#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot declaration verify ID` on the server, or `--offline FILE
/// --public-key KEY` without one.
void AddDeclarationVerify(CLI::App* declaration_group,
                          const Commands& commands);

}  // namespace depot::cli
