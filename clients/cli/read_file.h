#pragma once

#include <string>

namespace depot::cli {

/// The whole content of a file the user named (a text, a key, a scan).
/// Throws CommandFailure "cannot read PATH" (exit code 1) when it cannot be
/// opened.
std::string ReadUserFile(const std::string& path);

}  // namespace depot::cli
