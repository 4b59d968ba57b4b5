#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "services/noark/safe_xml_reader.h"

namespace depot::noark {

/// A file an arkivuttrekk.xml lists, with its checksum when given.
struct AddmlFile {
  std::string name;
  std::string algorithm;  ///< as written ("SHA256", "SHA-256", ...)
  std::string checksum;
  bool schema = false;  ///< an .xsd the data file refers to
};

/// A numberOfOccurrences the ADDML states for a data file.
struct AddmlCount {
  std::string file;     ///< the data file, e.g. "arkivstruktur.xml"
  std::string element;  ///< e.g. "mappe"
  int64_t count = 0;
};

/// What depot reads from an arkivuttrekk.xml (ADDML 8.x).
struct AddmlInfo {
  std::string noark_version;  ///< e.g. "5.0"; "" when not stated
  std::vector<AddmlFile> files;
  std::vector<AddmlCount> counts;
};

/// Reads arkivuttrekk.xml with the same protections as the arkivstruktur
/// reader (no DTD, no entities, no network; at most 16 MiB). Throws
/// XmlError when it cannot be read.
AddmlInfo ReadAddml(const std::filesystem::path& file);

}  // namespace depot::noark
