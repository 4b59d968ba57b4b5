#include "storage/journal/pg_journal_store.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "services/common/base64.h"
#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/codes.h"
#include "storage/audit_writer.h"
#include "storage/journal/clear_text_sealing.h"
#include "storage/journal/journal_rows.h"
#include "storage/journal/journal_statements.h"
#include "storage/pg_time.h"
#include "storage/subject_audit.h"

namespace depot::storage {
namespace {

using namespace depot::journal;
using namespace depot::storage::journal_sql;
using Json = nlohmann::json;

class PgJournalTransaction : public JournalTransaction {
 public:
  PgJournalTransaction(pqxx::dbtransaction& tx, const JournalSealer& sealer)
      : tx_(tx), sealer_(sealer) {}

  /// Keys of documents disposed of in this transaction: destroyed once it
  /// committed.
  const std::vector<std::string>& doomed_keys() const { return doomed_keys_; }

  int NextCaseSequence(int year) override {
    return tx_.exec_prepared1(kNextCaseSequence, year)[0].as<int>();
  }

  JournalCase InsertCase(const JournalCase& c) override {
    auto row = tx_.exec_prepared1(
        kInsertCase, c.year, c.sequence, CaseKindName(c.kind),
        sealer_.Seal(c.title, CasePlace(c.year, c.sequence, "title")),
        SealOptional(c.public_title,
                     CasePlace(c.year, c.sequence, "public_title")),
        c.administrative_unit, c.case_officer, c.screening.access_restriction,
        c.screening.authority, JoinCodes(c.screening.metadata),
        DayOrNull(c.screening.ends), c.created_by);
    return ToCase(row, sealer_);
  }

  std::optional<JournalCase> FindCase(int year, int sequence,
                                      bool for_update) override {
    auto result = tx_.exec_prepared(for_update ? kFindCaseForUpdate : kFindCase,
                                    year, sequence);
    if (result.empty()) return std::nullopt;
    return ToCase(result[0], sealer_);
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
    auto row = tx_.exec_prepared1(
        kInsertEntry, e.case_id, e.year, e.sequence, e.number_in_case,
        std::string(1, EntryTypeLetter(e.type)),
        std::string(1, EntryStatusLetter(e.status)),
        sealer_.Seal(e.title, EntryPlace(e.year, e.sequence, "title")),
        SealOptional(e.public_title,
                     EntryPlace(e.year, e.sequence, "public_title")),
        DayOrNull(e.document_date), FormatDay(e.journal_date),
        e.screening.access_restriction, e.screening.authority,
        JoinCodes(e.screening.metadata), DayOrNull(e.screening.ends),
        e.recorded_by);
    e.id = row["id"].as<int64_t>();
    e.system_id = row["system_id"].as<std::string>();
    e.recorded_at = FromMicros(row["recorded_us"].as<int64_t>());
    for (size_t i = 0; i < e.correspondents.size(); ++i) {
      InsertCorrespondent(e, static_cast<int>(i), &e.correspondents[i]);
    }
    for (size_t i = 0; i < e.documents.size(); ++i) {
      InsertDocument(e, static_cast<int>(i), &e.documents[i]);
    }
    return e;
  }

  std::optional<JournalEntry> FindEntry(int year, int sequence,
                                        bool with_content) override {
    auto result = tx_.exec_prepared(kFindEntry, year, sequence);
    if (result.empty()) return std::nullopt;
    JournalEntry entry = ToEntry(result[0], sealer_);
    if (with_content) LoadContent(&entry);
    return entry;
  }

  std::vector<JournalEntry> EntriesOfCase(int64_t case_id) override {
    return Entries(tx_.exec_prepared(kEntriesOfCase, case_id));
  }

  std::vector<JournalEntry> EntriesOfIdentity(
      const std::string& national_id_index,
      const std::string& person_index) override {
    return Entries(tx_.exec_prepared(kEntriesOfIdentity,
                                     NullIfEmpty(national_id_index),
                                     NullIfEmpty(person_index)));
  }

  int64_t CountNameOnlyCorrespondents(const std::string& folded_name) override {
    return tx_.exec_prepared1(kCountNameOnly, sealer_.NameIndex(folded_name))[0]
        .as<int64_t>();
  }

  void InsertRelease(const NameRelease& r) override {
    std::string index = sealer_.ReleaseIndex(r.case_id, r.folded_name);
    try {
      pqxx::subtransaction guard(tx_, "insert_release");
      guard.exec_prepared(
          kInsertRelease, r.case_id, index,
          sealer_.Seal(r.folded_name, ReleasePlace(r.case_id, index, "name")),
          sealer_.Seal(r.reason, ReleasePlace(r.case_id, index, "reason")),
          ToMicros(r.released_at), r.released_by);
      guard.commit();
    } catch (const pqxx::unique_violation&) {
      throw AlreadyExists(
          "that applicant's name is released in the case already");
    }
  }

  CaseParties LoadCaseParties(int64_t case_id) override {
    CaseParties parties;
    auto found = tx_.exec_prepared(kFindCaseById, case_id);
    if (found.empty()) {
      throw NotFound("no case with id " + std::to_string(case_id));
    }
    parties.journal_case = ToCase(found[0], sealer_);
    for (const auto& row : tx_.exec_prepared(kCaseParties, case_id)) {
      CaseParties::Party party;
      Correspondent& c = party.correspondent;
      c.id = row["id"].as<int64_t>();
      c.name =
          SealedOrClear(sealer_, row["name_sealed"], row["name"],
                        CorrespondentPlace(row["journal_year"].as<int>(),
                                           row["journal_sequence"].as<int>(),
                                           row["position"].as<int>()));
      c.kind = ParseCorrespondentKind(row["kind"].as<std::string>())
                   .value_or(CorrespondentKind::kSender);
      c.role = ParsePartyRole(row["role"].as<std::string>())
                   .value_or(PartyRole::kOther);
      c.screening = ScreeningFrom(row);
      party.entry_screening = ScreeningFrom(row, "e_");
      parties.parties.push_back(std::move(party));
    }
    for (const auto& row : tx_.exec_prepared(kCaseScreenedWords, case_id)) {
      parties.screened_words.push_back(ToScreenedWords(row, sealer_));
    }
    for (const auto& row : tx_.exec_prepared(kCaseReleases, case_id)) {
      std::string index = row["name_index"].is_null()
                              ? ""
                              : row["name_index"].as<std::string>();
      parties.released_names.push_back(
          SealedOrClear(sealer_, row["name_sealed"], row["canonical_name"],
                        ReleasePlace(case_id, index, "name")));
    }
    return parties;
  }

  void InsertScreenedWords(int64_t case_id, const JournalEntry& entry,
                           const ScreenedWords& words) override {
    int marking = tx_.exec_prepared1(kNextMarking, entry.id)[0].as<int>();
    tx_.exec_prepared(
        kInsertScreenedWords, case_id, entry.id, marking,
        sealer_.Seal(Json(words.words).dump(),
                     ScreenedWordsPlace(entry.year, entry.sequence, marking)),
        words.authority, ToMicros(words.screened_at), words.screened_by);
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
    return Entries(
        after ? tx_.exec_prepared(kNextPage, FormatDay(from), FormatDay(to),
                                  FormatDay(after->journal_date), after->year,
                                  after->sequence, limit, years, lasts)
              : tx_.exec_prepared(kFirstPage, FormatDay(from), FormatDay(to),
                                  limit, years, lasts));
  }

  std::vector<DisposalCandidate> DisposalCandidates() override {
    std::vector<DisposalCandidate> candidates;
    for (const auto& row : tx_.exec_prepared(kDisposalCandidates)) {
      DisposalCandidate c;
      c.document_id = row["id"].as<int64_t>();
      int year = row["journal_year"].as<int>();
      int sequence = row["journal_sequence"].as<int>();
      c.description =
          SealedOrClear(sealer_, row["description_sealed"], row["description"],
                        DocumentPlace(year, sequence, row["position"].as<int>(),
                                      "description"));
      char number[32];
      std::snprintf(number, sizeof(number), "%d/%06d", year, sequence);
      c.journal_number = number;
      c.case_number = std::to_string(row["case_year"].as<int>()) + "/" +
                      std::to_string(row["case_sequence"].as<int>());
      c.case_kind = ParseCaseKind(row["kind"].as<std::string>())
                        .value_or(CaseKind::kOrdinary);
      c.case_closed_at = FromMicros(row["closed_us"].as<int64_t>());
      for (const Json& applicant : Json::parse(row["applicants"].c_str())) {
        c.applicant_names.push_back(SealedOrClear(
            sealer_, applicant.at(1), applicant.at(0),
            CorrespondentPlace(year, sequence, applicant.at(2).get<int>())));
        c.applicant_subjects.push_back(applicant.at(3).get<std::string>());
      }
      candidates.push_back(std::move(c));
    }
    return candidates;
  }

  void RecordDisposal(const DisposalRecord& d) override {
    auto key =
        tx_.exec_prepared1(kClearContent, d.document_id)[0].as<std::string>();
    if (!key.empty()) doomed_keys_.push_back(key);
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
  std::optional<std::string> SealOptional(const std::string& text,
                                          const std::string& place) const {
    if (text.empty()) return std::nullopt;
    return sealer_.Seal(text, place);
  }

  std::vector<JournalEntry> Entries(const pqxx::result& result) const {
    std::vector<JournalEntry> entries;
    entries.reserve(result.size());
    for (const auto& row : result) entries.push_back(ToEntry(row, sealer_));
    return entries;
  }

  void InsertCorrespondent(const JournalEntry& e, int position,
                           Correspondent* c) {
    const SealedIdentity& id = c->identity;
    c->id =
        tx_.exec_prepared1(
               kInsertCorrespondent, e.id, position,
               sealer_.Seal(c->name,
                            CorrespondentPlace(e.year, e.sequence, position)),
               sealer_.NameIndex(FoldName(c->name)),
               CorrespondentKindName(c->kind), PartyRoleName(c->role),
               c->screening.access_restriction, c->screening.authority,
               JoinCodes(c->screening.metadata), DayOrNull(c->screening.ends),
               NullIfEmpty(id.birth_date_sealed),
               NullIfEmpty(id.national_id_sealed),
               NullIfEmpty(id.national_id_index), NullIfEmpty(id.person_index),
               NullIfEmpty(id.subject))[0]
            .as<int64_t>();
  }

  void InsertDocument(const JournalEntry& e, int position, Document* d) {
    std::string key;
    if (d->content || !d->content_ref.empty()) key = sealer_.NewDocumentKey();
    std::string content;
    if (d->content) {
      content = sealer_.SealDocument(
          *d->content, DocumentPlace(e.year, e.sequence, position, "content"),
          key);
    }
    std::optional<std::string> ref;
    if (!d->content_ref.empty()) {
      ref = Base64Encode(sealer_.SealDocument(
          d->content_ref,
          DocumentPlace(e.year, e.sequence, position, "content_ref"), key));
    }
    d->id = tx_.exec_prepared1(
                   kInsertDocument, e.id, position,
                   sealer_.Seal(d->description,
                                DocumentPlace(e.year, e.sequence, position,
                                              "description")),
                   d->sha256, pqxx::binarystring(content),
                   d->content.has_value(), ref, NullIfEmpty(key), d->size_bytes,
                   DocumentRoleName(d->role), d->screening.access_restriction,
                   d->screening.authority, JoinCodes(d->screening.metadata),
                   DayOrNull(d->screening.ends))[0]
                .as<int64_t>();
  }

  void LoadContent(JournalEntry* entry) const {
    for (const auto& row : tx_.exec_prepared(kEntryContent, entry->id)) {
      int64_t id = row["id"].as<int64_t>();
      std::optional<std::string> content;
      if (!row["content_sealed"].is_null()) {
        content = sealer_.OpenDocument(
            pqxx::binarystring(row["content_sealed"]).str(),
            DocumentPlace(entry->year, entry->sequence,
                          row["position"].as<int>(), "content"),
            row["content_key"].is_null()
                ? std::string()
                : row["content_key"].as<std::string>());
      } else {
        content = pqxx::binarystring(row["content"]).str();
      }
      for (Document& d : entry->documents) {
        if (d.id == id) d.content = content;
      }
    }
  }

  pqxx::dbtransaction& tx_;
  const JournalSealer& sealer_;
  std::vector<std::string> doomed_keys_;
};

}  // namespace

PgJournalStore::PgJournalStore(ConnectionPool& pool, const Keyring& keyring,
                               SubjectKeyStore* keys)
    : pool_(pool), sealer_(keyring, keys) {
  PrepareJournalStatements(pool_);
}

void PgJournalStore::Run(
    const std::function<void(journal::JournalTransaction&)>& work) {
  std::vector<std::string> doomed_keys;
  pool_.Transact([&](pqxx::work& tx) {
    PgJournalTransaction transaction(tx, sealer_);
    work(transaction);
    doomed_keys = transaction.doomed_keys();
  });
  // Only once the disposal committed: a rollback keeps the content.
  for (const std::string& key : doomed_keys) sealer_.DestroyDocumentKey(key);
}

void PgJournalStore::RunSnapshot(
    const std::function<void(journal::JournalTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    // Before any query: the whole report sees one snapshot.
    tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    PgJournalTransaction transaction(tx, sealer_);
    work(transaction);
  });
}

int64_t PgJournalStore::SealClearText() {
  return SealClearTextRows(pool_, sealer_);
}

}  // namespace depot::storage
