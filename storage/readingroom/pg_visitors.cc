// Visitors: registration, lookup by id, name words or keyed identity,
// correction and deletion. Names and contacts are sealed (VisitorSealing)
// before they reach the database.
#include <pqxx/pqxx>

#include "storage/pg_time.h"
#include "storage/readingroom/pg_readingroom_transaction.h"
#include "storage/readingroom/queries.h"
#include "storage/readingroom/readingroom_rows.h"
#include "storage/text_array.h"

namespace depot::storage {

namespace sql = readingroom_sql;
using readingroom::IdDocumentKindName;
using readingroom::Visitor;

Visitor PgReadingRoomTransaction::InsertVisitor(const Visitor& visitor) {
  Visitor stored = visitor;
  stored.id = tx_.exec_prepared1(sql::kNextVisitorId.name)[0].as<int64_t>();
  if (stored.key_id.empty()) stored.key_id = sealing_.NewKeyId();
  tx_.exec_prepared(
      sql::kInsertVisitor.name, stored.id,
      sealing_.Seal(stored.id, "name", stored.name, stored.key_id),
      sealing_.Seal(stored.id, "contact", stored.contact, stored.key_id),
      IdDocumentKindName(stored.id_document_kind), stored.subject,
      ToMicros(stored.registered_at), stored.registered_by,
      stored.key_id.empty() ? std::nullopt
                            : std::optional<std::string>(stored.key_id),
      sealing_.SealedOrNull(stored, "birth_date", stored.birth_date),
      sealing_.SealedOrNull(stored, "national_id", stored.national_id),
      sealing_.NationalIdIndex(stored), sealing_.PersonIndex(stored));
  tx_.exec_prepared(sql::kInsertNameTokens.name,
                    TextArrayLiteral(sealing_.NameTokens(stored.name)),
                    stored.id);
  return stored;
}

std::optional<Visitor> PgReadingRoomTransaction::FindVisitor(
    int64_t visitor_id) {
  auto result = tx_.exec_prepared(sql::kFindVisitor.name, visitor_id);
  if (result.empty()) return std::nullopt;
  return ToVisitor(result[0], sealing_);
}

std::vector<Visitor> PgReadingRoomTransaction::FindVisitorsByName(
    const std::string& name, int limit) {
  std::vector<std::string> tokens = sealing_.NameTokens(name);
  std::vector<Visitor> found;
  if (tokens.empty()) return found;
  for (const auto& row : tx_.exec_prepared(
           sql::kFindVisitorsByNameTokens.name, TextArrayLiteral(tokens),
           static_cast<int>(tokens.size()), limit)) {
    found.push_back(ToVisitor(row, sealing_));
  }
  return found;
}

void PgReadingRoomTransaction::UpdateVisitor(const Visitor& visitor) {
  tx_.exec_prepared(
      sql::kUpdateVisitor.name, visitor.id,
      sealing_.Seal(visitor.id, "name", visitor.name, visitor.key_id),
      sealing_.Seal(visitor.id, "contact", visitor.contact, visitor.key_id),
      IdDocumentKindName(visitor.id_document_kind), visitor.subject,
      ToMicros(visitor.corrected_at.value_or(TimePoint())),
      visitor.corrected_by,
      sealing_.SealedOrNull(visitor, "birth_date", visitor.birth_date),
      sealing_.SealedOrNull(visitor, "national_id", visitor.national_id),
      sealing_.NationalIdIndex(visitor), sealing_.PersonIndex(visitor));
  tx_.exec_prepared(sql::kDeleteNameTokens.name, visitor.id);
  tx_.exec_prepared(sql::kInsertNameTokens.name,
                    TextArrayLiteral(sealing_.NameTokens(visitor.name)),
                    visitor.id);
}

std::vector<Visitor> PgReadingRoomTransaction::FindVisitorsByIdentity(
    const std::string& national_id_index, const std::string& person_index) {
  std::vector<Visitor> found;
  for (const auto& row : tx_.exec_prepared(sql::kFindVisitorsByIdentity.name,
                                           national_id_index, person_index)) {
    found.push_back(ToVisitor(row, sealing_));
  }
  return found;
}

void PgReadingRoomTransaction::DeleteVisitor(int64_t visitor_id) {
  // Loans first: a loan may refer to an approval of the same visitor.
  tx_.exec_prepared(sql::kDeleteLoansOfVisitor.name, visitor_id);
  tx_.exec_prepared(sql::kDeleteVisitor.name, visitor_id);
}

}  // namespace depot::storage
