#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "clients/cli/command.h"

namespace depot::cli {

/// Adds `--offline FILE` and `--public-key KEY` to a verify subcommand
/// (depot audit verify, depot declaration verify); each needs the other.
void AddOfflineVerifyOptions(CLI::App *verify, std::string *offline_file,
                             std::string *public_key_file,
                             const std::string &offline_help,
                             const std::string &key_help);

/// When offline_file is set, verifies locally (RunLocally). Returns only
/// when offline_file is empty.
void VerifyOfflineIfAsked(const std::string &offline_file,
                          const std::function<int()> &verify);

} // namespace depot::cli
