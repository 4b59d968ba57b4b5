#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace depot::noark {

enum class CheckOutcome { kPassed, kFailed, kSkipped };

struct CheckResult {
  std::string id;     ///< "N5.01", ...
  std::string title;  ///< what is checked
  CheckOutcome outcome = CheckOutcome::kPassed;
  std::string detail;
};

const char* CheckOutcomeName(CheckOutcome outcome);

/// Checks an extraction directory like Arkade 5's tests of the same
/// numbers do:
/// - N5.01 the required files are there (arkivuttrekk.xml,
///   arkivstruktur.xml and every data file arkivuttrekk.xml lists);
/// - N5.02 each file's checksum in arkivuttrekk.xml matches;
/// - N5.03 arkivstruktur.xml validates against xsd_dir/arkivstruktur.xsd
///   (and arkivuttrekk.xml against addml.xsd when it is there); skipped
///   when xsd_dir has no arkivstruktur.xsd;
/// - N5.47 every systemID occurs once;
/// - N5.59 the numbers of mappe, registrering, dokumentbeskrivelse,
///   dokumentobjekt and journalposts agree with arkivuttrekk.xml, and
///   with loependeJournal.xml / offentligJournal.xml when they are there.
/// Reads each file streaming, so memory stays bounded for any size.
std::vector<CheckResult> RunSelfChecks(const std::filesystem::path& dir,
                                       const std::filesystem::path& xsd_dir);

/// Whether every check passed or was skipped.
bool AllPassed(const std::vector<CheckResult>& results);

}  // namespace depot::noark
