#include "services/noark/record_mapping.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "services/common/national_id.h"
#include "services/noark/extraction_path.h"
#include "services/noark/file_hash.h"
#include "services/noark/noark5_reader.h"
#include "services/noark/noark_metadata.h"

namespace depot::noark {
namespace {

constexpr size_t kMaxNoarkMetadata = 64 * 1024;

std::string Quote(std::string_view text) {
  if (text.size() > 60) return "'" + std::string(text.substr(0, 60)) + "...'";
  return "'" + std::string(text) + "'";
}

bool StartsWithIntern(const std::string& role) {
  std::string lower;
  for (char c : role.substr(0, 6)) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower == "intern";
}

bool IsHex64(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

// filstoerrelse should be a number of bytes; older systems write "87 kB".
std::optional<int64_t> ParseSize(const std::string& text, bool* exact) {
  static const std::regex kBytes(R"(\s*([0-9]{1,18})\s*)");
  static const std::regex kUnit(
      R"(\s*([0-9]{1,12})(?:[.,]([0-9]{1,3}))?\s*([kKmMgG]i?)?[bB](?:ytes?)?\s*)");
  std::smatch match;
  if (std::regex_match(text, match, kBytes)) {
    *exact = true;
    return std::stoll(match[1]);
  }
  if (std::regex_match(text, match, kUnit)) {
    *exact = false;
    double value = std::stod(match[1].str() +
                             (match[2].matched ? "." + match[2].str() : ""));
    std::string unit = match[3].matched ? match[3].str() : "";
    bool binary = unit.size() == 2;
    double base = binary ? 1024 : 1000;
    char prefix = unit.empty() ? ' ' : static_cast<char>(std::tolower(unit[0]));
    if (prefix == 'k') value *= base;
    if (prefix == 'm') value *= base * base;
    if (prefix == 'g') value *= base * base * base;
    return static_cast<int64_t>(value);
  }
  return std::nullopt;
}

struct Person {
  std::string national_id;
  std::string name;
  std::string birth_date;
  std::string name_from;  // for a deviation when it is the title
};

Person ChoosePerson(const Mappe& m, const MappingOptions& options,
                    MappedRecord& out) {
  Person person;
  std::set<std::string> distinct;
  auto valid = [&](const std::string& text) -> std::optional<std::string> {
    NationalIdCheck check = CheckNationalId(text, options.today);
    if (!check.id) return std::nullopt;
    return check.id->normalized;
  };
  const Party* id_party = nullptr;
  for (const std::string& id : m.national_ids) {
    if (auto n = valid(id)) distinct.insert(*n);
    if (person.national_id.empty()) person.national_id = id;
  }
  for (const Party& p : m.parties) {
    if (!p.person_id.empty()) {
      if (auto n = valid(p.person_id)) distinct.insert(*n);
      if (person.national_id.empty()) {
        person.national_id = p.person_id;
        id_party = &p;
      }
    }
  }
  // partID "may be a fødselsnummer or another identification": taken only
  // when it is a valid identity number.
  for (const Party& p : m.parties) {
    if (p.id.empty()) continue;
    if (auto n = valid(p.id)) {
      distinct.insert(*n);
      if (person.national_id.empty()) {
        person.national_id = p.id;
        id_party = &p;
      }
    }
  }
  if (distinct.size() > 1) {
    out.deviations.push_back(
        {m.line, "the mappe names " + std::to_string(distinct.size()) +
                     " different identity numbers; the record is filed "
                     "under the first"});
  }

  const Party* named = nullptr;
  if (id_party != nullptr && !id_party->name.empty()) named = id_party;
  for (const Party& p : m.parties) {
    if (named) break;
    if (p.kind != "korrespondansepart" && !p.name.empty()) named = &p;
  }
  for (const Party& p : m.parties) {
    if (named) break;
    if (p.kind == "korrespondansepart" && !p.name.empty() &&
        !StartsWithIntern(p.role)) {
      named = &p;
    }
  }
  for (const Party& p : m.parties) {
    if (named) break;
    if (!p.name.empty()) named = &p;
  }
  if (named != nullptr) {
    person.name = named->name;
    if (person.birth_date.empty()) person.birth_date = named->birth_date;
  } else if (!m.title.empty()) {
    person.name = m.title;
    out.deviations.push_back(
        {m.line,
         "the mappe names no part or korrespondansepart: its title is taken "
         "as the person's name"});
  }

  std::vector<std::string> births;
  if (!m.depot.birth_date.empty()) births.push_back(m.depot.birth_date);
  births.insert(births.end(), m.birth_dates.begin(), m.birth_dates.end());
  if (named != nullptr && !named->birth_date.empty()) {
    births.push_back(named->birth_date);
  }
  for (const std::string& b : births) {
    std::string date = DatePart(b);
    if (date.empty()) {
      out.deviations.push_back(
          {m.line, "birth date " + Quote(b) + " is not a date; ignored"});
      continue;
    }
    person.birth_date = date;
    break;
  }
  return person;
}

void MapDocuments(const Mappe& m, const MappingOptions& options,
                  MappedRecord& out) {
  if (m.document_count > static_cast<int64_t>(m.documents.size())) {
    out.rejection = LocalRejection{
        "documents", "the mappe has " + std::to_string(m.document_count) +
                         " document objects, more than one record takes (" +
                         std::to_string(m.documents.size()) + ")"};
    return;
  }
  for (const DocumentObject& d : m.documents) {
    std::string where =
        " (dokumentobjekt at line " + std::to_string(d.line) + ")";
    if (d.file_reference.empty()) {
      out.rejection =
          LocalRejection{"documents.file_name",
                         "a document has no referanseDokumentfil" + where};
      return;
    }
    DocumentRef ref;
    ref.file_name = d.file_reference;
    std::string algorithm = NormalizedAlgorithm(d.checksum_algorithm);
    std::string given = Lower(d.checksum);
    bool sha256_given = algorithm == "SHA256" && IsHex64(given);
    if (algorithm == "SHA256" && !IsHex64(given)) {
      out.deviations.push_back(
          {d.line, "sjekksum " + Quote(d.checksum) +
                       " is not a SHA-256 (64 hex digits)"});
    }
    bool size_exact = false;
    std::optional<int64_t> size = ParseSize(d.size_text, &size_exact);

    std::optional<std::filesystem::path> file;
    bool present = false;
    if (options.verify_files && !options.extraction_dir.empty()) {
      file = FileInExtraction(options.extraction_dir, d.file_reference);
      if (!file) {
        out.deviations.push_back(
            {d.line, "referanseDokumentfil " + Quote(d.file_reference) +
                         " points outside the extraction; not read"});
      } else {
        std::error_code error;
        present = std::filesystem::is_regular_file(*file, error);
      }
    }
    if (present) {
      std::optional<std::string> actual = Sha256OfFile(*file);
      if (!actual) {
        out.rejection = LocalRejection{
            "documents.sha256",
            "document file " + Quote(d.file_reference) + " cannot be read"};
        return;
      }
      if (sha256_given && *actual != given) {
        out.rejection = LocalRejection{
            "documents.sha256",
            "document file " + Quote(d.file_reference) +
                " does not match its sjekksum (SHA-256 of the file " +
                "differs)" + where};
        return;
      }
      if (!sha256_given) {
        out.deviations.push_back(
            {d.line,
             "document " + Quote(d.file_reference) + " has a " +
                 (d.checksum_algorithm.empty() ? std::string("missing")
                                               : Quote(d.checksum_algorithm)) +
                 " checksum; its SHA-256 was computed from the file "
                 "(the given checksum is not verified)"});
      }
      ref.sha256 = *actual;
      std::error_code error;
      ref.size_bytes =
          static_cast<int64_t>(std::filesystem::file_size(*file, error));
      if (size && size_exact && *size != ref.size_bytes) {
        out.deviations.push_back(
            {d.line, "filstoerrelse " + Quote(d.size_text) + " of " +
                         Quote(d.file_reference) + " differs from the file (" +
                         std::to_string(ref.size_bytes) + " bytes)"});
      }
    } else {
      if (options.verify_files && !options.extraction_dir.empty() && file) {
        ++out.missing_files;
      }
      if (!sha256_given) {
        out.rejection = LocalRejection{
            "documents.sha256",
            "document " + Quote(d.file_reference) +
                " has no SHA-256 sjekksum and its file is not in the "
                "extraction, so its checksum cannot be established" +
                where};
        return;
      }
      ref.sha256 = given;
      if (size) ref.size_bytes = *size;
      if (!size || !size_exact) {
        out.deviations.push_back(
            {d.line, "filstoerrelse " + Quote(d.size_text) +
                         " is not a number of bytes; taken as " +
                         std::to_string(ref.size_bytes)});
      }
    }
    out.record.documents.push_back(std::move(ref));
  }
}

std::string MetadataFor(const Mappe& m, const MappingOptions& options,
                        MappedRecord& out) {
  if (!m.depot.noark_metadata.empty()) {
    // depot's own export: the metadata as it was deposited.
    auto parsed = nlohmann::json::parse(m.depot.noark_metadata, nullptr, false);
    if (parsed.is_object() &&
        m.depot.noark_metadata.size() <= kMaxNoarkMetadata) {
      return m.depot.noark_metadata;
    }
    out.deviations.push_back(
        {m.line,
         "depot noarkMetadata is not a JSON object of at most 64 "
         "KiB; rebuilt from the Noark elements"});
  }
  std::string json = NoarkMetadataJson(m, options.noark_version);
  if (json.size() <= kMaxNoarkMetadata) return json;
  // Keep what fits: the mappe's own screening and disposal come first.
  Mappe trimmed = m;
  if (trimmed.screening.size() > 10) trimmed.screening.resize(10);
  if (trimmed.disposal.size() > 10) trimmed.disposal.resize(10);
  if (trimmed.title.size() > 1000) trimmed.title.resize(1000);
  if (trimmed.public_title.size() > 1000) trimmed.public_title.resize(1000);
  json = NoarkMetadataJson(trimmed, options.noark_version);
  out.deviations.push_back(
      {m.line,
       "the mappe's Noark metadata is larger than 64 KiB; only the "
       "first 10 screenings and disposals are kept"});
  if (json.size() > kMaxNoarkMetadata) json = "{}";
  return json;
}

}  // namespace

MappedRecord MapMappe(const Mappe& m, const MappingOptions& options) {
  MappedRecord out;
  RecordFields& r = out.record;
  r.position = m.position;
  r.source_record_id =
      m.depot.source_record_id.empty() ? m.system_id : m.depot.source_record_id;
  if (m.oversized) {
    out.rejection = LocalRejection{
        "noark_metadata",
        "the mappe holds more metadata than one record takes (see the "
        "deviation at line " +
            std::to_string(m.line) + ")"};
    return out;
  }
  if (r.source_record_id.empty()) {
    out.rejection =
        LocalRejection{"source_record_id", "the mappe has no systemID"};
    return out;
  }
  Person person = ChoosePerson(m, options, out);
  r.person_name = person.name;
  r.national_id = person.national_id;
  r.birth_date = person.birth_date;
  if (r.person_name.empty()) {
    out.rejection = LocalRejection{
        "person_name",
        "no name for the person (no part, korrespondansepart or title)"};
    return out;
  }
  if (r.national_id.empty() && r.birth_date.empty()) {
    out.rejection = LocalRejection{"national_id", kNoIdentityReason};
    return out;
  }
  r.opened_date = m.opened_date;
  if (r.opened_date.empty()) {
    out.rejection = LocalRejection{
        "opened_date", "the mappe has no opprettetDato that is a date"};
    return out;
  }
  r.last_contact_date = m.latest_date;
  if (!m.depot.death_year.empty()) {
    try {
      r.death_year = std::stoi(m.depot.death_year);
    } catch (const std::exception&) {
      out.deviations.push_back({m.line, "deathYear " +
                                            Quote(m.depot.death_year) +
                                            " is not a year; ignored"});
    }
  }
  r.box = m.depot.box;
  r.shelf = m.depot.shelf;
  MapDocuments(m, options, out);
  if (out.rejection) return out;
  r.noark_metadata = MetadataFor(m, options, out);
  return out;
}

}  // namespace depot::noark
