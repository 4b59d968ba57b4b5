#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot privacy request open|compile|list|extend|close|show`,
/// `depot privacy requests`, `depot privacy rectify visitor|record`,
/// `depot privacy erase`, `depot privacy retention`.
void AddPrivacyCommands(CLI::App* app, const Commands& commands);

}  // namespace depot::cli
