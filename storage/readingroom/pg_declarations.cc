// Declarations of confidentiality: the versioned texts, the signed
// declarations (their id reserved first: the seal covers it), revocation,
// and the special-category approvals that go with a loan.
#include <pqxx/pqxx>

#include "services/common/error.h"
#include "storage/pg_time.h"
#include "storage/readingroom/pg_readingroom_transaction.h"
#include "storage/readingroom/queries.h"
#include "storage/readingroom/readingroom_rows.h"
#include "storage/text_array.h"

namespace depot::storage {

namespace sql = readingroom_sql;
using readingroom::Declaration;
using readingroom::DeclarationText;
using readingroom::SpecialApproval;

std::vector<DeclarationText> PgReadingRoomTransaction::ListTexts(
    bool with_text) {
  std::vector<DeclarationText> texts;
  for (const auto& row :
       tx_.exec_prepared(sql::kListDeclarationTexts.name, with_text)) {
    texts.push_back(ToText(row));
  }
  return texts;
}

std::optional<DeclarationText> PgReadingRoomTransaction::FindText(int version) {
  auto result = tx_.exec_prepared(sql::kFindDeclarationText.name, version);
  if (result.empty()) return std::nullopt;
  return ToText(result[0]);
}

DeclarationText PgReadingRoomTransaction::InsertText(
    const DeclarationText& text) {
  try {
    pqxx::subtransaction guard(tx_, "insert_text");
    auto row = guard.exec_prepared1(sql::kInsertDeclarationText.name, text.text,
                                    text.sha256, ToMicros(text.created_at),
                                    text.created_by);
    guard.commit();
    DeclarationText stored = text;
    stored.version = row[0].as<int>();
    return stored;
  } catch (const pqxx::unique_violation&) {
    throw Conflict(
        "another declaration text was added at the same moment; "
        "retry");
  }
}

int64_t PgReadingRoomTransaction::ReserveDeclarationId() {
  return tx_.exec_prepared1(sql::kReserveDeclarationId.name)[0].as<int64_t>();
}

void PgReadingRoomTransaction::InsertDeclaration(const Declaration& d) {
  tx_.exec_prepared(
      sql::kInsertDeclaration.name, d.id, d.visitor_id, d.text_version,
      d.text_sha256, readingroom::ScopeKindName(d.scope.kind),
      TextArrayLiteral(d.scope.values), ToMicros(d.valid_from),
      ToMicros(d.valid_until), ToMicros(d.signed_at), d.witnessed_by,
      d.signature_scan_sha256, d.seal_key_id, d.seal);
}

std::optional<Declaration> PgReadingRoomTransaction::FindDeclaration(
    int64_t id) {
  auto result = tx_.exec_prepared(sql::kFindDeclaration.name, id);
  if (result.empty()) return std::nullopt;
  return ToDeclaration(result[0]);
}

std::vector<Declaration> PgReadingRoomTransaction::DeclarationsOf(
    int64_t visitor_id, bool with_text) {
  std::vector<Declaration> declarations;
  for (const auto& row : tx_.exec_prepared(sql::kDeclarationsOfVisitor.name,
                                           visitor_id, with_text)) {
    declarations.push_back(ToDeclaration(row));
  }
  return declarations;
}

void PgReadingRoomTransaction::RevokeDeclaration(int64_t id, TimePoint at,
                                                 const std::string& by,
                                                 const std::string& reason) {
  tx_.exec_prepared(sql::kRevokeDeclaration.name, id, ToMicros(at), by, reason);
}

SpecialApproval PgReadingRoomTransaction::InsertApproval(
    const SpecialApproval& approval) {
  SpecialApproval stored = approval;
  stored.id =
      tx_.exec_prepared1(sql::kInsertSpecialApproval.name, approval.visitor_id,
                         TextArrayLiteral(approval.item_refs), approval.reason,
                         approval.approved_by, ToMicros(approval.approved_at),
                         ToMicros(approval.valid_until))[0]
          .as<int64_t>();
  return stored;
}

std::optional<SpecialApproval> PgReadingRoomTransaction::FindApproval(
    int64_t id) {
  auto result = tx_.exec_prepared(sql::kFindSpecialApproval.name, id);
  if (result.empty()) return std::nullopt;
  return ToApproval(result[0]);
}

}  // namespace depot::storage
