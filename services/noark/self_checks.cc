#include "services/noark/self_checks.h"

#include "services/noark/extraction_path.h"
#include "services/noark/self_check_parts.h"

namespace depot::noark {
namespace self_check {

namespace fs = std::filesystem;

constexpr size_t kListed = 10;  // problems named in a detail; the rest counted

std::optional<fs::path> Extraction::Find(const std::string& name) const {
  std::error_code error;
  auto file = FileInExtraction(dir_, name);
  if (file && fs::is_regular_file(*file, error)) return file;
  return std::nullopt;
}

bool Extraction::Outside(const std::string& name) const {
  return !FileInExtraction(dir_, name).has_value();
}

std::string Listed(const std::vector<std::string>& problems) {
  std::string text;
  for (size_t i = 0; i < problems.size() && i < kListed; ++i) {
    if (!text.empty()) text += "; ";
    text += problems[i];
  }
  if (problems.size() > kListed) {
    text += "; and " + std::to_string(problems.size() - kListed) + " more";
  }
  return text;
}

CheckResult Result(const char* id, const char* title,
                   const std::vector<std::string>& problems,
                   const std::string& passed_detail) {
  CheckResult result{id, title, CheckOutcome::kPassed, passed_detail};
  if (!problems.empty()) {
    result.outcome = CheckOutcome::kFailed;
    result.detail = Listed(problems);
  }
  return result;
}

CheckResult Skipped(const char* id, const char* title, std::string why) {
  return {id, title, CheckOutcome::kSkipped, std::move(why)};
}

namespace {

Addml ReadExtractionAddml(const Extraction& extraction) {
  Addml addml;
  if (auto file = extraction.Find(kArkivuttrekk)) {
    try {
      addml.info = ReadAddml(*file);
    } catch (const XmlError& e) {
      addml.problem =
          std::string(kArkivuttrekk) + " cannot be read: " + e.what();
    }
  }
  return addml;
}

}  // namespace
}  // namespace self_check

const char* CheckOutcomeName(CheckOutcome outcome) {
  switch (outcome) {
    case CheckOutcome::kPassed:
      return "passed";
    case CheckOutcome::kFailed:
      return "FAILED";
    case CheckOutcome::kSkipped:
      return "skipped";
  }
  return "?";
}

bool AllPassed(const std::vector<CheckResult>& results) {
  for (const CheckResult& r : results) {
    if (r.outcome == CheckOutcome::kFailed) return false;
  }
  return true;
}

std::vector<CheckResult> RunSelfChecks(const std::filesystem::path& dir,
                                       const std::filesystem::path& xsd_dir) {
  namespace check = self_check;
  check::Extraction extraction(dir);
  check::Addml addml = check::ReadExtractionAddml(extraction);
  std::vector<CheckResult> results;
  results.push_back(check::CheckRequiredFiles(extraction, addml));
  results.push_back(check::CheckChecksums(extraction, addml));

  // One pass over arkivstruktur.xml for N5.03, N5.47 and N5.59.
  std::error_code error;
  std::filesystem::path schema = xsd_dir / "arkivstruktur.xsd";
  bool have_schema =
      !xsd_dir.empty() && std::filesystem::is_regular_file(schema, error);
  DuplicateFinder ids;
  std::optional<ArkivstrukturScan> scan;
  if (auto file = extraction.Find(check::kArkivstruktur)) {
    scan =
        ScanArkivstruktur(*file, have_schema ? schema : std::filesystem::path(),
                          [&](std::string_view id) { ids.FirstPass(id); });
  }
  results.push_back(check::CheckSchema(extraction, scan, xsd_dir, have_schema));
  results.push_back(check::CheckSystemIds(extraction, scan, ids));
  results.push_back(check::CheckCounts(extraction, scan, addml));
  return results;
}

}  // namespace depot::noark
