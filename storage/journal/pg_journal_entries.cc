#include "storage/journal/pg_journal_entries.h"

#include "services/common/base64.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/codes.h"
#include "storage/journal/journal_rows.h"
#include "storage/journal/queries.h"
#include "storage/pg_time.h"

namespace depot::storage {

using namespace depot::journal;
using namespace depot::storage::journal_sql;

int PgJournalEntries::NextSequence(int year) {
  return tx_.exec_prepared1(kNextEntrySequence.name, year)[0].as<int>();
}

JournalEntry PgJournalEntries::Insert(const JournalEntry& entry) {
  JournalEntry e = entry;
  auto row = tx_.exec_prepared1(
      kInsertEntry.name, e.case_id, e.year, e.sequence, e.number_in_case,
      std::string(1, EntryTypeLetter(e.type)),
      std::string(1, EntryStatusLetter(e.status)),
      sealer_.Seal(e.title, EntryPlace(e.year, e.sequence, "title")),
      SealedOrNull(sealer_, e.public_title,
                   EntryPlace(e.year, e.sequence, "public_title")),
      DayOrNull(e.document_date), FormatDate(e.journal_date),
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

std::optional<JournalEntry> PgJournalEntries::Find(int year, int sequence,
                                                   bool with_content) {
  auto result = tx_.exec_prepared(kFindEntry.name, year, sequence);
  if (result.empty()) return std::nullopt;
  JournalEntry entry = ToEntry(result[0], sealer_);
  if (with_content) LoadContent(&entry);
  return entry;
}

std::vector<JournalEntry> PgJournalEntries::OfCase(int64_t case_id) {
  return ToEntries(tx_.exec_prepared(kEntriesOfCase.name, case_id), sealer_);
}

std::vector<JournalEntry> PgJournalEntries::OfIdentity(
    const std::string& national_id_index, const std::string& person_index) {
  return ToEntries(
      tx_.exec_prepared(kEntriesOfIdentity.name, NullIfEmpty(national_id_index),
                        NullIfEmpty(person_index)),
      sealer_);
}

int64_t PgJournalEntries::CountNameOnlyCorrespondents(
    const std::string& folded_name) {
  return tx_
      .exec_prepared1(kCountNameOnly.name, sealer_.NameIndex(folded_name))[0]
      .as<int64_t>();
}

void PgJournalEntries::InsertCorrespondent(const JournalEntry& e, int position,
                                           Correspondent* c) {
  const SealedIdentity& id = c->identity;
  c->id = tx_.exec_prepared1(
                 kInsertCorrespondent.name, e.id, position,
                 sealer_.Seal(c->name,
                              CorrespondentPlace(e.year, e.sequence, position)),
                 sealer_.NameIndex(FoldName(c->name)),
                 CorrespondentKindName(c->kind), PartyRoleName(c->role),
                 c->screening.access_restriction, c->screening.authority,
                 JoinCodes(c->screening.metadata), DayOrNull(c->screening.ends),
                 NullIfEmpty(id.birth_date_sealed),
                 NullIfEmpty(id.national_id_sealed),
                 NullIfEmpty(id.national_id_index),
                 NullIfEmpty(id.person_index), NullIfEmpty(id.subject))[0]
              .as<int64_t>();
}

void PgJournalEntries::InsertDocument(const JournalEntry& e, int position,
                                      Document* d) {
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
  d->id =
      tx_.exec_prepared1(
             kInsertDocument.name, e.id, position,
             sealer_.Seal(
                 d->description,
                 DocumentPlace(e.year, e.sequence, position, "description")),
             d->sha256, pqxx::binarystring(content), d->content.has_value(),
             ref, NullIfEmpty(key), d->size_bytes, DocumentRoleName(d->role),
             d->screening.access_restriction, d->screening.authority,
             JoinCodes(d->screening.metadata), DayOrNull(d->screening.ends))[0]
          .as<int64_t>();
}

void PgJournalEntries::LoadContent(JournalEntry* entry) {
  for (const auto& row : tx_.exec_prepared(kEntryContent.name, entry->id)) {
    int64_t id = row["id"].as<int64_t>();
    std::optional<std::string> content;
    if (!row["content_sealed"].is_null()) {
      content = sealer_.OpenDocument(
          pqxx::binarystring(row["content_sealed"]).str(),
          DocumentPlace(entry->year, entry->sequence, row["position"].as<int>(),
                        "content"),
          row["content_key"].is_null() ? std::string()
                                       : row["content_key"].as<std::string>());
    } else {
      content = pqxx::binarystring(row["content"]).str();
    }
    for (Document& d : entry->documents) {
      if (d.id == id) d.content = content;
    }
  }
}

}  // namespace depot::storage
