#include "storage/journal/pg_journal_store.h"

#include <nlohmann/json.hpp>

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/codes.h"
#include "storage/audit_writer.h"
#include "storage/pg_time.h"
#include "storage/subject_audit.h"

namespace depot::storage {
namespace {

using namespace depot::journal;
using Json = nlohmann::json;

constexpr char kNextCaseSequence[] = "journal_next_case_sequence";
constexpr char kNextEntrySequence[] = "journal_next_entry_sequence";
constexpr char kInsertCase[] = "journal_insert_case";
constexpr char kFindCase[] = "journal_find_case";
constexpr char kFindCaseForUpdate[] = "journal_find_case_for_update";
constexpr char kFindCaseById[] = "journal_find_case_by_id";
constexpr char kCloseCase[] = "journal_close_case";
constexpr char kNextNumberInCase[] = "journal_next_number_in_case";
constexpr char kInsertEntry[] = "journal_insert_entry";
constexpr char kInsertCorrespondent[] = "journal_insert_correspondent";
constexpr char kInsertDocument[] = "journal_insert_document";
constexpr char kFindEntry[] = "journal_find_entry";
constexpr char kEntryContent[] = "journal_entry_content";
constexpr char kEntriesOfCase[] = "journal_entries_of_case";
constexpr char kInsertRelease[] = "journal_insert_release";
constexpr char kCaseParties[] = "journal_case_parties";
constexpr char kCaseReleases[] = "journal_case_releases";
constexpr char kCountEntries[] = "journal_count_entries";
constexpr char kFirstPage[] = "journal_first_page";
constexpr char kNextPage[] = "journal_next_page";
constexpr char kEntryBound[] = "journal_entry_bound";
constexpr char kDisposalCandidates[] = "journal_disposal_candidates";
constexpr char kClearContent[] = "journal_clear_content";
constexpr char kInsertDisposal[] = "journal_insert_disposal";
constexpr char kLoadSettings[] = "journal_load_settings";
constexpr char kEntriesOfIdentity[] = "journal_entries_of_identity";
constexpr char kCountNameOnly[] = "journal_count_name_only";
constexpr char kSaveSettings[] = "journal_save_settings";

std::string Micros(const char* column) {
  return std::string("(extract(epoch FROM ") + column + ") * 1000000)::bigint";
}

const std::string kCaseColumns =
    "c.id, c.system_id::text AS system_id, c.case_year, c.case_sequence, "
    "c.kind, c.title, c.public_title, c.status, c.administrative_unit, "
    "c.case_officer, c.access_restriction, c.screening_authority, "
    "c.screening_metadata, c.screening_ends::text AS screening_ends, " +
    Micros("c.created_at") + " AS created_us, c.created_by, " +
    Micros("c.closed_at") + " AS closed_us, c.closed_by, " +
    "c.last_number_in_case";

const std::string kEntryQuery =
    "SELECT e.id, e.system_id::text AS system_id, e.case_id, c.case_year, "
    "c.case_sequence, e.journal_year, e.journal_sequence, e.number_in_case, "
    "e.entry_type, e.status, e.title, e.public_title, "
    "e.document_date::text AS document_date, "
    "e.journal_date::text AS journal_date, e.access_restriction, "
    "e.screening_authority, e.screening_metadata, "
    "e.screening_ends::text AS screening_ends, " +
    Micros("e.recorded_at") +
    " AS recorded_us, e.recorded_by, "
    "(SELECT coalesce(json_agg(json_build_object('id', k.id, 'name', "
    "k.name, 'kind', k.kind, 'role', k.role, 'ar', k.access_restriction, "
    "'au', k.screening_authority, 'md', k.screening_metadata, 'ends', "
    "k.screening_ends::text, 'bd', k.birth_date_sealed, 'ns', "
    "k.national_id_sealed, 'ni', k.national_id_index, 'pi', k.person_index, "
    "'sub', k.subject) ORDER BY k.position), '[]') "
    "FROM journal.correspondents k WHERE k.entry_id = e.id) "
    "AS correspondents, "
    "(SELECT coalesce(json_agg(json_build_object('id', d.id, 'description', "
    "d.description, 'sha256', d.sha256, 'ref', coalesce(d.content_ref, ''), "
    "'size', d.size_bytes, 'role', d.role, 'ar', d.access_restriction, "
    "'au', d.screening_authority, 'md', d.screening_metadata, 'ends', "
    "d.screening_ends::text, 'disposed_us', " +
    Micros("x.disposed_at") +
    ", 'disposed_by', x.disposed_by, 'decision', x.decision, 'months', "
    "x.retention_months) ORDER BY d.position), '[]') "
    "FROM journal.documents d LEFT JOIN journal.disposals x "
    "ON x.document_id = d.id WHERE d.entry_id = e.id) AS documents "
    "FROM journal.entries e JOIN journal.cases c ON c.id = e.case_id ";

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

std::optional<Day> DayOrNull(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return StoredDate(field.as<std::string>());
}

// A JSON string, or "" for null.
std::string TextOrEmpty(const Json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// A nullable text parameter: NULL for "".
const char* NullIfEmpty(const std::string& text) {
  return text.empty() ? nullptr : text.c_str();
}

std::optional<Day> DayOrNull(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  return StoredDate(value.get<std::string>());
}

// A nullable date parameter: its text or NULL.
struct DayParam {
  explicit DayParam(const std::optional<Day>& day)
      : text(day ? FormatDay(*day) : ""), present(day.has_value()) {}
  const char* get() const { return present ? text.c_str() : nullptr; }
  std::string text;
  bool present;
};

Screening ScreeningFrom(const pqxx::row& row, const std::string& prefix = "") {
  Screening s;
  s.access_restriction = row[prefix + "access_restriction"].as<std::string>();
  s.authority = row[prefix + "screening_authority"].as<std::string>();
  s.metadata = SplitCodes(row[prefix + "screening_metadata"].as<std::string>());
  s.ends = DayOrNull(row[prefix + "screening_ends"]);
  return s;
}

Screening ScreeningFrom(const Json& j) {
  Screening s;
  s.access_restriction = j.at("ar").get<std::string>();
  s.authority = j.at("au").get<std::string>();
  s.metadata = SplitCodes(j.at("md").get<std::string>());
  s.ends = DayOrNull(j.at("ends"));
  return s;
}

JournalCase ToCase(const pqxx::row& row) {
  JournalCase c;
  c.id = row["id"].as<int64_t>();
  c.system_id = row["system_id"].as<std::string>();
  c.year = row["case_year"].as<int>();
  c.sequence = row["case_sequence"].as<int>();
  c.kind = ParseCaseKind(row["kind"].as<std::string>())
               .value_or(CaseKind::kOrdinary);
  c.title = row["title"].as<std::string>();
  c.public_title = row["public_title"].as<std::string>();
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

JournalEntry ToEntry(const pqxx::row& row) {
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
  e.title = row["title"].as<std::string>();
  e.public_title = row["public_title"].as<std::string>();
  e.document_date = DayOrNull(row["document_date"]);
  e.journal_date = StoredDate(row["journal_date"].as<std::string>());
  e.screening = ScreeningFrom(row);
  e.recorded_at = FromMicros(row["recorded_us"].as<int64_t>());
  e.recorded_by = row["recorded_by"].as<std::string>();
  for (const Json& j : Json::parse(row["correspondents"].c_str())) {
    Correspondent c;
    c.id = j.at("id").get<int64_t>();
    c.name = j.at("name").get<std::string>();
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
    e.correspondents.push_back(std::move(c));
  }
  for (const Json& j : Json::parse(row["documents"].c_str())) {
    Document d;
    d.id = j.at("id").get<int64_t>();
    d.description = j.at("description").get<std::string>();
    d.sha256 = j.at("sha256").get<std::string>();
    d.content_ref = j.at("ref").get<std::string>();
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
    e.documents.push_back(std::move(d));
  }
  return e;
}

class PgJournalTransaction : public JournalTransaction {
 public:
  explicit PgJournalTransaction(pqxx::dbtransaction& tx) : tx_(tx) {}

  int NextCaseSequence(int year) override {
    return tx_.exec_prepared1(kNextCaseSequence, year)[0].as<int>();
  }

  JournalCase InsertCase(const JournalCase& c) override {
    DayParam ends(c.screening.ends);
    auto row = tx_.exec_prepared1(
        kInsertCase, c.year, c.sequence, CaseKindName(c.kind), c.title,
        c.public_title, c.administrative_unit, c.case_officer,
        c.screening.access_restriction, c.screening.authority,
        JoinCodes(c.screening.metadata), ends.get(), c.created_by);
    return ToCase(row);
  }

  std::optional<JournalCase> FindCase(int year, int sequence,
                                      bool for_update) override {
    auto result = tx_.exec_prepared(for_update ? kFindCaseForUpdate : kFindCase,
                                    year, sequence);
    if (result.empty()) return std::nullopt;
    return ToCase(result[0]);
  }

  void MarkCaseClosed(int64_t case_id, TimePoint closed_at,
                      const std::string& closed_by) override {
    tx_.exec_prepared(kCloseCase, case_id, ToMicros(closed_at), closed_by);
  }

  int NextEntrySequence(int year) override {
    return tx_.exec_prepared1(kNextEntrySequence, year)[0].as<int>();
  }

  int NextNumberInCase(int64_t case_id) override {
    return tx_.exec_prepared1(kNextNumberInCase, case_id)[0].as<int>();
  }

  JournalEntry InsertEntry(const JournalEntry& entry) override {
    JournalEntry e = entry;
    DayParam document_date(e.document_date);
    DayParam ends(e.screening.ends);
    auto row = tx_.exec_prepared1(
        kInsertEntry, e.case_id, e.year, e.sequence, e.number_in_case,
        std::string(1, EntryTypeLetter(e.type)),
        std::string(1, EntryStatusLetter(e.status)), e.title, e.public_title,
        document_date.get(), FormatDay(e.journal_date),
        e.screening.access_restriction, e.screening.authority,
        JoinCodes(e.screening.metadata), ends.get(), e.recorded_by);
    e.id = row["id"].as<int64_t>();
    e.system_id = row["system_id"].as<std::string>();
    e.recorded_at = FromMicros(row["recorded_us"].as<int64_t>());
    for (size_t i = 0; i < e.correspondents.size(); ++i) {
      Correspondent& c = e.correspondents[i];
      DayParam c_ends(c.screening.ends);
      const SealedIdentity& id = c.identity;
      c.id = tx_.exec_prepared1(
                    kInsertCorrespondent, e.id, static_cast<int>(i), c.name,
                    CorrespondentKindName(c.kind), PartyRoleName(c.role),
                    c.screening.access_restriction, c.screening.authority,
                    JoinCodes(c.screening.metadata), c_ends.get(),
                    NullIfEmpty(id.birth_date_sealed),
                    NullIfEmpty(id.national_id_sealed),
                    NullIfEmpty(id.national_id_index),
                    NullIfEmpty(id.person_index), NullIfEmpty(id.subject),
                    FoldName(c.name))[0]
                 .as<int64_t>();
    }
    for (size_t i = 0; i < e.documents.size(); ++i) {
      Document& d = e.documents[i];
      DayParam d_ends(d.screening.ends);
      pqxx::binarystring content(d.content ? *d.content : std::string());
      d.id = tx_.exec_prepared1(
                    kInsertDocument, e.id, static_cast<int>(i), d.description,
                    d.sha256, content, d.content.has_value(),
                    d.content_ref.empty() ? nullptr : d.content_ref.c_str(),
                    d.size_bytes, DocumentRoleName(d.role),
                    d.screening.access_restriction, d.screening.authority,
                    JoinCodes(d.screening.metadata), d_ends.get())[0]
                 .as<int64_t>();
    }
    return e;
  }

  std::optional<JournalEntry> FindEntry(int year, int sequence,
                                        bool with_content) override {
    auto result = tx_.exec_prepared(kFindEntry, year, sequence);
    if (result.empty()) return std::nullopt;
    JournalEntry entry = ToEntry(result[0]);
    if (with_content) {
      for (const auto& row : tx_.exec_prepared(kEntryContent, entry.id)) {
        int64_t id = row["id"].as<int64_t>();
        for (Document& d : entry.documents) {
          if (d.id == id) d.content = pqxx::binarystring(row["content"]).str();
        }
      }
    }
    return entry;
  }

  std::vector<JournalEntry> EntriesOfCase(int64_t case_id) override {
    std::vector<JournalEntry> entries;
    for (const auto& row : tx_.exec_prepared(kEntriesOfCase, case_id)) {
      entries.push_back(ToEntry(row));
    }
    return entries;
  }

  std::vector<JournalEntry> EntriesOfIdentity(
      const std::string& national_id_index,
      const std::string& person_index) override {
    std::vector<JournalEntry> entries;
    for (const auto& row :
         tx_.exec_prepared(kEntriesOfIdentity, NullIfEmpty(national_id_index),
                           NullIfEmpty(person_index))) {
      entries.push_back(ToEntry(row));
    }
    return entries;
  }

  int64_t CountNameOnlyCorrespondents(const std::string& folded_name) override {
    return tx_.exec_prepared1(kCountNameOnly, folded_name)[0].as<int64_t>();
  }

  void InsertRelease(const NameRelease& r) override {
    try {
      pqxx::subtransaction guard(tx_, "insert_release");
      guard.exec_prepared(kInsertRelease, r.case_id, r.folded_name, r.reason,
                          ToMicros(r.released_at), r.released_by);
      guard.commit();
    } catch (const pqxx::unique_violation&) {
      throw AlreadyExists(
          "that applicant's name is released in the case "
          "already");
    }
  }

  CaseParties LoadCaseParties(int64_t case_id) override {
    CaseParties parties;
    auto found = tx_.exec_prepared(kFindCaseById, case_id);
    if (found.empty()) {
      throw NotFound("no case with id " + std::to_string(case_id));
    }
    parties.journal_case = ToCase(found[0]);
    for (const auto& row : tx_.exec_prepared(kCaseParties, case_id)) {
      CaseParties::Party party;
      Correspondent& c = party.correspondent;
      c.id = row["id"].as<int64_t>();
      c.name = row["name"].as<std::string>();
      c.kind = ParseCorrespondentKind(row["kind"].as<std::string>())
                   .value_or(CorrespondentKind::kSender);
      c.role = ParsePartyRole(row["role"].as<std::string>())
                   .value_or(PartyRole::kOther);
      c.screening = ScreeningFrom(row);
      party.entry_screening = ScreeningFrom(row, "e_");
      parties.parties.push_back(std::move(party));
    }
    for (const auto& row : tx_.exec_prepared(kCaseReleases, case_id)) {
      parties.released_names.push_back(row[0].as<std::string>());
    }
    return parties;
  }

  int64_t CountEntries(Day from, Day to) override {
    return tx_.exec_prepared1(kCountEntries, FormatDay(from), FormatDay(to))[0]
        .as<int64_t>();
  }

  EntryBound CurrentEntryBound(Day from, Day to) override {
    EntryBound bound;
    for (const auto& row :
         tx_.exec_prepared(kEntryBound, static_cast<int>(from.year()),
                           static_cast<int>(to.year()))) {
      bound.last_sequence[row[0].as<int>()] = row[1].as<int>();
    }
    return bound;
  }

  std::vector<JournalEntry> EntriesPage(Day from, Day to,
                                        const std::optional<EntryKey>& after,
                                        int limit,
                                        const EntryBound& bound) override {
    std::string years = "{", lasts = "{";
    for (const auto& [year, last] : bound.last_sequence) {
      const char* comma = years.size() > 1 ? "," : "";
      years += comma + std::to_string(year);
      lasts += comma + std::to_string(last);
    }
    years += "}", lasts += "}";
    pqxx::result result =
        after ? tx_.exec_prepared(kNextPage, FormatDay(from), FormatDay(to),
                                  FormatDay(after->journal_date), after->year,
                                  after->sequence, limit, years, lasts)
              : tx_.exec_prepared(kFirstPage, FormatDay(from), FormatDay(to),
                                  limit, years, lasts);
    std::vector<JournalEntry> entries;
    entries.reserve(result.size());
    for (const auto& row : result) entries.push_back(ToEntry(row));
    return entries;
  }

  std::vector<DisposalCandidate> DisposalCandidates() override {
    std::vector<DisposalCandidate> candidates;
    for (const auto& row : tx_.exec_prepared(kDisposalCandidates)) {
      DisposalCandidate c;
      c.document_id = row["id"].as<int64_t>();
      c.description = row["description"].as<std::string>();
      char number[32];
      std::snprintf(number, sizeof(number), "%d/%06d",
                    row["journal_year"].as<int>(),
                    row["journal_sequence"].as<int>());
      c.journal_number = number;
      c.case_number = std::to_string(row["case_year"].as<int>()) + "/" +
                      std::to_string(row["case_sequence"].as<int>());
      c.case_kind = ParseCaseKind(row["kind"].as<std::string>())
                        .value_or(CaseKind::kOrdinary);
      c.case_closed_at = FromMicros(row["closed_us"].as<int64_t>());
      for (const Json& applicant : Json::parse(row["applicants"].c_str())) {
        c.applicant_names.push_back(applicant.at(0).get<std::string>());
        c.applicant_subjects.push_back(applicant.at(1).get<std::string>());
      }
      candidates.push_back(std::move(c));
    }
    return candidates;
  }

  void RecordDisposal(const DisposalRecord& d) override {
    tx_.exec_prepared(kClearContent, d.document_id);
    tx_.exec_prepared(kInsertDisposal, d.document_id, ToMicros(d.disposed_at),
                      d.disposed_by, d.decision, d.retention_months);
  }

  JournalSettings LoadSettings() override {
    auto row = tx_.exec_prepared1(kLoadSettings);
    JournalSettings s;
    s.archive_creator_id = row["archive_creator_id"].as<std::string>();
    s.archive_creator_name = row["archive_creator_name"].as<std::string>();
    s.application_retention_months =
        row["application_retention_months"].as<int>();
    s.updated_at = FromMicros(row["updated_us"].as<int64_t>());
    s.updated_by = row["updated_by"].as<std::string>();
    return s;
  }

  void SaveSettings(const JournalSettings& s) override {
    tx_.exec_prepared(kSaveSettings, s.archive_creator_id,
                      s.archive_creator_name, s.application_retention_months,
                      ToMicros(s.updated_at), s.updated_by);
  }

  void Audit(const AuditEvent& event) override {
    AppendAuditEvent(tx_, "journal", event);
  }

  std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) override {
    return storage::AuditEventsAbout(tx_, "journal", pseudonyms);
  }

 private:
  pqxx::dbtransaction& tx_;
};

}  // namespace

PgJournalStore::PgJournalStore(ConnectionPool& pool) : pool_(pool) {
  const std::string case_select =
      "SELECT " + kCaseColumns + " FROM journal.cases c ";
  const std::string to_timestamp = "to_timestamp($%d::double precision / 1e6)";
  auto at = [&](int n) {
    char text[64];
    std::snprintf(text, sizeof(text), to_timestamp.c_str(), n);
    return std::string(text);
  };
  pool_.Prepare(kNextCaseSequence,
                "INSERT INTO journal.case_counters AS k (year, last_sequence) "
                "VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET "
                "last_sequence = k.last_sequence + 1 RETURNING last_sequence");
  pool_.Prepare(kNextEntrySequence,
                "INSERT INTO journal.entry_counters AS k (year, last_sequence) "
                "VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET "
                "last_sequence = k.last_sequence + 1 RETURNING last_sequence");
  pool_.Prepare(
      kInsertCase,
      "WITH c AS (INSERT INTO journal.cases (case_year, case_sequence, kind, "
      "title, public_title, administrative_unit, case_officer, "
      "access_restriction, screening_authority, screening_metadata, "
      "screening_ends, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9, $10, $11::date, $12) RETURNING *) SELECT " +
          kCaseColumns + " FROM c");
  pool_.Prepare(
      kFindCase,
      case_select + "WHERE c.case_year = $1 AND c.case_sequence = $2");
  pool_.Prepare(
      kFindCaseForUpdate,
      case_select +
          "WHERE c.case_year = $1 AND c.case_sequence = $2 FOR UPDATE");
  pool_.Prepare(kFindCaseById, case_select + "WHERE c.id = $1");
  pool_.Prepare(kCloseCase,
                "UPDATE journal.cases SET status = 'closed', "
                "closed_at = " +
                    at(2) + ", closed_by = $3 WHERE id = $1");
  pool_.Prepare(kNextNumberInCase,
                "UPDATE journal.cases SET last_number_in_case = "
                "last_number_in_case + 1 WHERE id = $1 RETURNING "
                "last_number_in_case");
  pool_.Prepare(
      kInsertEntry,
      "INSERT INTO journal.entries (case_id, journal_year, journal_sequence, "
      "number_in_case, entry_type, status, title, public_title, "
      "document_date, journal_date, access_restriction, screening_authority, "
      "screening_metadata, screening_ends, recorded_by) VALUES ($1, $2, $3, "
      "$4, $5, $6, $7, $8, $9::date, $10::date, $11, $12, $13, $14::date, "
      "$15) RETURNING id, system_id::text AS system_id, " +
          Micros("recorded_at") + " AS recorded_us");
  pool_.Prepare(kInsertCorrespondent,
                "INSERT INTO journal.correspondents (entry_id, position, name, "
                "kind, role, access_restriction, screening_authority, "
                "screening_metadata, screening_ends, birth_date_sealed, "
                "national_id_sealed, national_id_index, person_index, "
                "subject, folded_name) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                "$8, $9::date, $10, $11, $12, $13, $14, $15) RETURNING id");
  pool_.Prepare(
      kInsertDocument,
      "INSERT INTO journal.documents (entry_id, position, description, "
      "sha256, content, content_ref, size_bytes, role, access_restriction, "
      "screening_authority, screening_metadata, screening_ends) VALUES ($1, "
      "$2, $3, $4, CASE WHEN $6::boolean THEN $5::bytea END, $7, $8, $9, $10, "
      "$11, $12, $13::date) RETURNING id");
  pool_.Prepare(
      kFindEntry,
      kEntryQuery + "WHERE e.journal_year = $1 AND e.journal_sequence = $2");
  // Issue 7: the entries where a person (by keyed index) is a
  // correspondent; each arm uses its partial index.
  pool_.Prepare(kEntriesOfIdentity,
                kEntryQuery +
                    "WHERE e.id IN (SELECT m.entry_id FROM "
                    "journal.correspondents m WHERE m.national_id_index = $1 "
                    "UNION SELECT m.entry_id FROM journal.correspondents m "
                    "WHERE m.person_index = $2) ORDER BY e.journal_year, "
                    "e.journal_sequence");
  pool_.Prepare(kCountNameOnly,
                "SELECT count(*) FROM journal.correspondents WHERE "
                "folded_name = $1 AND person_index IS NULL");
  pool_.Prepare(kEntryContent,
                "SELECT id, content FROM journal.documents WHERE entry_id = "
                "$1 AND content IS NOT NULL");
  pool_.Prepare(kEntriesOfCase,
                kEntryQuery + "WHERE e.case_id = $1 ORDER BY e.number_in_case");
  pool_.Prepare(kInsertRelease,
                "INSERT INTO journal.name_releases (case_id, canonical_name, "
                "reason, released_at, released_by) VALUES ($1, $2, $3, " +
                    at(4) + ", $5)");
  pool_.Prepare(
      kCaseParties,
      "SELECT k.id, k.name, k.kind, k.role, k.access_restriction, "
      "k.screening_authority, k.screening_metadata, "
      "k.screening_ends::text AS screening_ends, "
      "e.access_restriction AS e_access_restriction, "
      "e.screening_authority AS e_screening_authority, "
      "e.screening_metadata AS e_screening_metadata, "
      "e.screening_ends::text AS e_screening_ends "
      "FROM journal.correspondents k JOIN journal.entries e ON e.id = "
      "k.entry_id WHERE e.case_id = $1 ORDER BY e.number_in_case, k.position");
  pool_.Prepare(kCaseReleases,
                "SELECT canonical_name FROM journal.name_releases WHERE "
                "case_id = $1 ORDER BY id");
  pool_.Prepare(kCountEntries,
                "SELECT count(*) FROM journal.entries WHERE journal_date "
                "BETWEEN $1::date AND $2::date");
  pool_.Prepare(kEntryBound,
                "SELECT year, last_sequence FROM journal.entry_counters "
                "WHERE year BETWEEN $1 AND $2");
  const std::string order =
      " ORDER BY e.journal_date, e.journal_year, e.journal_sequence";
  // Within an EntryBound given as arrays of years and their last sequences
  // ($n and $n+1): entries of a year it lacks compare with NULL.
  auto within_bound = [](int n) {
    return " AND e.journal_sequence <= (SELECT b.last_sequence FROM unnest($" +
           std::to_string(n) + "::int[], $" + std::to_string(n + 1) +
           "::int[]) AS b(journal_year, last_sequence) "
           "WHERE b.journal_year = e.journal_year)";
  };
  pool_.Prepare(kFirstPage, kEntryQuery +
                                "WHERE e.journal_date BETWEEN $1::date AND "
                                "$2::date" +
                                within_bound(4) + order + " LIMIT $3");
  pool_.Prepare(kNextPage,
                kEntryQuery +
                    "WHERE e.journal_date <= $2::date AND (e.journal_date, "
                    "e.journal_year, e.journal_sequence) > ($3::date, $4, $5) "
                    "AND e.journal_date >= $1::date" +
                    within_bound(7) + order + " LIMIT $6");
  // Documents still holding content or a reference: a disposal clears
  // both, which a concurrent run re-checks on the locked row.
  pool_.Prepare(
      kDisposalCandidates,
      "SELECT d.id, d.description, e.journal_year, e.journal_sequence, "
      "c.case_year, c.case_sequence, c.kind, " +
          Micros("c.closed_at") +
          " AS closed_us, (SELECT coalesce(json_agg(json_build_array(k.name, "
          "coalesce(k.subject, '')) ORDER BY k.position), '[]') FROM "
          "journal.correspondents k WHERE k.entry_id "
          "= e.id AND k.role = 'applicant') AS applicants "
          "FROM journal.documents d JOIN journal.entries e ON e.id = "
          "d.entry_id JOIN journal.cases c ON c.id = e.case_id "
          "WHERE d.role = 'application' AND c.status = 'closed' "
          "AND (d.content IS NOT NULL OR d.content_ref IS NOT NULL) "
          "AND NOT EXISTS (SELECT 1 FROM journal.disposals x WHERE "
          "x.document_id = d.id) ORDER BY d.id FOR UPDATE OF d");
  pool_.Prepare(kClearContent,
                "UPDATE journal.documents SET content = NULL, content_ref = "
                "NULL WHERE id = $1");
  pool_.Prepare(kInsertDisposal,
                "INSERT INTO journal.disposals (document_id, disposed_at, "
                "disposed_by, decision, retention_months) VALUES ($1, " +
                    at(2) + ", $3, $4, $5)");
  pool_.Prepare(kLoadSettings,
                "SELECT archive_creator_id, archive_creator_name, "
                "application_retention_months, " +
                    Micros("updated_at") +
                    " AS updated_us, updated_by FROM journal.settings");
  pool_.Prepare(kSaveSettings,
                "UPDATE journal.settings SET archive_creator_id = $1, "
                "archive_creator_name = $2, application_retention_months = "
                "$3, updated_at = " +
                    at(4) + ", updated_by = $5");
}

void PgJournalStore::Run(
    const std::function<void(journal::JournalTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgJournalTransaction transaction(tx);
    work(transaction);
  });
}

void PgJournalStore::RunSnapshot(
    const std::function<void(journal::JournalTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    // Before any query: the whole report sees one snapshot.
    tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    PgJournalTransaction transaction(tx);
    work(transaction);
  });
}

}  // namespace depot::storage
