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

/// When offline_file is set, runs verify and ends the process with its exit
/// code. Verifying offline needs no server nor client certificate, so it is
/// done in the subcommand's callback, before main would connect. Returns
/// only when offline_file is empty.
void VerifyOfflineIfAsked(const std::string& offline_file,
                          const std::function<int()>& verify);

}  // namespace depot::cli
