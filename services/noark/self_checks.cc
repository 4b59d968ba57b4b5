#include "services/noark/self_checks.h"

#include <map>
#include <optional>

#include "services/common/text_check.h"
#include "services/noark/addml.h"
#include "services/noark/duplicate_finder.h"
#include "services/noark/extraction_path.h"
#include "services/noark/file_hash.h"
#include "services/noark/mappe.h"
#include "services/noark/safe_xml_reader.h"

namespace depot::noark {
namespace {

namespace fs = std::filesystem;

constexpr char kArkivstruktur[] = "arkivstruktur.xml";
constexpr char kArkivuttrekk[] = "arkivuttrekk.xml";
constexpr size_t kListed = 10;  // problems named in a detail; the rest counted

// Joins the first kListed problems and says how many more there are.
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

// Characters of a file name quoted in a detail: enough for a path.
constexpr size_t kQuotedName = 120;

std::string PointsOutside(const std::string& name, const char* listed) {
  return QuoteInput(name, kQuotedName) + listed +
         " points outside the extraction (an absolute path, '..' or a "
         "symbolic link leading out of it or to nothing); not read";
}

CheckResult Skipped(const char* id, const char* title, std::string why) {
  return {id, title, CheckOutcome::kSkipped, std::move(why)};
}

// What one streaming pass over arkivstruktur.xml found.
struct Scan {
  std::optional<std::string> unreadable;  // fatal XML error
  std::vector<Deviation> invalid;         // schema findings
  int64_t invalid_count = 0;
  std::map<std::string, int64_t> counts;
  int64_t system_ids = 0;
};

// Calls on_system_id for the text of every systemID element.
Scan ScanArkivstruktur(const fs::path& file, const fs::path& schema,
                       const std::function<void(std::string_view)>& on_id) {
  Scan scan;
  SafeXmlReader::Options options;
  options.schema = schema;
  try {
    SafeXmlReader xml(file, options);
    bool in_id = false;
    std::string id;
    for (auto event = xml.Next(); event != SafeXmlReader::Event::kEndOfDocument;
         event = xml.Next()) {
      if (event == SafeXmlReader::Event::kStart) {
        if (xml.namespace_uri() != kArkivstrukturNamespace) continue;
        std::string name(xml.local_name());
        ++scan.counts[name];
        if (name == "registrering") {
          std::string type = xml.Attribute("type", kXsiNamespace).value_or("");
          if (type == "journalpost" || type.ends_with(":journalpost")) {
            ++scan.counts["journalpost"];
          }
        }
        in_id = name == "systemID";
        id.clear();
      } else if (event == SafeXmlReader::Event::kText) {
        if (in_id) id += xml.text();
      } else if (in_id) {
        in_id = false;
        ++scan.system_ids;
        on_id(id);
      }
      for (Deviation& d : xml.TakeDiagnostics()) {
        scan.invalid.push_back(std::move(d));
      }
    }
    scan.invalid_count = xml.invalid_count();
  } catch (const XmlError& error) {
    scan.unreadable = error.what();
  }
  return scan;
}

// Validates a whole file against a schema: the findings, or why it could
// not be read.
std::vector<std::string> Validate(const fs::path& file,
                                  const fs::path& schema) {
  std::vector<std::string> problems;
  SafeXmlReader::Options options;
  options.schema = schema;
  try {
    SafeXmlReader xml(file, options);
    while (xml.Next() != SafeXmlReader::Event::kEndOfDocument) {
      for (const Deviation& d : xml.TakeDiagnostics()) {
        problems.push_back(file.filename().string() + " line " +
                           std::to_string(d.line) + ": " + d.what);
      }
    }
  } catch (const XmlError& error) {
    problems.push_back(file.filename().string() + ": " + error.what());
  }
  return problems;
}

// The journalposts a loependeJournal.xml or offentligJournal.xml lists and
// the number its journalhode states.
struct JournalCount {
  int64_t entries = 0;
  std::optional<int64_t> stated;
  std::optional<std::string> unreadable;
};

JournalCount CountJournal(const fs::path& file) {
  JournalCount count;
  try {
    SafeXmlReader xml(file, {});
    bool in_stated = false;
    std::string stated;
    for (auto event = xml.Next(); event != SafeXmlReader::Event::kEndOfDocument;
         event = xml.Next()) {
      if (event == SafeXmlReader::Event::kStart) {
        if (xml.local_name() == "journalpost") ++count.entries;
        in_stated = xml.local_name() == "antallJournalposter";
      } else if (event == SafeXmlReader::Event::kText && in_stated) {
        stated += xml.text();
      } else if (event == SafeXmlReader::Event::kEnd && in_stated) {
        in_stated = false;
        try {
          count.stated = std::stoll(stated);
        } catch (const std::exception&) {
        }
      }
    }
  } catch (const XmlError& error) {
    count.unreadable = error.what();
  }
  return count;
}

}  // namespace

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

std::vector<CheckResult> RunSelfChecks(const fs::path& dir,
                                       const fs::path& xsd_dir) {
  std::vector<CheckResult> results;
  std::error_code error;
  // Every file is looked for inside dir only, be it one of the standard
  // names or one arkivuttrekk.xml lists: nothing outside is opened.
  auto find = [&](const std::string& name) -> std::optional<fs::path> {
    auto file = FileInExtraction(dir, name);
    if (file && fs::is_regular_file(*file, error)) return file;
    return std::nullopt;
  };
  auto present = [&](const std::string& name) {
    return find(name).has_value();
  };
  auto outside = [&](const std::string& name) {
    return !FileInExtraction(dir, name).has_value();
  };

  std::optional<AddmlInfo> addml;
  std::string addml_problem;
  if (present(kArkivuttrekk)) {
    try {
      addml = ReadAddml(*find(kArkivuttrekk));
    } catch (const XmlError& e) {
      addml_problem =
          std::string(kArkivuttrekk) + " cannot be read: " + e.what();
    }
  }

  // N5.01
  {
    std::vector<std::string> problems;
    for (const char* name : {kArkivuttrekk, kArkivstruktur}) {
      if (outside(name)) {
        problems.push_back(PointsOutside(name, ""));
      } else if (!present(name)) {
        problems.push_back(std::string(name) + " is missing");
      }
    }
    if (!addml_problem.empty()) problems.push_back(addml_problem);
    int listed = 0;
    if (addml) {
      for (const AddmlFile& f : addml->files) {
        if (outside(f.name)) {
          problems.push_back(
              PointsOutside(f.name, " (listed in arkivuttrekk.xml)"));
          continue;
        }
        if (f.schema) continue;
        ++listed;
        if (f.name != kArkivstruktur && !present(f.name)) {
          problems.push_back(f.name +
                             " (listed in arkivuttrekk.xml) is missing");
        }
      }
    }
    results.push_back(Result("N5.01", "required files are present", problems,
                             "arkivuttrekk.xml and the " +
                                 std::to_string(listed) +
                                 " data files it lists are present"));
  }

  // N5.02
  if (!addml) {
    results.push_back(Skipped("N5.02", "checksums in arkivuttrekk.xml match",
                              "no readable arkivuttrekk.xml"));
  } else {
    std::vector<std::string> problems;
    int checked = 0;
    std::vector<std::string> notes;
    for (const AddmlFile& f : addml->files) {
      if (f.checksum.empty()) {
        if (!f.schema) problems.push_back(f.name + " has no checksum");
        continue;
      }
      std::optional<fs::path> file = find(f.name);
      if (!file) {
        if (f.schema && !outside(f.name)) notes.push_back(f.name);
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
      detail += " (schema files not in the extraction, not checked: " +
                Listed(notes) + ")";
    }
    results.push_back(Result("N5.02", "checksums in arkivuttrekk.xml match",
                             problems, detail));
  }

  // One pass over arkivstruktur.xml for N5.03, N5.47 and N5.59.
  fs::path schema = xsd_dir / "arkivstruktur.xsd";
  bool have_schema = !xsd_dir.empty() && fs::is_regular_file(schema, error);
  DuplicateFinder ids;
  std::optional<Scan> scan;
  if (present(kArkivstruktur)) {
    scan = ScanArkivstruktur(*find(kArkivstruktur),
                             have_schema ? schema : fs::path(),
                             [&](std::string_view id) { ids.FirstPass(id); });
  }

  // N5.03
  const char* kSchemaTitle = "arkivstruktur.xml validates against the schema";
  if (!scan) {
    results.push_back(Skipped("N5.03", kSchemaTitle, "no arkivstruktur.xml"));
  } else if (!have_schema) {
    results.push_back(
        Skipped("N5.03", kSchemaTitle,
                "no arkivstruktur.xsd in the schema directory (--xsd-dir); not "
                "validated"));
  } else {
    std::vector<std::string> problems;
    if (scan->unreadable) problems.push_back(*scan->unreadable);
    for (const Deviation& d : scan->invalid) {
      problems.push_back("arkivstruktur.xml line " + std::to_string(d.line) +
                         ": " + d.what);
    }
    std::string detail = "valid against " + schema.filename().string();
    fs::path addml_schema = xsd_dir / "addml.xsd";
    if (present(kArkivuttrekk) && fs::is_regular_file(addml_schema, error)) {
      for (std::string& p : Validate(*find(kArkivuttrekk), addml_schema)) {
        problems.push_back(std::move(p));
      }
      detail += "; arkivuttrekk.xml valid against addml.xsd";
    }
    results.push_back(Result("N5.03", kSchemaTitle, problems, detail));
  }

  // N5.47
  const char* kIdTitle = "every systemID occurs once";
  if (!scan || scan->unreadable) {
    results.push_back(Skipped("N5.47", kIdTitle,
                              "arkivstruktur.xml is missing or unreadable"));
  } else {
    std::vector<std::string> problems;
    if (ids.HasCandidates()) {
      ScanArkivstruktur(*find(kArkivstruktur), {}, [&](std::string_view id) {
        if (ids.IsRepeat(id)) {
          problems.push_back("systemID " + std::string(id) +
                             " occurs more than once");
        }
      });
    }
    results.push_back(
        Result("N5.47", kIdTitle, problems,
               std::to_string(scan->system_ids) + " systemIDs, all different"));
  }

  // N5.59
  const char* kCountTitle = "numbers of units and journalposts agree";
  if (!scan || scan->unreadable) {
    results.push_back(Skipped("N5.59", kCountTitle,
                              "arkivstruktur.xml is missing or unreadable"));
  } else {
    std::vector<std::string> problems;
    std::vector<std::string> agreed;
    int64_t journalposts = scan->counts["journalpost"];
    if (addml) {
      for (const AddmlCount& c : addml->counts) {
        int64_t actual = -1;
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
            if (c.element == name) actual = scan->counts[name];
          }
        } else if (!c.file.empty() && present(c.file) &&
                   (c.element == "registrering" || c.element == "journalpost" ||
                    c.element == "journalregistrering")) {
          JournalCount journal = CountJournal(*find(c.file));
          actual = journal.unreadable ? -1 : journal.entries;
        }
        if (actual < 0) continue;
        if (actual != c.count) {
          problems.push_back(c.element + " in " + c.file +
                             ": arkivuttrekk.xml says " +
                             std::to_string(c.count) + ", the file has " +
                             std::to_string(actual));
        } else {
          agreed.push_back(c.element + " " + std::to_string(actual) +
                           (c.file == kArkivstruktur ? "" : " in " + c.file));
        }
      }
    }
    for (const char* journal_file :
         {"loependeJournal.xml", "offentligJournal.xml"}) {
      if (!present(journal_file)) continue;
      JournalCount journal = CountJournal(*find(journal_file));
      if (journal.unreadable) {
        problems.push_back(std::string(journal_file) + ": " +
                           *journal.unreadable);
        continue;
      }
      if (journal.entries != journalposts) {
        problems.push_back(std::string(journal_file) + " lists " +
                           std::to_string(journal.entries) +
                           " journalposts, arkivstruktur.xml has " +
                           std::to_string(journalposts));
      }
      if (journal.stated && *journal.stated != journal.entries) {
        problems.push_back(std::string(journal_file) +
                           ": antallJournalposter says " +
                           std::to_string(*journal.stated) + ", it lists " +
                           std::to_string(journal.entries));
      }
      if (journal.entries == journalposts) {
        agreed.push_back(std::string(journal_file) + " " +
                         std::to_string(journal.entries) + " journalposts");
      }
    }
    std::string detail = agreed.empty() ? "nothing stated to compare"
                                        : "agree: " + Listed(agreed);
    results.push_back(Result("N5.59", kCountTitle, problems, detail));
  }
  return results;
}

}  // namespace depot::noark
