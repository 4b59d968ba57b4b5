#include "clients/cli/noark_import_first_pass.h"

#include <cctype>

#include "clients/cli/noark_import.h"
#include "services/noark/extraction_path.h"
#include "services/noark/file_hash.h"

namespace depot::cli {
namespace {

namespace fs = std::filesystem;
using noark::Deviation;

// arkivuttrekk.xml's checksum of arkivstruktur.xml, checked.
void CheckChecksum(const noark::AddmlInfo& addml, const FirstPass& pass,
                   std::vector<Deviation>* deviations) {
  bool listed = false;
  for (const noark::AddmlFile& f : addml.files) {
    if (f.schema || f.name != "arkivstruktur.xml") continue;
    listed = true;
    std::string given = f.checksum;
    for (char& c : given) c = static_cast<char>(std::tolower(c));
    if (noark::NormalizedAlgorithm(f.algorithm) != "SHA256") {
      deviations->push_back({0, "arkivuttrekk.xml gives arkivstruktur.xml a '" +
                                    f.algorithm +
                                    "' checksum, not SHA-256: not checked"});
    } else if (given != pass.sha256) {
      deviations->push_back(
          {0,
           "arkivstruktur.xml does not match its SHA-256 in "
           "arkivuttrekk.xml: the file may have been changed"});
    }
  }
  if (!listed) {
    deviations->push_back(
        {0, "arkivuttrekk.xml does not list arkivstruktur.xml"});
  }
}

}  // namespace

fs::path StructureFile(const fs::path& dir) {
  std::optional<fs::path> inside =
      noark::FileInExtraction(dir, "arkivstruktur.xml");
  std::error_code error;
  if (!inside || !fs::is_regular_file(*inside, error)) {
    throw ExtractionError("no arkivstruktur.xml in " + dir.string() +
                          " (a symbolic link out of the directory does not "
                          "count)");
  }
  return *inside;
}

std::optional<noark::AddmlInfo> AddmlOf(const fs::path& dir) {
  std::optional<fs::path> file =
      noark::FileInExtraction(dir, "arkivuttrekk.xml");
  std::error_code error;
  if (!file || !fs::is_regular_file(*file, error)) return std::nullopt;
  try {
    return noark::ReadAddml(*file);
  } catch (const noark::XmlError& e) {
    throw ExtractionError("arkivuttrekk.xml cannot be read: " +
                          std::string(e.what()) + "; nothing was sent");
  }
}

FirstPass ReadThrough(const fs::path& file, SystemIds& ids) {
  FirstPass pass;
  noark::Sha256Stream hash;
  noark::ReaderOptions options;
  options.xml.on_bytes = [&](std::string_view bytes) { hash.Update(bytes); };
  options.on_system_id = [&](std::string_view id, std::string_view element,
                             int64_t) {
    ids.all.FirstPass(id);
    if (element == "mappe") ids.mappes.FirstPass(id);
  };
  try {
    noark::Noark5Reader reader(file, options);
    noark::Mappe mappe;
    while (reader.Next(&mappe)) ++pass.mappes;
    pass.counts = reader.counts();
    pass.bytes = reader.bytes_read();
  } catch (const noark::XmlError& error) {
    throw ExtractionError("arkivstruktur.xml cannot be imported: " +
                          std::string(error.what()) + "; nothing was sent");
  }
  pass.sha256 = hash.HexDigest();
  return pass;
}

std::vector<Deviation> CheckAgainstAddml(
    const std::optional<noark::AddmlInfo>& addml, const FirstPass& pass,
    std::string* version) {
  std::vector<Deviation> deviations;
  if (!addml) {
    deviations.push_back(
        {0,
         "no arkivuttrekk.xml: the Noark 5 version is not known and "
         "arkivstruktur.xml's checksum is not checked"});
    return deviations;
  }
  *version = addml->noark_version;
  if (*version != "3.1" && *version != "4.0" && *version != "5.0") {
    deviations.push_back(
        {0, "arkivuttrekk.xml names Noark 5 version '" + *version +
                "'; depot reads 3.1 to 5.0 (one namespace) and read it "
                "as those"});
  }
  CheckChecksum(*addml, pass, &deviations);
  for (const noark::AddmlCount& c : addml->counts) {
    if (c.file != "arkivstruktur.xml") continue;
    int64_t actual = -1;
    if (c.element == "mappe") actual = pass.counts.mappe;
    if (c.element == "registrering") actual = pass.counts.registrering;
    if (c.element == "dokumentobjekt") actual = pass.counts.dokumentobjekt;
    if (actual >= 0 && actual != c.count) {
      deviations.push_back({0, "arkivuttrekk.xml counts " +
                                   std::to_string(c.count) + " " + c.element +
                                   ", arkivstruktur.xml has " +
                                   std::to_string(actual)});
    }
  }
  return deviations;
}

}  // namespace depot::cli
