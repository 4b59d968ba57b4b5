#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "services/noark/addml.h"
#include "services/noark/duplicate_finder.h"
#include "services/noark/mappe.h"
#include "services/noark/noark5_reader.h"

namespace depot::cli {

/// arkivstruktur.xml where it lies inside the extraction dir. Throws
/// ExtractionError when it is missing or a symbolic link leads out of dir.
std::filesystem::path StructureFile(const std::filesystem::path& dir);

/// arkivuttrekk.xml when the extraction has one (inside it). Throws
/// ExtractionError when it cannot be read.
std::optional<noark::AddmlInfo> AddmlOf(const std::filesystem::path& dir);

/// The systemIDs of the extraction: every repeat is a deviation (N5.47);
/// a mappe's is its record's id in the deposit, so a mappe repeating
/// another mappe's is rejected.
struct SystemIds {
  noark::DuplicateFinder all;
  noark::DuplicateFinder mappes{8 << 20};
};

/// What the first read of arkivstruktur.xml found.
struct FirstPass {
  int64_t mappes = 0;
  std::string sha256;
  noark::ArkivstrukturCounts counts;
  uint64_t bytes = 0;
};

/// Reads arkivstruktur.xml to its end once (hashing it, noting its
/// systemIDs). Throws ExtractionError when it cannot be imported.
FirstPass ReadThrough(const std::filesystem::path& file, SystemIds& ids);

/// What arkivuttrekk.xml says (the Noark version into *version), checked
/// against the first pass: each difference a deviation.
std::vector<noark::Deviation> CheckAgainstAddml(
    const std::optional<noark::AddmlInfo>& addml, const FirstPass& pass,
    std::string* version);

}  // namespace depot::cli
