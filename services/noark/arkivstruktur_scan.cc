#include "services/noark/arkivstruktur_scan.h"

#include "services/noark/safe_xml_reader.h"

namespace depot::noark {

namespace fs = std::filesystem;

ArkivstrukturScan ScanArkivstruktur(
    const fs::path& file, const fs::path& schema,
    const std::function<void(std::string_view)>& on_id) {
  ArkivstrukturScan scan;
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

std::vector<std::string> ValidateAgainst(const fs::path& file,
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

}  // namespace depot::noark
