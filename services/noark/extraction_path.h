#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace depot::noark {

/// Where a file an extraction's metadata names (a referanseDokumentfil, a
/// file arkivuttrekk.xml lists) lies, if it stays inside the extraction
/// directory `dir`: nullopt for an empty or absolute reference, one with a
/// ".." part, or one through a symbolic link that leads out of `dir` or to
/// nothing (so that whether a file outside exists is never told). '\' counts
/// as '/'. The path need not exist: a reference to a missing file inside is
/// returned, for the caller to report as missing.
std::optional<std::filesystem::path> FileInExtraction(
    const std::filesystem::path& dir, std::string reference);

}  // namespace depot::noark
