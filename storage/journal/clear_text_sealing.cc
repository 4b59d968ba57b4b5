#include "storage/journal/clear_text_sealing.h"

#include <functional>
#include <optional>
#include <string>

#include "services/common/base64.h"
#include "services/common/subject_key.h"
#include "storage/journal/journal_sealer.h"

namespace depot::storage {
namespace {

constexpr int kBatch = 500;

std::optional<std::string> Text(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

std::optional<std::string> SealedOrNull(const JournalSealer& sealer,
                                        const pqxx::field& field,
                                        const std::string& place) {
  auto text = Text(field);
  if (!text || text->empty()) return std::nullopt;
  return sealer.Seal(*text, place);
}

// Runs seal_batch until a batch finds no row; returns the rows sealed.
int64_t InBatches(ConnectionPool& pool,
                  const std::function<int64_t(pqxx::work&)>& seal_batch) {
  int64_t total = 0;
  while (true) {
    int64_t sealed = 0;
    pool.Transact([&](pqxx::work& tx) { sealed = seal_batch(tx); });
    total += sealed;
    if (sealed < kBatch) return total;
  }
}

int64_t SealCases(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_params(
      "SELECT id, case_year, case_sequence, title, public_title FROM "
      "journal.cases WHERE title_sealed IS NULL ORDER BY id LIMIT $1 FOR "
      "UPDATE",
      kBatch);
  for (const auto& row : rows) {
    int year = row["case_year"].as<int>();
    int sequence = row["case_sequence"].as<int>();
    tx.exec_params(
        "UPDATE journal.cases SET title_sealed = $2, public_title_sealed = "
        "$3, title = NULL, public_title = NULL WHERE id = $1",
        row["id"].as<int64_t>(),
        sealer.Seal(row["title"].as<std::string>(),
                    CasePlace(year, sequence, "title")),
        SealedOrNull(sealer, row["public_title"],
                     CasePlace(year, sequence, "public_title")));
  }
  return static_cast<int64_t>(rows.size());
}

int64_t SealEntries(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_params(
      "SELECT id, journal_year, journal_sequence, title, public_title FROM "
      "journal.entries WHERE title_sealed IS NULL ORDER BY id LIMIT $1 FOR "
      "UPDATE",
      kBatch);
  for (const auto& row : rows) {
    int year = row["journal_year"].as<int>();
    int sequence = row["journal_sequence"].as<int>();
    tx.exec_params(
        "UPDATE journal.entries SET title_sealed = $2, public_title_sealed = "
        "$3, title = NULL, public_title = NULL WHERE id = $1",
        row["id"].as<int64_t>(),
        sealer.Seal(row["title"].as<std::string>(),
                    EntryPlace(year, sequence, "title")),
        SealedOrNull(sealer, row["public_title"],
                     EntryPlace(year, sequence, "public_title")));
  }
  return static_cast<int64_t>(rows.size());
}

int64_t SealCorrespondents(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_params(
      "SELECT k.id, k.position, k.name, e.journal_year, e.journal_sequence "
      "FROM journal.correspondents k JOIN journal.entries e ON e.id = "
      "k.entry_id WHERE k.name_sealed IS NULL ORDER BY k.id LIMIT $1 FOR "
      "UPDATE OF k",
      kBatch);
  for (const auto& row : rows) {
    std::string name = row["name"].as<std::string>();
    tx.exec_params(
        "UPDATE journal.correspondents SET name_sealed = $2, name_index = $3, "
        "name = NULL, folded_name = NULL WHERE id = $1",
        row["id"].as<int64_t>(),
        sealer.Seal(name, CorrespondentPlace(row["journal_year"].as<int>(),
                                             row["journal_sequence"].as<int>(),
                                             row["position"].as<int>())),
        sealer.NameIndex(FoldName(name)));
  }
  return static_cast<int64_t>(rows.size());
}

int64_t SealDocuments(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_params(
      "SELECT d.id, d.position, d.description, d.content, d.content_ref, "
      "e.journal_year, e.journal_sequence FROM journal.documents d JOIN "
      "journal.entries e ON e.id = d.entry_id WHERE d.description_sealed IS "
      "NULL ORDER BY d.id LIMIT $1 FOR UPDATE OF d",
      kBatch);
  for (const auto& row : rows) {
    int year = row["journal_year"].as<int>();
    int sequence = row["journal_sequence"].as<int>();
    int position = row["position"].as<int>();
    bool has_content = !row["content"].is_null();
    auto ref = Text(row["content_ref"]);
    std::string key =
        has_content || ref ? sealer.NewDocumentKey() : std::string();
    std::string content;
    if (has_content) {
      content = sealer.SealDocument(
          pqxx::binarystring(row["content"]).str(),
          DocumentPlace(year, sequence, position, "content"), key);
    }
    std::optional<std::string> sealed_ref;
    if (ref) {
      sealed_ref = Base64Encode(sealer.SealDocument(
          *ref, DocumentPlace(year, sequence, position, "content_ref"), key));
    }
    tx.exec_params(
        "UPDATE journal.documents SET description_sealed = $2, "
        "content_sealed = CASE WHEN $4::boolean THEN $3::bytea END, "
        "content_ref_sealed = $5, content_key = $6, description = NULL, "
        "content = NULL, content_ref = NULL WHERE id = $1",
        row["id"].as<int64_t>(),
        sealer.Seal(row["description"].as<std::string>(),
                    DocumentPlace(year, sequence, position, "description")),
        pqxx::binarystring(content), has_content, sealed_ref,
        key.empty() ? std::nullopt : std::optional<std::string>(key));
  }
  return static_cast<int64_t>(rows.size());
}

int64_t SealReleases(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_params(
      "SELECT id, case_id, canonical_name, reason FROM journal.name_releases "
      "WHERE name_sealed IS NULL ORDER BY id LIMIT $1 FOR UPDATE",
      kBatch);
  for (const auto& row : rows) {
    int64_t case_id = row["case_id"].as<int64_t>();
    std::string canonical = row["canonical_name"].as<std::string>();
    std::string index = sealer.ReleaseIndex(case_id, canonical);
    tx.exec_params(
        "UPDATE journal.name_releases SET name_index = $2, name_sealed = $3, "
        "reason_sealed = $4, canonical_name = NULL, reason = NULL WHERE id = "
        "$1",
        row["id"].as<int64_t>(), index,
        sealer.Seal(canonical, ReleasePlace(case_id, index, "name")),
        sealer.Seal(row["reason"].as<std::string>(),
                    ReleasePlace(case_id, index, "reason")));
  }
  return static_cast<int64_t>(rows.size());
}

}  // namespace

int64_t SealClearTextRows(ConnectionPool& pool, const JournalSealer& sealer) {
  int64_t total = 0;
  for (auto seal : {SealCases, SealEntries, SealCorrespondents, SealDocuments,
                    SealReleases}) {
    total += InBatches(pool, [&](pqxx::work& tx) { return seal(tx, sealer); });
  }
  return total;
}

}  // namespace depot::storage
