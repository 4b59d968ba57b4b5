#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot deposit create|show|list|close|cancel|categories|rejections|
/// transfer|import-noark5|export-noark5|check-noark5`.
void AddDepositCommands(CLI::App* app, const Commands& commands);

}  // namespace depot::cli
