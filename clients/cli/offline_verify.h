#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace depot::cli {

/// Adds `--offline FILE` and `--public-key KEY` to a verify subcommand
/// (depot audit verify, depot declaration verify); each needs the other.
void AddOfflineVerifyOptions(CLI::App* verify, std::string* offline_file,
                             std::string* public_key_file,
                             const std::string& offline_help,
                             const std::string& key_help);

/// Runs a command that needs no server nor client certificate and ends the
/// process with its exit code: called in the subcommand's callback, it is
/// done before main would connect.
[[noreturn]] void RunLocally(const std::function<int()>& run);

/// When offline_file is set, verifies locally (RunLocally). Returns only
/// when offline_file is empty.
void VerifyOfflineIfAsked(const std::string& offline_file,
                          const std::function<int()>& verify);

}  // namespace depot::cli
