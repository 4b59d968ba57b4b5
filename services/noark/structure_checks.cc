// The self-checks of arkivstruktur.xml: N5.03 (it validates against the
// schema), N5.47 (every systemID occurs once) and N5.59 (the numbers of
// units and journalposts agree with arkivuttrekk.xml and the journals).
#include "services/noark/self_check_parts.h"

namespace depot::noark::self_check {
namespace {

constexpr char kMissing[] = "arkivstruktur.xml is missing or unreadable";

int64_t CountOf(const ArkivstrukturScan& scan, const std::string& element) {
  auto found = scan.counts.find(element);
  return found == scan.counts.end() ? 0 : found->second;
}

// The number of `c.element` the file holds, or -1 when it is not counted.
int64_t ActualCount(const Extraction& extraction, const ArkivstrukturScan& scan,
                    const AddmlCount& c) {
  if (c.file == kArkivstruktur) {
    static const char* kCounted[] = {"arkiv",
                                     "arkivdel",
                                     "klasse",
                                     "mappe",
                                     "registrering",
                                     "journalpost",
                                     "dokumentbeskrivelse",
                                     "dokumentobjekt"};
    for (const char* name : kCounted) {
      if (c.element == name) return CountOf(scan, name);
    }
    return -1;
  }
  if (!c.file.empty() && extraction.Present(c.file) &&
      (c.element == "registrering" || c.element == "journalpost" ||
       c.element == "journalregistrering")) {
    JournalCount journal = CountJournal(*extraction.Find(c.file));
    return journal.unreadable ? -1 : journal.entries;
  }
  return -1;
}

// The numbers arkivuttrekk.xml states against the files'.
void CompareWithAddml(const Extraction& extraction,
                      const ArkivstrukturScan& scan, const AddmlInfo& addml,
                      std::vector<std::string>* problems,
                      std::vector<std::string>* agreed) {
  for (const AddmlCount& c : addml.counts) {
    int64_t actual = ActualCount(extraction, scan, c);
    if (actual < 0) continue;
    if (actual != c.count) {
      problems->push_back(c.element + " in " + c.file +
                          ": arkivuttrekk.xml says " + std::to_string(c.count) +
                          ", the file has " + std::to_string(actual));
    } else {
      agreed->push_back(c.element + " " + std::to_string(actual) +
                        (c.file == kArkivstruktur ? "" : " in " + c.file));
    }
  }
}

// The journals' journalposts against arkivstruktur.xml's and their own
// stated number.
void CompareJournals(const Extraction& extraction, int64_t journalposts,
                     std::vector<std::string>* problems,
                     std::vector<std::string>* agreed) {
  for (const char* journal_file :
       {"loependeJournal.xml", "offentligJournal.xml"}) {
    if (!extraction.Present(journal_file)) continue;
    JournalCount journal = CountJournal(*extraction.Find(journal_file));
    std::string name = journal_file;
    if (journal.unreadable) {
      problems->push_back(name + ": " + *journal.unreadable);
      continue;
    }
    if (journal.entries != journalposts) {
      problems->push_back(name + " lists " + std::to_string(journal.entries) +
                          " journalposts, arkivstruktur.xml has " +
                          std::to_string(journalposts));
    }
    if (journal.stated && *journal.stated != journal.entries) {
      problems->push_back(name + ": antallJournalposter says " +
                          std::to_string(*journal.stated) + ", it lists " +
                          std::to_string(journal.entries));
    }
    if (journal.entries == journalposts) {
      agreed->push_back(name + " " + std::to_string(journal.entries) +
                        " journalposts");
    }
  }
}

}  // namespace

CheckResult CheckSchema(const Extraction& extraction,
                        const std::optional<ArkivstrukturScan>& scan,
                        const std::filesystem::path& xsd_dir,
                        bool have_schema) {
  const char* kTitle = "arkivstruktur.xml validates against the schema";
  if (!scan) return Skipped("N5.03", kTitle, "no arkivstruktur.xml");
  if (!have_schema) {
    return Skipped("N5.03", kTitle,
                   "no arkivstruktur.xsd in the schema directory (--xsd-dir); "
                   "not validated");
  }
  std::vector<std::string> problems;
  if (scan->unreadable) problems.push_back(*scan->unreadable);
  for (const Deviation& d : scan->invalid) {
    problems.push_back("arkivstruktur.xml line " + std::to_string(d.line) +
                       ": " + d.what);
  }
  std::string detail = "valid against arkivstruktur.xsd";
  std::error_code error;
  std::filesystem::path addml_schema = xsd_dir / "addml.xsd";
  auto addml = extraction.Find(kArkivuttrekk);
  if (addml && std::filesystem::is_regular_file(addml_schema, error)) {
    for (std::string& p : ValidateAgainst(*addml, addml_schema)) {
      problems.push_back(std::move(p));
    }
    detail += "; arkivuttrekk.xml valid against addml.xsd";
  }
  return Result("N5.03", kTitle, problems, detail);
}

CheckResult CheckSystemIds(const Extraction& extraction,
                           const std::optional<ArkivstrukturScan>& scan,
                           DuplicateFinder& ids) {
  const char* kTitle = "every systemID occurs once";
  if (!scan || scan->unreadable) return Skipped("N5.47", kTitle, kMissing);
  std::vector<std::string> problems;
  if (ids.HasCandidates()) {
    ScanArkivstruktur(*extraction.Find(kArkivstruktur), {},
                      [&](std::string_view id) {
                        if (ids.IsRepeat(id)) {
                          problems.push_back("systemID " + std::string(id) +
                                             " occurs more than once");
                        }
                      });
  }
  return Result("N5.47", kTitle, problems,
                std::to_string(scan->system_ids) + " systemIDs, all different");
}

CheckResult CheckCounts(const Extraction& extraction,
                        const std::optional<ArkivstrukturScan>& scan,
                        const Addml& addml) {
  const char* kTitle = "numbers of units and journalposts agree";
  if (!scan || scan->unreadable) return Skipped("N5.59", kTitle, kMissing);
  std::vector<std::string> problems;
  std::vector<std::string> agreed;
  if (addml.info) {
    CompareWithAddml(extraction, *scan, *addml.info, &problems, &agreed);
  }
  CompareJournals(extraction, CountOf(*scan, "journalpost"), &problems,
                  &agreed);
  std::string detail =
      agreed.empty() ? "nothing stated to compare" : "agree: " + Listed(agreed);
  return Result("N5.59", kTitle, problems, detail);
}

}  // namespace depot::noark::self_check
