#include "storage/journal/clear_text_sealing.h"

#include <functional>
#include <optional>
#include <string>

#include "services/common/base64.h"
#include "services/common/subject_key.h"
#include "storage/journal/journal_sealer.h"
#include "storage/journal/queries.h"

namespace depot::storage {
namespace {

using namespace depot::storage::journal_sql;

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
  auto rows = tx.exec_prepared(kClearTextCases.name, kBatch);
  for (const auto& row : rows) {
    int year = row["case_year"].as<int>();
    int sequence = row["case_sequence"].as<int>();
    tx.exec_prepared(kSealCaseTitles.name, row["id"].as<int64_t>(),
                     sealer.Seal(row["title"].as<std::string>(),
                                 CasePlace(year, sequence, "title")),
                     SealedOrNull(sealer, row["public_title"],
                                  CasePlace(year, sequence, "public_title")));
  }
  return static_cast<int64_t>(rows.size());
}

int64_t SealEntries(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_prepared(kClearTextEntries.name, kBatch);
  for (const auto& row : rows) {
    int year = row["journal_year"].as<int>();
    int sequence = row["journal_sequence"].as<int>();
    tx.exec_prepared(kSealEntryTitles.name, row["id"].as<int64_t>(),
                     sealer.Seal(row["title"].as<std::string>(),
                                 EntryPlace(year, sequence, "title")),
                     SealedOrNull(sealer, row["public_title"],
                                  EntryPlace(year, sequence, "public_title")));
  }
  return static_cast<int64_t>(rows.size());
}

int64_t SealCorrespondents(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_prepared(kClearTextCorrespondents.name, kBatch);
  for (const auto& row : rows) {
    std::string name = row["name"].as<std::string>();
    tx.exec_prepared(
        kSealCorrespondentName.name, row["id"].as<int64_t>(),
        sealer.Seal(name, CorrespondentPlace(row["journal_year"].as<int>(),
                                             row["journal_sequence"].as<int>(),
                                             row["position"].as<int>())),
        sealer.NameIndex(FoldName(name)));
  }
  return static_cast<int64_t>(rows.size());
}

int64_t SealDocuments(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_prepared(kClearTextDocuments.name, kBatch);
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
    tx.exec_prepared(
        kSealDocument.name, row["id"].as<int64_t>(),
        sealer.Seal(row["description"].as<std::string>(),
                    DocumentPlace(year, sequence, position, "description")),
        pqxx::binarystring(content), has_content, sealed_ref,
        key.empty() ? std::nullopt : std::optional<std::string>(key));
  }
  return static_cast<int64_t>(rows.size());
}

int64_t SealReleases(pqxx::work& tx, const JournalSealer& sealer) {
  auto rows = tx.exec_prepared(kClearTextReleases.name, kBatch);
  for (const auto& row : rows) {
    int64_t case_id = row["case_id"].as<int64_t>();
    std::string canonical = row["canonical_name"].as<std::string>();
    std::string index = sealer.ReleaseIndex(case_id, canonical);
    tx.exec_prepared(
        kSealRelease.name, row["id"].as<int64_t>(), index,
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
