// The self-checks of an extraction's files: N5.01 (the required files are
// there) and N5.02 (their checksums match arkivuttrekk.xml).
#include "services/common/text_check.h"
#include "services/noark/file_hash.h"
#include "services/noark/self_check_parts.h"

namespace depot::noark::self_check {
namespace {

// Characters of a file name quoted in a detail: enough for a path.
constexpr size_t kQuotedName = 120;

std::string PointsOutside(const std::string& name, const char* listed) {
  return QuoteInput(name, kQuotedName) + listed +
         " points outside the extraction (an absolute path, '..' or a "
         "symbolic link leading out of it or to nothing); not read";
}

}  // namespace

CheckResult CheckRequiredFiles(const Extraction& extraction,
                               const Addml& addml) {
  std::vector<std::string> problems;
  for (const char* name : {kArkivuttrekk, kArkivstruktur}) {
    if (extraction.Outside(name)) {
      problems.push_back(PointsOutside(name, ""));
    } else if (!extraction.Present(name)) {
      problems.push_back(std::string(name) + " is missing");
    }
  }
  if (!addml.problem.empty()) problems.push_back(addml.problem);
  int listed = 0;
  if (addml.info) {
    for (const AddmlFile& f : addml.info->files) {
      if (extraction.Outside(f.name)) {
        problems.push_back(
            PointsOutside(f.name, " (listed in arkivuttrekk.xml)"));
        continue;
      }
      if (f.schema) continue;
      ++listed;
      if (f.name != kArkivstruktur && !extraction.Present(f.name)) {
        problems.push_back(f.name + " (listed in arkivuttrekk.xml) is missing");
      }
    }
  }
  return Result("N5.01", "required files are present", problems,
                "arkivuttrekk.xml and the " + std::to_string(listed) +
                    " data files it lists are present");
}

CheckResult CheckChecksums(const Extraction& extraction, const Addml& addml) {
  const char* kTitle = "checksums in arkivuttrekk.xml match";
  if (!addml.info)
    return Skipped("N5.02", kTitle, "no readable arkivuttrekk.xml");
  std::vector<std::string> problems;
  int checked = 0;
  std::vector<std::string> notes;
  for (const AddmlFile& f : addml.info->files) {
    if (f.checksum.empty()) {
      if (!f.schema) problems.push_back(f.name + " has no checksum");
      continue;
    }
    std::optional<std::filesystem::path> file = extraction.Find(f.name);
    if (!file) {
      if (f.schema && !extraction.Outside(f.name)) notes.push_back(f.name);
      continue;  // a missing or outside file fails N5.01
    }
    if (NormalizedAlgorithm(f.algorithm) != "SHA256") {
      problems.push_back(f.name + ": checksum algorithm '" + f.algorithm +
                         "' is not SHA-256");
      continue;
    }
    auto actual = Sha256OfFile(*file);
    std::string given = f.checksum;
    for (char& c : given) c = static_cast<char>(std::tolower(c));
    ++checked;
    if (!actual || *actual != given) {
      problems.push_back(f.name +
                         ": the SHA-256 of the file differs from "
                         "arkivuttrekk.xml");
    }
  }
  std::string detail = std::to_string(checked) + " checksums match";
  if (!notes.empty()) {
    detail +=
        " (schema files not in the extraction, not checked: " + Listed(notes) +
        ")";
  }
  return Result("N5.02", kTitle, problems, detail);
}

}  // namespace depot::noark::self_check
