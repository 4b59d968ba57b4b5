#include "storage/journal/journal_rows.h"

#include "services/common/base64.h"
#include "services/journal/domain/codes.h"
#include "storage/pg_time.h"

namespace depot::storage {
namespace {

using namespace depot::journal;
using Json = nlohmann::json;

std::optional<Date> DayFrom(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return StoredDate(field.as<std::string>());
}

std::optional<Date> DayFrom(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  return StoredDate(value.get<std::string>());
}

std::string TextOrEmpty(const Json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

Screening ScreeningFrom(const Json& j) {
  Screening s;
  s.access_restriction = j.at("ar").get<std::string>();
  s.authority = j.at("au").get<std::string>();
  s.metadata = SplitCodes(j.at("md").get<std::string>());
  s.ends = DayFrom(j.at("ends"));
  return s;
}

Correspondent ToCorrespondent(const Json& j, const JournalEntry& e,
                              const JournalSealer& sealer) {
  Correspondent c;
  c.id = j.at("id").get<int64_t>();
  int position = j.at("pos").get<int>();
  c.name = SealedOrClear(sealer, j.at("ns_name"), j.at("name"),
                         CorrespondentPlace(e.year, e.sequence, position));
  c.kind = ParseCorrespondentKind(j.at("kind").get<std::string>())
               .value_or(CorrespondentKind::kSender);
  c.role = ParsePartyRole(j.at("role").get<std::string>())
               .value_or(PartyRole::kOther);
  c.screening = ScreeningFrom(j);
  c.identity.birth_date_sealed = TextOrEmpty(j.at("bd"));
  c.identity.national_id_sealed = TextOrEmpty(j.at("ns"));
  c.identity.national_id_index = TextOrEmpty(j.at("ni"));
  c.identity.person_index = TextOrEmpty(j.at("pi"));
  c.identity.subject = TextOrEmpty(j.at("sub"));
  return c;
}

Document ToDocument(const Json& j, const JournalEntry& e,
                    const JournalSealer& sealer) {
  Document d;
  d.id = j.at("id").get<int64_t>();
  int position = j.at("pos").get<int>();
  d.description =
      SealedOrClear(sealer, j.at("description_sealed"), j.at("description"),
                    DocumentPlace(e.year, e.sequence, position, "description"));
  d.sha256 = j.at("sha256").get<std::string>();
  if (j.at("ref_sealed").is_string()) {
    auto bytes = Base64Decode(j.at("ref_sealed").get<std::string>());
    if (bytes) {
      d.content_ref = sealer
                          .OpenDocument(*bytes,
                                        DocumentPlace(e.year, e.sequence,
                                                      position, "content_ref"),
                                        TextOrEmpty(j.at("key")))
                          .value_or("");
    }
  } else {
    d.content_ref = TextOrEmpty(j.at("ref"));
  }
  d.size_bytes = j.at("size").get<int64_t>();
  d.role = ParseDocumentRole(j.at("role").get<std::string>())
               .value_or(DocumentRole::kOther);
  d.screening = ScreeningFrom(j);
  if (j.at("disposed_us").is_number()) {
    d.disposal = DisposalRecord{
        d.id, FromMicros(j.at("disposed_us").get<int64_t>()),
        j.at("disposed_by").get<std::string>(),
        j.at("decision").get<std::string>(), j.at("months").get<int>()};
  }
  return d;
}

}  // namespace

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string joined;
  for (const std::string& code : codes) {
    if (!joined.empty()) joined += ',';
    joined += code;
  }
  return joined;
}

std::vector<std::string> SplitCodes(const std::string& joined) {
  std::vector<std::string> codes;
  size_t start = 0;
  while (start < joined.size()) {
    size_t comma = joined.find(',', start);
    if (comma == std::string::npos) comma = joined.size();
    if (comma > start) codes.push_back(joined.substr(start, comma - start));
    start = comma + 1;
  }
  return codes;
}

std::optional<std::string> NullIfEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

std::optional<std::string> DayOrNull(const std::optional<Date>& day) {
  if (!day) return std::nullopt;
  return FormatDate(*day);
}

std::optional<std::string> SealedOrNull(const JournalSealer& sealer,
                                        const std::string& text,
                                        const std::string& place) {
  if (text.empty()) return std::nullopt;
  return sealer.Seal(text, place);
}

std::string SealedOrClear(const JournalSealer& sealer,
                          const pqxx::field& sealed, const pqxx::field& clear,
                          const std::string& place) {
  if (!sealed.is_null()) return sealer.Open(sealed.as<std::string>(), place);
  return clear.is_null() ? std::string() : clear.as<std::string>();
}

std::string SealedOrClear(const JournalSealer& sealer, const Json& sealed,
                          const Json& clear, const std::string& place) {
  if (sealed.is_string()) return sealer.Open(sealed.get<std::string>(), place);
  return TextOrEmpty(clear);
}

Screening ScreeningFrom(const pqxx::row& row, const std::string& prefix) {
  Screening s;
  s.access_restriction = row[prefix + "access_restriction"].as<std::string>();
  s.authority = row[prefix + "screening_authority"].as<std::string>();
  s.metadata = SplitCodes(row[prefix + "screening_metadata"].as<std::string>());
  s.ends = DayFrom(row[prefix + "screening_ends"]);
  return s;
}

JournalCase ToCase(const pqxx::row& row, const JournalSealer& sealer) {
  JournalCase c;
  c.id = row["id"].as<int64_t>();
  c.system_id = row["system_id"].as<std::string>();
  c.year = row["case_year"].as<int>();
  c.sequence = row["case_sequence"].as<int>();
  c.kind = ParseCaseKind(row["kind"].as<std::string>())
               .value_or(CaseKind::kOrdinary);
  c.title = SealedOrClear(sealer, row["title_sealed"], row["title"],
                          CasePlace(c.year, c.sequence, "title"));
  c.public_title =
      SealedOrClear(sealer, row["public_title_sealed"], row["public_title"],
                    CasePlace(c.year, c.sequence, "public_title"));
  c.status = ParseCaseStatus(row["status"].as<std::string>())
                 .value_or(CaseStatus::kOpen);
  c.administrative_unit = row["administrative_unit"].as<std::string>();
  c.case_officer = row["case_officer"].as<std::string>();
  c.screening = ScreeningFrom(row);
  c.created_at = FromMicros(row["created_us"].as<int64_t>());
  c.created_by = row["created_by"].as<std::string>();
  if (!row["closed_us"].is_null()) {
    c.closed_at = FromMicros(row["closed_us"].as<int64_t>());
    c.closed_by = row["closed_by"].as<std::string>();
  }
  c.entry_count = row["last_number_in_case"].as<int>();
  return c;
}

ScreenedWords ToScreenedWords(const pqxx::row& row,
                              const JournalSealer& sealer) {
  ScreenedWords w;
  w.entry_id = row["entry_id"].as<int64_t>();
  std::string words =
      sealer.Open(row["words_sealed"].as<std::string>(),
                  ScreenedWordsPlace(row["journal_year"].as<int>(),
                                     row["journal_sequence"].as<int>(),
                                     row["marking"].as<int>()));
  for (const Json& word : Json::parse(words)) {
    w.words.push_back(word.get<std::string>());
  }
  w.authority = row["authority"].as<std::string>();
  w.screened_at = FromMicros(row["screened_us"].as<int64_t>());
  w.screened_by = row["screened_by"].as<std::string>();
  return w;
}

JournalEntry ToEntry(const pqxx::row& row, const JournalSealer& sealer) {
  JournalEntry e;
  e.id = row["id"].as<int64_t>();
  e.system_id = row["system_id"].as<std::string>();
  e.case_id = row["case_id"].as<int64_t>();
  e.case_year = row["case_year"].as<int>();
  e.case_sequence = row["case_sequence"].as<int>();
  e.year = row["journal_year"].as<int>();
  e.sequence = row["journal_sequence"].as<int>();
  e.number_in_case = row["number_in_case"].as<int>();
  e.type = ParseEntryTypeLetter(row["entry_type"].as<std::string>())
               .value_or(EntryType::kIncoming);
  e.status = ParseEntryStatusLetter(row["status"].as<std::string>())
                 .value_or(EntryStatus::kJournalfoert);
  e.title = SealedOrClear(sealer, row["title_sealed"], row["title"],
                          EntryPlace(e.year, e.sequence, "title"));
  e.public_title =
      SealedOrClear(sealer, row["public_title_sealed"], row["public_title"],
                    EntryPlace(e.year, e.sequence, "public_title"));
  e.document_date = DayFrom(row["document_date"]);
  e.journal_date = StoredDate(row["journal_date"].as<std::string>());
  e.screening = ScreeningFrom(row);
  e.recorded_at = FromMicros(row["recorded_us"].as<int64_t>());
  e.recorded_by = row["recorded_by"].as<std::string>();
  for (const Json& j : Json::parse(row["correspondents"].c_str())) {
    e.correspondents.push_back(ToCorrespondent(j, e, sealer));
  }
  for (const Json& j : Json::parse(row["documents"].c_str())) {
    e.documents.push_back(ToDocument(j, e, sealer));
  }
  return e;
}

std::vector<JournalEntry> ToEntries(const pqxx::result& result,
                                    const JournalSealer& sealer) {
  std::vector<JournalEntry> entries;
  entries.reserve(result.size());
  for (const auto& row : result) entries.push_back(ToEntry(row, sealer));
  return entries;
}

}  // namespace depot::storage
