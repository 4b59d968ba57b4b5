#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot deposit export-noark5|check-noark5`.
void AddNoarkExportCommands(CLI::App* deposit_group, const Commands& commands);

/// Where the Noark 5 schemas are: --xsd-dir (flag), else
/// $DEPOT_NOARK5_XSD_DIR, else the schemas beside a development checkout
/// (../shared/noark5/xsd) when they are there; empty when none.
std::filesystem::path NoarkXsdDir(const std::string& flag);

}  // namespace depot::cli
