#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace depot::cli {

/// The largest page the server returns for a list or search (and the
/// largest limit it takes).
inline constexpr int kMaxPageSize = 1000;
/// The most records TransferRecords takes in one batch.
inline constexpr int kMaxBatchRecords = 10000;
/// The most records `depot record search` collects, page by page.
inline constexpr int kMaxSearchLimit = 100000;

/// Adds an option that takes a count (a page size, a limit, a batch size):
/// a whole number from 1 to max. Anything else (0, negative, too big, not a
/// number) is refused with exit code 2 before any call, as the server
/// refuses it; the help says the range. Every such option of the CLI is
/// added through this.
CLI::Option* AddCountOption(CLI::App* command, const std::string& name,
                            int& value, const std::string& help, int max);

}  // namespace depot::cli
