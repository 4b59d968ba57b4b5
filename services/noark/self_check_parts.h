#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "services/noark/addml.h"
#include "services/noark/arkivstruktur_scan.h"
#include "services/noark/duplicate_finder.h"
#include "services/noark/self_checks.h"

// The parts of RunSelfChecks (self_checks.cc): one function per check,
// each given what the shared passes over the extraction found.
namespace depot::noark::self_check {

constexpr char kArkivstruktur[] = "arkivstruktur.xml";
constexpr char kArkivuttrekk[] = "arkivuttrekk.xml";

/// The files of an extraction, looked for inside its directory only, be
/// it one of the standard names or one arkivuttrekk.xml lists: nothing
/// outside is opened.
class Extraction {
 public:
  explicit Extraction(std::filesystem::path dir) : dir_(std::move(dir)) {}

  /// The regular file of that name inside the directory.
  std::optional<std::filesystem::path> Find(const std::string& name) const;
  bool Present(const std::string& name) const { return Find(name).has_value(); }
  /// The name leads out of the extraction (or to nothing).
  bool Outside(const std::string& name) const;

 private:
  std::filesystem::path dir_;
};

/// arkivuttrekk.xml as read, or why it could not be (empty problem when it
/// is missing: N5.01 says so).
struct Addml {
  std::optional<AddmlInfo> info;
  std::string problem;
};

/// The first problems, joined, and how many more there are.
std::string Listed(const std::vector<std::string>& problems);
/// Passed with passed_detail, or failed listing the problems.
CheckResult Result(const char* id, const char* title,
                   const std::vector<std::string>& problems,
                   const std::string& passed_detail);
CheckResult Skipped(const char* id, const char* title, std::string why);

// file_checks.cc
CheckResult CheckRequiredFiles(const Extraction& extraction,
                               const Addml& addml);
CheckResult CheckChecksums(const Extraction& extraction, const Addml& addml);

// structure_checks.cc; `scan` is nullopt without an arkivstruktur.xml.
CheckResult CheckSchema(const Extraction& extraction,
                        const std::optional<ArkivstrukturScan>& scan,
                        const std::filesystem::path& xsd_dir, bool have_schema);
/// `ids` has seen every systemID once (its first pass).
CheckResult CheckSystemIds(const Extraction& extraction,
                           const std::optional<ArkivstrukturScan>& scan,
                           DuplicateFinder& ids);
CheckResult CheckCounts(const Extraction& extraction,
                        const std::optional<ArkivstrukturScan>& scan,
                        const Addml& addml);

}  // namespace depot::noark::self_check
