#include "services/noark/record_mapping.h"

#include <nlohmann/json.hpp>
#include <set>

#include "services/common/national_id.h"
#include "services/noark/document_mapping.h"
#include "services/noark/noark5_reader.h"
#include "services/noark/noark5_text.h"
#include "services/noark/noark_metadata.h"

namespace depot::noark {
namespace {

constexpr size_t kMaxNoarkMetadata = 64 * 1024;
// Characters of a value quoted in a deviation.
constexpr size_t kQuoted = 60;

bool StartsWithIntern(const std::string& role) {
  std::string lower;
  for (char c : role.substr(0, 6)) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower == "intern";
}

struct Person {
  std::string national_id;
  std::string name;
  std::string birth_date;
  std::string name_from;  // for a deviation when it is the title
};

// The identity number the record is filed under: the mappe's first, else
// the first personID of a part, else the first partID that is a valid
// number (partID "may be a fødselsnummer or another identification"). A
// deviation when the mappe names several different valid numbers.
// *id_party: the part it came from, if any.
std::string ChooseNationalId(const Mappe& m, const MappingOptions& options,
                             const Party** id_party, MappedRecord& out) {
  std::string national_id;
  std::set<std::string> distinct;
  auto valid = [&](const std::string& text) -> std::optional<std::string> {
    NationalIdCheck check = CheckNationalId(text, options.today);
    if (!check.id) return std::nullopt;
    return check.id->normalized;
  };
  for (const std::string& id : m.national_ids) {
    if (auto n = valid(id)) distinct.insert(*n);
    if (national_id.empty()) national_id = id;
  }
  for (const Party& p : m.parties) {
    if (!p.person_id.empty()) {
      if (auto n = valid(p.person_id)) distinct.insert(*n);
      if (national_id.empty()) {
        national_id = p.person_id;
        *id_party = &p;
      }
    }
  }
  for (const Party& p : m.parties) {
    if (p.id.empty()) continue;
    if (auto n = valid(p.id)) {
      distinct.insert(*n);
      if (national_id.empty()) {
        national_id = p.id;
        *id_party = &p;
      }
    }
  }
  if (distinct.size() > 1) {
    out.deviations.push_back(
        {m.line, "the mappe names " + std::to_string(distinct.size()) +
                     " different identity numbers; the record is filed "
                     "under the first"});
  }
  return national_id;
}

// The part that names the person: the one the number came from, else the
// first part or sakspart with a name, else the first korrespondansepart
// that is not internal, else any with a name.
const Party* ChooseNamedParty(const Mappe& m, const Party* id_party) {
  if (id_party != nullptr && !id_party->name.empty()) return id_party;
  for (const Party& p : m.parties) {
    if (p.kind != "korrespondansepart" && !p.name.empty()) return &p;
  }
  for (const Party& p : m.parties) {
    if (p.kind == "korrespondansepart" && !p.name.empty() &&
        !StartsWithIntern(p.role)) {
      return &p;
    }
  }
  for (const Party& p : m.parties) {
    if (!p.name.empty()) return &p;
  }
  return nullptr;
}

Person ChoosePerson(const Mappe& m, const MappingOptions& options,
                    MappedRecord& out) {
  Person person;
  const Party* id_party = nullptr;
  person.national_id = ChooseNationalId(m, options, &id_party, out);
  const Party* named = ChooseNamedParty(m, id_party);
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
      out.deviations.push_back({m.line, "birth date " + Quote(b, kQuoted) +
                                            " is not a date; ignored"});
      continue;
    }
    person.birth_date = date;
    break;
  }
  return person;
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
  RecordInput& r = out.record;
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
                                            Quote(m.depot.death_year, kQuoted) +
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
