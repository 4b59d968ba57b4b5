#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace depot::cli {

/// Adds `--offline FILE` and `--public-key KEY` to a verify subcommand
/// (depot audit verify, depot declaration verify); each needs the other.
void AddOfflineVerifyOptions(CLI::App* verify, std::string* offline_file,
                             std::string* public_key_file,
                             const std::string& offline_help,
                             const std::string& key_help);

}  // namespace depot::cli
