#include "storage/readingroom/pg_readingroom_store.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "services/common/base64.h"
#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/readingroom/domain/item_ref.h"
#include "storage/pg_time.h"
#include "storage/subject_audit.h"
#include "storage/text_array.h"

namespace depot::storage {
namespace {

using namespace readingroom;

// A time parameter in microseconds since the epoch, exactly.
#define RR_TS(n) \
  "(timestamptz 'epoch' + $" #n "::bigint * interval '1 microsecond')"
// A time column read back in microseconds since the epoch.
#define RR_US(column) "(extract(epoch FROM " column ") * 1000000)::bigint"

std::string OptionalText(const pqxx::field& field) {
  return field.is_null() ? std::string() : field.as<std::string>();
}

std::string IntArray(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
  return out + "}";
}

std::vector<std::string> ParseArray(const pqxx::field& field) {
  std::vector<std::string> values;
  if (field.is_null()) return values;
  pqxx::array_parser parser = field.as_array();
  for (auto [junction, value] = parser.get_next();
       junction != pqxx::array_parser::done;
       std::tie(junction, value) = parser.get_next()) {
    if (junction == pqxx::array_parser::string_value) values.push_back(value);
  }
  return values;
}

std::vector<int64_t> ParseIntArray(const pqxx::field& field) {
  std::vector<int64_t> values;
  for (const std::string& text : ParseArray(field)) {
    values.push_back(std::stoll(text));
  }
  return values;
}

// What an erased visitor's name and contact read as.
constexpr char kErased[] = "[erased]";

// Statement names.
constexpr char kNextVisitorId[] = "rr_next_visitor_id";
constexpr char kInsertVisitor[] = "rr_insert_visitor";
constexpr char kInsertTokens[] = "rr_insert_tokens";
constexpr char kDeleteTokens[] = "rr_delete_tokens";
constexpr char kFindVisitor[] = "rr_find_visitor";
constexpr char kFindVisitorsByTokens[] = "rr_find_visitors_by_tokens";
constexpr char kUpdateVisitor[] = "rr_update_visitor";
constexpr char kInsertVisit[] = "rr_insert_visit";
constexpr char kCloseVisit[] = "rr_close_visit";
constexpr char kVisitsBetween[] = "rr_visits_between";
constexpr char kVisitsOf[] = "rr_visits_of";
constexpr char kListTexts[] = "rr_list_texts";
constexpr char kFindText[] = "rr_find_text";
constexpr char kInsertText[] = "rr_insert_text";
constexpr char kReserveDeclarationId[] = "rr_reserve_declaration_id";
constexpr char kInsertDeclaration[] = "rr_insert_declaration";
constexpr char kFindDeclaration[] = "rr_find_declaration";
constexpr char kDeclarationsOf[] = "rr_declarations_of";
constexpr char kRevokeDeclaration[] = "rr_revoke_declaration";
constexpr char kInsertApproval[] = "rr_insert_approval";
constexpr char kFindApproval[] = "rr_find_approval";
constexpr char kLoanCheck[] = "rr_loan_check";
constexpr char kLoanCheckOne[] = "rr_loan_check_one";
constexpr char kInsertLoan[] = "rr_insert_loan";
constexpr char kAudit[] = "rr_audit";
constexpr char kFindLoan[] = "rr_find_loan";
constexpr char kReturnItems[] = "rr_return_items";
constexpr char kOpenLoans[] = "rr_open_loans";
constexpr char kOpenLoansOf[] = "rr_open_loans_of";
constexpr char kLoansOf[] = "rr_loans_of";
constexpr char kInsertCopyAgreement[] = "rr_insert_copy_agreement";
constexpr char kCopyAgreementsOfLoan[] = "rr_copy_agreements_of_loan";
constexpr char kCopyAgreementsOfVisitor[] = "rr_copy_agreements_of_visitor";
constexpr char kLendingLog[] = "rr_lending_log";

constexpr char kVisitorColumns[] =
    "v.id, v.name_sealed, v.contact_sealed, v.id_document_kind, v.subject, "
    "v.key_id, v.birth_date_sealed, v.national_id_sealed, " RR_US(
        "v.registered_at") " AS registered_us, v.registered_by, " RR_US("v.corrected_at") " AS "
                                                                                          "corrected_us, "
    "v.corrected_by, (SELECT o.id FROM readingroom.visits o WHERE "
    "o.visitor_id = v.id AND o.checked_out_at IS NULL) AS open_visit_id ";

constexpr char kVisitColumns[] =
    "s.id AS visit_id, s.visitor_id, v.name_sealed, v.key_id, v.subject, " RR_US(
        "s.checked_in_at") " AS in_us, s.checked_in_by, " RR_US("s.checked_out_at") " AS out_us, "
                                                                                  "s.checked_out_by "
    "FROM readingroom.visits s JOIN readingroom.visitors v ON v.id = "
    "s.visitor_id ";

constexpr char kTextColumns[] =
    "version, sha256, created_by, " RR_US("created_at") " AS created_us ";

constexpr char kDeclarationColumns[] =
    "d.id, d.visitor_id, d.text_version, d.text_sha256, d.scope_kind, "
    "d.scope_values, " RR_US("d.valid_from") " AS from_us, " RR_US(
        "d.valid_until") " AS until_us, " RR_US("d.signed_at") " AS signed_us, "
                                                              "d.witnessed_by, d.signature_scan_sha256, d.seal_key_id, d.seal, " RR_US(
                                                                  "d.revoked_at") " AS revoked_us, d.revoked_by, "
                                                                                  "d.revoke_reason ";

constexpr char kApprovalColumns[] =
    "id, visitor_id, item_refs, reason, approved_by, " RR_US(
        "approved_at") " AS approved_us, " RR_US("valid_until") " AS until_us ";

// One row per loan item, loans in id order.
constexpr char kLoanRows[] =
    "SELECT l.id AS loan_id, l.visitor_id, v.name_sealed, v.key_id, v.subject, "
    "l.visit_id, l.declaration_id, coalesce(l.approval_id, 0) AS approval_id, "
    "coalesce(l.approved_by, '') AS approved_by, " RR_US(
        "l.opened_at") " AS opened_us, l.handed_out_by, " RR_US("l.returned_at") " AS "
                                                                                 "returned_us, "
    "i.item_ref, i.is_box, i.deposit_id, i.organization_number, i.category, "
    "i.special_category, i.box, i.shelf, i.record_ids, " RR_US(
        "i.returned_at") " AS item_returned_us, i.taken_back_by "
    "FROM readingroom.loans l JOIN readingroom.visitors v ON v.id = "
    "l.visitor_id JOIN readingroom.loan_items i ON i.loan_id = l.id ";

constexpr char kCopyColumns[] =
    "c.id, c.loan_id, c.item_refs, c.method, c.purpose, c.approved_by, " RR_US(
        "c.approved_at") " AS approved_us ";

class PgReadingRoomTransaction : public ReadingRoomTransaction {
 public:
  PgReadingRoomTransaction(pqxx::work& tx, const Keyring& keyring,
                           SubjectKeyStore* keys)
      : tx_(tx), keyring_(keyring), keys_(keys) {}

  // Visitors.

  Visitor InsertVisitor(const Visitor& visitor) override {
    Visitor stored = visitor;
    stored.id = tx_.exec_prepared1(kNextVisitorId)[0].as<int64_t>();
    if (keys_ && stored.key_id.empty()) stored.key_id = keys_->Create();
    tx_.exec_prepared(
        kInsertVisitor, stored.id,
        Seal(stored.id, "name", stored.name, stored.key_id),
        Seal(stored.id, "contact", stored.contact, stored.key_id),
        IdDocumentKindName(stored.id_document_kind), stored.subject,
        ToMicros(stored.registered_at), stored.registered_by,
        stored.key_id.empty() ? std::nullopt
                              : std::optional<std::string>(stored.key_id),
        SealedOrNull(stored, "birth_date", stored.birth_date),
        SealedOrNull(stored, "national_id", stored.national_id),
        NationalIdIndex(stored), PersonIndex(stored));
    tx_.exec_prepared(kInsertTokens, TextArrayLiteral(NameTokens(stored.name)),
                      stored.id);
    return stored;
  }

  std::optional<Visitor> FindVisitor(int64_t visitor_id) override {
    auto result = tx_.exec_prepared(kFindVisitor, visitor_id);
    if (result.empty()) return std::nullopt;
    return ToVisitor(result[0]);
  }

  std::vector<Visitor> FindVisitorsByName(const std::string& name,
                                          int limit) override {
    std::vector<std::string> tokens = NameTokens(name);
    std::vector<Visitor> found;
    if (tokens.empty()) return found;
    for (const auto& row :
         tx_.exec_prepared(kFindVisitorsByTokens, TextArrayLiteral(tokens),
                           static_cast<int>(tokens.size()), limit)) {
      found.push_back(ToVisitor(row));
    }
    return found;
  }

  void UpdateVisitor(const Visitor& visitor) override {
    tx_.exec_prepared(
        kUpdateVisitor, visitor.id,
        Seal(visitor.id, "name", visitor.name, visitor.key_id),
        Seal(visitor.id, "contact", visitor.contact, visitor.key_id),
        IdDocumentKindName(visitor.id_document_kind), visitor.subject,
        ToMicros(visitor.corrected_at.value_or(TimePoint())),
        visitor.corrected_by,
        SealedOrNull(visitor, "birth_date", visitor.birth_date),
        SealedOrNull(visitor, "national_id", visitor.national_id),
        NationalIdIndex(visitor), PersonIndex(visitor));
    tx_.exec_prepared(kDeleteTokens, visitor.id);
    tx_.exec_prepared(kInsertTokens, TextArrayLiteral(NameTokens(visitor.name)),
                      visitor.id);
  }

  // Visits.

  Visit InsertVisit(int64_t visitor_id, TimePoint at,
                    const std::string& by) override {
    try {
      auto row = tx_.exec_prepared1(kInsertVisit, visitor_id, ToMicros(at), by);
      Visit visit;
      visit.id = row[0].as<int64_t>();
      visit.visitor_id = visitor_id;
      visit.checked_in_at = at;
      visit.checked_in_by = by;
      return visit;
    } catch (const pqxx::unique_violation&) {
      throw FailedPrecondition("visitor " + std::to_string(visitor_id) +
                               " was checked in a moment ago by someone else");
    }
  }

  Visit CloseVisit(int64_t visit_id, TimePoint at,
                   const std::string& by) override {
    auto row = tx_.exec_prepared1(kCloseVisit, visit_id, ToMicros(at), by);
    Visit visit;
    visit.id = visit_id;
    visit.visitor_id = row["visitor_id"].as<int64_t>();
    visit.checked_in_at = FromMicros(row["in_us"].as<int64_t>());
    visit.checked_in_by = row["checked_in_by"].as<std::string>();
    visit.checked_out_at = at;
    visit.checked_out_by = by;
    return visit;
  }

  std::vector<Visit> VisitsBetween(TimePoint from, TimePoint to) override {
    std::vector<Visit> visits;
    for (const auto& row :
         tx_.exec_prepared(kVisitsBetween, ToMicros(from), ToMicros(to))) {
      visits.push_back(ToVisit(row, true));
    }
    return visits;
  }

  std::vector<Visit> VisitsOf(int64_t visitor_id) override {
    std::vector<Visit> visits;
    for (const auto& row : tx_.exec_prepared(kVisitsOf, visitor_id)) {
      visits.push_back(ToVisit(row, false));
    }
    return visits;
  }

  // Texts.

  std::vector<DeclarationText> ListTexts(bool with_text) override {
    std::vector<DeclarationText> texts;
    for (const auto& row : tx_.exec_prepared(kListTexts, with_text)) {
      texts.push_back(ToText(row));
    }
    return texts;
  }

  std::optional<DeclarationText> FindText(int version) override {
    auto result = tx_.exec_prepared(kFindText, version);
    if (result.empty()) return std::nullopt;
    return ToText(result[0]);
  }

  DeclarationText InsertText(const DeclarationText& text) override {
    try {
      pqxx::subtransaction guard(tx_, "insert_text");
      auto row =
          guard.exec_prepared1(kInsertText, text.text, text.sha256,
                               ToMicros(text.created_at), text.created_by);
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

  // Declarations.

  int64_t ReserveDeclarationId() override {
    return tx_.exec_prepared1(kReserveDeclarationId)[0].as<int64_t>();
  }

  void InsertDeclaration(const Declaration& d) override {
    tx_.exec_prepared(
        kInsertDeclaration, d.id, d.visitor_id, d.text_version, d.text_sha256,
        ScopeKindName(d.scope.kind), TextArrayLiteral(d.scope.values),
        ToMicros(d.valid_from), ToMicros(d.valid_until), ToMicros(d.signed_at),
        d.witnessed_by, d.signature_scan_sha256, d.seal_key_id, d.seal);
  }

  std::optional<Declaration> FindDeclaration(int64_t id) override {
    auto result = tx_.exec_prepared(kFindDeclaration, id);
    if (result.empty()) return std::nullopt;
    return ToDeclaration(result[0]);
  }

  std::vector<Declaration> DeclarationsOf(int64_t visitor_id,
                                          bool with_text) override {
    std::vector<Declaration> declarations;
    for (const auto& row :
         tx_.exec_prepared(kDeclarationsOf, visitor_id, with_text)) {
      declarations.push_back(ToDeclaration(row));
    }
    return declarations;
  }

  void RevokeDeclaration(int64_t id, TimePoint at, const std::string& by,
                         const std::string& reason) override {
    tx_.exec_prepared(kRevokeDeclaration, id, ToMicros(at), by, reason);
  }

  // Approvals.

  SpecialApproval InsertApproval(const SpecialApproval& approval) override {
    SpecialApproval stored = approval;
    stored.id = tx_.exec_prepared1(kInsertApproval, approval.visitor_id,
                                   TextArrayLiteral(approval.item_refs),
                                   approval.reason, approval.approved_by,
                                   ToMicros(approval.approved_at),
                                   ToMicros(approval.valid_until))[0]
                    .as<int64_t>();
    return stored;
  }

  std::optional<SpecialApproval> FindApproval(int64_t id) override {
    auto result = tx_.exec_prepared(kFindApproval, id);
    if (result.empty()) return std::nullopt;
    const auto& row = result[0];
    SpecialApproval approval;
    approval.id = row["id"].as<int64_t>();
    approval.visitor_id = row["visitor_id"].as<int64_t>();
    approval.item_refs = ParseArray(row["item_refs"]);
    approval.reason = row["reason"].as<std::string>();
    approval.approved_by = row["approved_by"].as<std::string>();
    approval.approved_at = FromMicros(row["approved_us"].as<int64_t>());
    approval.valid_until = FromMicros(row["until_us"].as<int64_t>());
    return approval;
  }

  // Loans.

  LoanCheckData LoadLoanCheck(int64_t visitor_id, int64_t declaration_id,
                              const std::vector<std::string>& units) override {
    LoanCheckData data;
    auto result =
        declaration_id > 0
            ? tx_.exec_prepared(kLoanCheckOne, visitor_id, declaration_id,
                                TextArrayLiteral(units))
            : tx_.exec_prepared(kLoanCheck, visitor_id, TextArrayLiteral(units));
    if (result.empty()) return data;
    const pqxx::row& row = result[0];
    data.visitor = ToVisitor(row);
    for (const auto& d : nlohmann::json::parse(row["declarations"].c_str())) {
      data.declarations.push_back(DeclarationFromJson(d));
    }
    for (const auto& u : nlohmann::json::parse(row["units_out"].c_str())) {
      data.units_out.push_back({u.at(0).get<std::string>(),
                                u.at(1).get<int64_t>(),
                                u.at(2).get<std::string>()});
    }
    return data;
  }

  Loan InsertLoan(const Loan& loan) override {
    // The loan, its items and the units they take out, in one statement:
    // parallel arrays, one element per item (per unit for the last two).
    std::vector<std::string> refs, boxes, deposits, orgs, categories, specials,
        box_labels, shelves, record_ids, unit_refs, units;
    for (const LoanItem& entry : loan.items) {
      const ItemInfo& item = entry.item;
      refs.push_back(item.item_ref);
      boxes.push_back(item.is_box ? "t" : "f");
      deposits.push_back(std::to_string(item.deposit_id));
      orgs.push_back(item.organisation_number);
      categories.push_back(item.category);
      specials.push_back(item.special_category ? "t" : "f");
      box_labels.push_back(item.box);
      shelves.push_back(item.shelf);
      record_ids.push_back(IntArray(item.record_ids));
      for (const std::string& unit : LoanUnits(item)) {
        unit_refs.push_back(item.item_ref);
        units.push_back(unit);
      }
    }
    Loan stored = loan;
    try {
      stored.id =
          tx_.exec_prepared1(
                 kInsertLoan, loan.visitor_id, loan.visit_id,
                 loan.declaration_id,
                 loan.approval_id > 0 ? std::to_string(loan.approval_id).c_str()
                                      : nullptr,
                 loan.approved_by, ToMicros(loan.opened_at), loan.handed_out_by,
                 TextArrayLiteral(refs), TextArrayLiteral(boxes), TextArrayLiteral(deposits),
                 TextArrayLiteral(orgs), TextArrayLiteral(categories), TextArrayLiteral(specials),
                 TextArrayLiteral(box_labels), TextArrayLiteral(shelves),
                 TextArrayLiteral(record_ids), TextArrayLiteral(unit_refs),
                 TextArrayLiteral(units))[0]
              .as<int64_t>();
    } catch (const pqxx::unique_violation&) {
      throw FailedPrecondition(
          "loan refused: an item was lent to someone else a moment ago; see "
          "who has it with depot loan log --item");
    }
    return stored;
  }

  std::optional<Loan> FindLoan(int64_t loan_id) override {
    auto loans = ToLoans(tx_.exec_prepared(kFindLoan, loan_id), false);
    if (loans.empty()) return std::nullopt;
    return loans.front();
  }

  void ReturnItems(int64_t loan_id, const std::vector<std::string>& item_refs,
                   TimePoint at, const std::string& by,
                   bool loan_returned) override {
    tx_.exec_prepared(kReturnItems, loan_id, TextArrayLiteral(item_refs),
                      ToMicros(at), by, loan_returned);
  }

  std::vector<Loan> OpenLoans() override {
    return ToLoans(tx_.exec_prepared(kOpenLoans), true);
  }

  std::vector<Loan> OpenLoansOf(int64_t visitor_id) override {
    return ToLoans(tx_.exec_prepared(kOpenLoansOf, visitor_id), false);
  }

  std::vector<Loan> LoansOf(int64_t visitor_id) override {
    return ToLoans(tx_.exec_prepared(kLoansOf, visitor_id), false);
  }

  // Copy agreements.

  CopyAgreement InsertCopyAgreement(const CopyAgreement& agreement) override {
    CopyAgreement stored = agreement;
    stored.id = tx_.exec_prepared1(kInsertCopyAgreement, agreement.loan_id,
                                   TextArrayLiteral(agreement.item_refs),
                                   CopyMethodName(agreement.method),
                                   agreement.purpose, agreement.approved_by,
                                   ToMicros(agreement.approved_at))[0]
                    .as<int64_t>();
    return stored;
  }

  std::vector<CopyAgreement> CopyAgreementsOfLoan(int64_t loan_id) override {
    return ToAgreements(tx_.exec_prepared(kCopyAgreementsOfLoan, loan_id));
  }

  std::vector<CopyAgreement> CopyAgreementsOfVisitor(
      int64_t visitor_id) override {
    return ToAgreements(
        tx_.exec_prepared(kCopyAgreementsOfVisitor, visitor_id));
  }

  // Lending log.

  std::vector<LendingLogEntry> LendingLog(
      const std::vector<std::string>& units) override {
    std::vector<LendingLogEntry> entries;
    for (const auto& row : tx_.exec_prepared(kLendingLog, TextArrayLiteral(units))) {
      LendingLogEntry entry;
      entry.loan_id = row["loan_id"].as<int64_t>();
      entry.item_ref = row["item_ref"].as<std::string>();
      entry.visitor_id = row["visitor_id"].as<int64_t>();
      entry.visitor_name = NameOf(row, entry.visitor_id);
      entry.visitor_subject = row["subject"].as<std::string>();
      entry.opened_at = FromMicros(row["opened_us"].as<int64_t>());
      entry.handed_out_by = row["handed_out_by"].as<std::string>();
      entry.returned_at = OptionalTime(row["returned_us"]);
      entry.taken_back_by = OptionalText(row["taken_back_by"]);
      entries.push_back(std::move(entry));
    }
    return entries;
  }

  // The columns and meaning of storage::AppendAuditEvent, as a prepared
  // statement: every loan and return writes one, and parsing the insert
  // each time cost more than the rest of a return.
  void Audit(const AuditEvent& event) override {
    tx_.exec_prepared(kAudit, event.actor, event.actor_role, event.action,
                      event.object, event.subject, event.detail);
  }

  // Rights requests and retention (issue 7). Rare: plain statements.

  std::vector<Visitor> FindVisitorsByIdentity(
      const std::string& national_id_index,
      const std::string& person_index) override {
    std::vector<Visitor> found;
    for (const auto& row : tx_.exec_params(
             "SELECT " + std::string(kVisitorColumns) +
                 "FROM readingroom.visitors v WHERE ($1 <> '' AND "
                 "v.national_id_index = $1) OR ($2 <> '' AND v.person_index "
                 "= $2) ORDER BY v.id",
             national_id_index, person_index)) {
      found.push_back(ToVisitor(row));
    }
    return found;
  }

  void DeleteVisitor(int64_t visitor_id) override {
    // Loans first: a loan may refer to an approval of the same visitor.
    tx_.exec_params("DELETE FROM readingroom.loans WHERE visitor_id = $1",
                    visitor_id);
    tx_.exec_params("DELETE FROM readingroom.visitors WHERE id = $1",
                    visitor_id);
  }

  std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) override {
    return storage::AuditEventsAbout(tx_, "readingroom", pseudonyms);
  }

  int64_t DeleteLoansReturnedBefore(TimePoint cutoff) override {
    return tx_
        .exec_params(
            "DELETE FROM readingroom.loans WHERE returned_at < " RR_TS(1),
            ToMicros(cutoff))
        .affected_rows();
  }

  int64_t DeleteDeclarationsEndedBefore(TimePoint cutoff) override {
    return tx_
        .exec_params(
            "DELETE FROM readingroom.declarations d WHERE "
            "least(d.valid_until, coalesce(d.revoked_at, d.valid_until)) < " RR_TS(
                1) " AND NOT EXISTS (SELECT 1 FROM readingroom.loans l WHERE "
                   "l.declaration_id = d.id)",
            ToMicros(cutoff))
        .affected_rows();
  }

  int64_t DeleteVisitsEndedBefore(TimePoint cutoff) override {
    return tx_
        .exec_params(
            "DELETE FROM readingroom.visits s WHERE s.checked_out_at < " RR_TS(
                1) " AND NOT EXISTS (SELECT 1 FROM readingroom.loans l WHERE "
                   "l.visit_id = s.id)",
            ToMicros(cutoff))
        .affected_rows();
  }

  std::vector<std::string> DeleteIdleVisitors(TimePoint cutoff) override {
    std::vector<std::string> keys;
    for (const auto& row : tx_.exec_params(
             "DELETE FROM readingroom.visitors v WHERE "
             "greatest(v.registered_at, coalesce(v.corrected_at, "
             "v.registered_at)) < " RR_TS(1) " AND NOT EXISTS (SELECT 1 FROM "
             "readingroom.visits s WHERE s.visitor_id = v.id) AND NOT EXISTS "
             "(SELECT 1 FROM readingroom.loans l WHERE l.visitor_id = v.id) "
             "AND NOT EXISTS (SELECT 1 FROM readingroom.declarations d WHERE "
             "d.visitor_id = v.id) RETURNING coalesce(v.key_id, '')",
             ToMicros(cutoff))) {
      keys.push_back(row[0].as<std::string>());
    }
    return keys;
  }

 private:
  static std::string AssociatedData(int64_t visitor_id,
                                    const std::string& field) {
    return "readingroom/visitor/" + std::to_string(visitor_id) + "/" + field;
  }

  // Visitors with a key of their own (key_id) are sealed with it, so that
  // destroying the key erases them from every backup too; older visitors
  // with the keyring.
  std::string Seal(int64_t visitor_id, const std::string& field,
                   const std::string& value, const std::string& key_id) const {
    std::string ad = AssociatedData(visitor_id, field);
    if (key_id.empty()) return Base64Encode(keyring_.Encrypt(value, ad));
    return Base64Encode(RequireKeys().Encrypt(key_id, value, ad));
  }

  // nullopt when the visitor's key was destroyed (erased). Empty sealed
  // text (an optional field not given) opens as "".
  std::optional<std::string> Open(int64_t visitor_id, const std::string& field,
                                  const std::string& sealed,
                                  const std::string& key_id) const {
    if (!key_id.empty() && !RequireKeys().Exists(key_id)) return std::nullopt;
    if (sealed.empty()) return std::string();
    auto bytes = Base64Decode(sealed);
    if (!bytes) {
      throw Error(ErrorCode::kInternal,
                  "visitor " + std::to_string(visitor_id) + ": stored " +
                      field + " is not base64");
    }
    std::string ad = AssociatedData(visitor_id, field);
    if (key_id.empty()) return keyring_.Decrypt(*bytes, ad);
    return RequireKeys().Decrypt(key_id, *bytes, ad);
  }

  std::string NameOf(const pqxx::row& row, int64_t visitor_id) const {
    return Open(visitor_id, "name", row["name_sealed"].as<std::string>(),
                OptionalText(row["key_id"]))
        .value_or(kErased);
  }

  SubjectKeyStore& RequireKeys() const {
    if (!keys_) {
      throw Error(ErrorCode::kInternal,
                  "visitor data is sealed with a subject key, but no "
                  "subject_key_dir is configured");
    }
    return *keys_;
  }

  // Keyed indexes of the visitor's identity, or NULL.
  std::optional<std::string> NationalIdIndex(const Visitor& v) const {
    if (v.national_id.empty()) return std::nullopt;
    return keyring_.BlindIndex(v.national_id);
  }
  std::optional<std::string> PersonIndex(const Visitor& v) const {
    if (v.birth_date.empty()) return std::nullopt;
    return depot::PersonIndex(keyring_, v.name, v.birth_date);
  }
  std::optional<std::string> SealedOrNull(const Visitor& v, const char* field,
                                          const std::string& value) const {
    if (value.empty()) return std::nullopt;
    return Seal(v.id, field, value, v.key_id);
  }

  // Keyed hashes of the distinct folded words of a name.
  std::vector<std::string> NameTokens(const std::string& name) const {
    std::set<std::string> tokens;
    std::string folded = FoldName(name);
    size_t start = 0;
    while (start < folded.size()) {
      size_t end = folded.find(' ', start);
      if (end == std::string::npos) end = folded.size();
      if (end > start) {
        tokens.insert(keyring_.BlindIndex("visitor-name-word:" +
                                          folded.substr(start, end - start)));
      }
      start = end + 1;
    }
    return {tokens.begin(), tokens.end()};
  }

  Visitor ToVisitor(const pqxx::row& row) const {
    Visitor visitor;
    visitor.id = row["id"].as<int64_t>();
    visitor.key_id = OptionalText(row["key_id"]);
    auto name = Open(visitor.id, "name", row["name_sealed"].as<std::string>(),
                     visitor.key_id);
    if (name) {
      visitor.name = *name;
      visitor.contact = *Open(visitor.id, "contact",
                              row["contact_sealed"].as<std::string>(),
                              visitor.key_id);
      visitor.birth_date = Open(visitor.id, "birth_date",
                                OptionalText(row["birth_date_sealed"]),
                                visitor.key_id)
                               .value_or("");
      visitor.national_id = Open(visitor.id, "national_id",
                                 OptionalText(row["national_id_sealed"]),
                                 visitor.key_id)
                                .value_or("");
    } else {
      visitor.name = kErased;
      visitor.contact = kErased;
      visitor.erased = true;
    }
    visitor.id_document_kind =
        ParseIdDocumentKind(row["id_document_kind"].as<std::string>())
            .value_or(IdDocumentKind::kOther);
    visitor.subject = row["subject"].as<std::string>();
    visitor.registered_at = FromMicros(row["registered_us"].as<int64_t>());
    visitor.registered_by = row["registered_by"].as<std::string>();
    visitor.corrected_at = OptionalTime(row["corrected_us"]);
    visitor.corrected_by = OptionalText(row["corrected_by"]);
    visitor.open_visit_id =
        row["open_visit_id"].is_null() ? 0 : row["open_visit_id"].as<int64_t>();
    return visitor;
  }

  Visit ToVisit(const pqxx::row& row, bool with_name) const {
    Visit visit;
    visit.id = row["visit_id"].as<int64_t>();
    visit.visitor_id = row["visitor_id"].as<int64_t>();
    if (with_name) {
      visit.visitor_name = NameOf(row, visit.visitor_id);
    }
    visit.visitor_subject = row["subject"].as<std::string>();
    visit.checked_in_at = FromMicros(row["in_us"].as<int64_t>());
    visit.checked_in_by = row["checked_in_by"].as<std::string>();
    visit.checked_out_at = OptionalTime(row["out_us"]);
    visit.checked_out_by = OptionalText(row["checked_out_by"]);
    return visit;
  }

  static DeclarationText ToText(const pqxx::row& row) {
    DeclarationText text;
    text.version = row["version"].as<int>();
    text.text = row["body"].as<std::string>();
    text.sha256 = row["sha256"].as<std::string>();
    text.created_at = FromMicros(row["created_us"].as<int64_t>());
    text.created_by = row["created_by"].as<std::string>();
    return text;
  }

  static Declaration ToDeclaration(const pqxx::row& row) {
    Declaration d;
    d.id = row["id"].as<int64_t>();
    d.visitor_id = row["visitor_id"].as<int64_t>();
    d.text_version = row["text_version"].as<int>();
    d.text_sha256 = row["text_sha256"].as<std::string>();
    // An unknown kind stays visible as "all" only to fail the seal check.
    d.scope.kind = ParseScopeKind(row["scope_kind"].as<std::string>())
                       .value_or(ScopeKind::kAll);
    d.scope.values = ParseArray(row["scope_values"]);
    d.valid_from = FromMicros(row["from_us"].as<int64_t>());
    d.valid_until = FromMicros(row["until_us"].as<int64_t>());
    d.signed_at = FromMicros(row["signed_us"].as<int64_t>());
    d.witnessed_by = row["witnessed_by"].as<std::string>();
    d.signature_scan_sha256 = row["signature_scan_sha256"].as<std::string>();
    d.seal_key_id = row["seal_key_id"].as<std::string>();
    d.seal = row["seal"].as<std::string>();
    d.revoked_at = OptionalTime(row["revoked_us"]);
    d.revoked_by = OptionalText(row["revoked_by"]);
    d.revoke_reason = OptionalText(row["revoke_reason"]);
    d.text = OptionalText(row["body"]);
    return d;
  }

  static Declaration DeclarationFromJson(const nlohmann::json& j) {
    auto time = [&](const char* key) {
      return FromMicros(j.at(key).get<int64_t>());
    };
    auto text = [&](const char* key) {
      return j.at(key).is_null() ? std::string() : j.at(key).get<std::string>();
    };
    Declaration d;
    d.id = j.at("id").get<int64_t>();
    d.visitor_id = j.at("visitor_id").get<int64_t>();
    d.text_version = j.at("text_version").get<int>();
    d.text_sha256 = text("text_sha256");
    d.scope.kind = ParseScopeKind(text("scope_kind")).value_or(ScopeKind::kAll);
    d.scope.values = j.at("scope_values").get<std::vector<std::string>>();
    d.valid_from = time("from_us");
    d.valid_until = time("until_us");
    d.signed_at = time("signed_us");
    d.witnessed_by = text("witnessed_by");
    d.signature_scan_sha256 = text("signature_scan_sha256");
    d.seal_key_id = text("seal_key_id");
    d.seal = text("seal");
    if (!j.at("revoked_us").is_null()) d.revoked_at = time("revoked_us");
    d.revoked_by = text("revoked_by");
    d.revoke_reason = text("revoke_reason");
    d.text = text("body");
    return d;
  }

  std::vector<Loan> ToLoans(const pqxx::result& result, bool with_names) const {
    std::vector<Loan> loans;
    for (const auto& row : result) {
      int64_t id = row["loan_id"].as<int64_t>();
      if (loans.empty() || loans.back().id != id) {
        Loan loan;
        loan.id = id;
        loan.visitor_id = row["visitor_id"].as<int64_t>();
        if (with_names) {
          loan.visitor_name = NameOf(row, loan.visitor_id);
        }
        loan.visitor_subject = row["subject"].as<std::string>();
        loan.visit_id = row["visit_id"].as<int64_t>();
        loan.declaration_id = row["declaration_id"].as<int64_t>();
        loan.approval_id = row["approval_id"].as<int64_t>();
        loan.approved_by = row["approved_by"].as<std::string>();
        loan.opened_at = FromMicros(row["opened_us"].as<int64_t>());
        loan.handed_out_by = row["handed_out_by"].as<std::string>();
        loan.returned_at = OptionalTime(row["returned_us"]);
        loans.push_back(std::move(loan));
      }
      LoanItem item;
      item.item.item_ref = row["item_ref"].as<std::string>();
      item.item.is_box = row["is_box"].as<bool>();
      item.item.deposit_id = row["deposit_id"].as<int64_t>();
      item.item.organisation_number =
          row["organization_number"].as<std::string>();
      item.item.category = row["category"].as<std::string>();
      item.item.special_category = row["special_category"].as<bool>();
      item.item.box = row["box"].as<std::string>();
      item.item.shelf = row["shelf"].as<std::string>();
      item.item.record_ids = ParseIntArray(row["record_ids"]);
      item.returned_at = OptionalTime(row["item_returned_us"]);
      item.taken_back_by = OptionalText(row["taken_back_by"]);
      loans.back().items.push_back(std::move(item));
    }
    return loans;
  }

  static std::vector<CopyAgreement> ToAgreements(const pqxx::result& result) {
    std::vector<CopyAgreement> agreements;
    for (const auto& row : result) {
      CopyAgreement agreement;
      agreement.id = row["id"].as<int64_t>();
      agreement.loan_id = row["loan_id"].as<int64_t>();
      agreement.item_refs = ParseArray(row["item_refs"]);
      agreement.method = ParseCopyMethod(row["method"].as<std::string>())
                             .value_or(CopyMethod::kPhoto);
      agreement.purpose = row["purpose"].as<std::string>();
      agreement.approved_by = row["approved_by"].as<std::string>();
      agreement.approved_at = FromMicros(row["approved_us"].as<int64_t>());
      agreements.push_back(std::move(agreement));
    }
    return agreements;
  }

  pqxx::work& tx_;
  const Keyring& keyring_;
  SubjectKeyStore* keys_;
};

}  // namespace

PgReadingRoomStore::PgReadingRoomStore(ConnectionPool& pool,
                                       const Keyring& keyring,
                                       SubjectKeyStore* keys)
    : pool_(pool), keyring_(keyring), keys_(keys) {
  const std::string visitor = kVisitorColumns;
  const std::string visit = kVisitColumns;
  const std::string declaration = kDeclarationColumns;
  const std::string loan_rows = kLoanRows;
  const std::string copy = kCopyColumns;

  pool_.Prepare(kNextVisitorId,
                "SELECT nextval(pg_get_serial_sequence('readingroom.visitors', "
                "'id'))");
  pool_.Prepare(kInsertVisitor,
                "INSERT INTO readingroom.visitors (id, name_sealed, "
                "contact_sealed, id_document_kind, subject, registered_at, "
                "registered_by, key_id, birth_date_sealed, "
                "national_id_sealed, national_id_index, person_index) VALUES "
                "($1, $2, $3, $4, $5, " RR_TS(6) ", $7, $8, $9, $10, $11, "
                "$12)");
  pool_.Prepare(kInsertTokens,
                "INSERT INTO readingroom.visitor_name_tokens (token, "
                "visitor_id) SELECT unnest($1::text[]), $2");
  pool_.Prepare(kDeleteTokens,
                "DELETE FROM readingroom.visitor_name_tokens WHERE visitor_id "
                "= $1");
  pool_.Prepare(
      kFindVisitor,
      "SELECT " + visitor + "FROM readingroom.visitors v WHERE v.id = $1");
  pool_.Prepare(kFindVisitorsByTokens,
                "SELECT " + visitor +
                    "FROM readingroom.visitors v WHERE v.id IN (SELECT "
                    "visitor_id FROM readingroom.visitor_name_tokens WHERE "
                    "token = ANY($1::text[]) GROUP BY visitor_id HAVING "
                    "count(*) = $2) ORDER BY v.id LIMIT $3");
  pool_.Prepare(kUpdateVisitor,
                "UPDATE readingroom.visitors SET name_sealed = $2, "
                "contact_sealed = $3, id_document_kind = $4, subject = $5, "
                "corrected_at = " RR_TS(6) ", corrected_by = $7, "
                "birth_date_sealed = $8, national_id_sealed = $9, "
                "national_id_index = $10, person_index = $11 WHERE id = $1");
  pool_.Prepare(kInsertVisit,
                "INSERT INTO readingroom.visits (visitor_id, checked_in_at, "
                "checked_in_by) VALUES ($1, " RR_TS(2) ", $3) RETURNING id");
  pool_.Prepare(kCloseVisit,
                "UPDATE readingroom.visits SET checked_out_at = " RR_TS(
                    2) ", checked_out_by = $3 WHERE id = $1 RETURNING "
                       "visitor_id, checked_in_by, " RR_US("checked_in_at") " AS in_us");
  pool_.Prepare(kVisitsBetween, "SELECT " + visit +
                                    "WHERE s.checked_in_at >= " RR_TS(
                                        1) " AND s.checked_in_at < " RR_TS(2) " "
                                                                              "ORDER BY s.checked_in_at, s.id");
  pool_.Prepare(kVisitsOf, "SELECT " + visit +
                               "WHERE s.visitor_id = $1 ORDER BY "
                               "s.checked_in_at, s.id");

  const std::string text = kTextColumns;
  pool_.Prepare(kListTexts, "SELECT " + text +
                                ", CASE WHEN $1 THEN body ELSE '' END AS body "
                                "FROM readingroom.declaration_texts ORDER BY "
                                "version");
  pool_.Prepare(kFindText,
                "SELECT " + text +
                    ", body FROM readingroom.declaration_texts WHERE version = "
                    "CASE WHEN $1 = 0 THEN (SELECT max(version) FROM "
                    "readingroom.declaration_texts) ELSE $1 END");
  pool_.Prepare(kInsertText,
                "INSERT INTO readingroom.declaration_texts (version, body, "
                "sha256, created_at, created_by) SELECT coalesce(max(version), "
                "0) + 1, $1, $2, " RR_TS(3) ", $4 FROM "
                "readingroom.declaration_texts RETURNING version");

  pool_.Prepare(kReserveDeclarationId,
                "SELECT nextval(pg_get_serial_sequence("
                "'readingroom.declarations', 'id'))");
  pool_.Prepare(kInsertDeclaration,
                "INSERT INTO readingroom.declarations (id, visitor_id, "
                "text_version, text_sha256, scope_kind, scope_values, "
                "valid_from, valid_until, signed_at, witnessed_by, "
                "signature_scan_sha256, seal_key_id, seal) VALUES ($1, $2, $3, "
                "$4, $5, $6::text[], " RR_TS(7) ", " RR_TS(8) ", " RR_TS(
                    9) ", $10, $11, $12, $13)");
  pool_.Prepare(kFindDeclaration,
                "SELECT " + declaration +
                    ", t.body FROM readingroom.declarations d LEFT JOIN "
                    "readingroom.declaration_texts t ON t.version = "
                    "d.text_version WHERE d.id = $1");
  pool_.Prepare(
      kDeclarationsOf,
      "SELECT " + declaration +
          ", CASE WHEN $2 THEN t.body ELSE '' END AS body FROM "
          "readingroom.declarations d LEFT JOIN "
          "readingroom.declaration_texts t ON t.version = "
          "d.text_version WHERE d.visitor_id = $1 ORDER BY d.id DESC");
  pool_.Prepare(kRevokeDeclaration,
                "UPDATE readingroom.declarations SET revoked_at = " RR_TS(
                    2) ", revoked_by = $3, revoke_reason = $4 WHERE id = $1 "
                       "AND revoked_at IS NULL");

  const std::string approval = kApprovalColumns;
  pool_.Prepare(kInsertApproval,
                "INSERT INTO readingroom.special_approvals (visitor_id, "
                "item_refs, reason, approved_by, approved_at, valid_until) "
                "VALUES ($1, $2::text[], $3, $4, " RR_TS(5) ", " RR_TS(
                    6) ") RETURNING id");
  pool_.Prepare(kFindApproval, "SELECT " + approval +
                                   "FROM readingroom.special_approvals WHERE "
                                   "id = $1");

  // Two statements rather than one with a CASE: PostgreSQL can plan each
  // once (a generic plan) instead of at every call.
  auto loan_check = [&](const std::string& which, const std::string& units) {
    return "SELECT " + visitor +
          ", (SELECT coalesce(json_agg(json_build_object('id', d.id, "
          "'visitor_id', d.visitor_id, 'text_version', d.text_version, "
          "'text_sha256', d.text_sha256, 'scope_kind', d.scope_kind, "
          "'scope_values', d.scope_values, 'from_us', " RR_US("d.valid_from") ", "
          "'until_us', " RR_US("d.valid_until") ", 'signed_us', " RR_US(
              "d.signed_at") ", 'witnessed_by', d.witnessed_by, "
          "'signature_scan_sha256', d.signature_scan_sha256, 'seal_key_id', "
          "d.seal_key_id, 'seal', d.seal, 'revoked_us', " RR_US(
              "d.revoked_at") ", 'revoked_by', d.revoked_by, 'revoke_reason', "
          "d.revoke_reason, 'body', t.body) ORDER BY d.id DESC), '[]') FROM "
          "readingroom.declarations d LEFT JOIN readingroom.declaration_texts "
          "t ON t.version = d.text_version WHERE " + which +
          ") AS declarations, (SELECT "
          "coalesce(json_agg(json_build_array(u.unit, i.loan_id, "
          "i.item_ref)), '[]') FROM readingroom.loan_units u JOIN "
          "readingroom.loan_items i ON i.id = u.loan_item_id WHERE u.out AND "
          "u.unit = ANY(" + units + "::text[])) AS units_out FROM readingroom.visitors v "
          "WHERE v.id = $1";
  };
  pool_.Prepare(kLoanCheck, loan_check("d.visitor_id = v.id", "$2"));
  pool_.Prepare(kLoanCheckOne, loan_check("d.id = $2", "$3"));
  pool_.Prepare(
      kInsertLoan,
      "WITH loan AS (INSERT INTO readingroom.loans (visitor_id, visit_id, "
      "declaration_id, approval_id, approved_by, opened_at, handed_out_by) "
      "VALUES ($1, $2, $3, $4::bigint, NULLIF($5, ''), " RR_TS(6) ", $7) "
      "RETURNING id), items AS (INSERT INTO readingroom.loan_items (loan_id, "
      "item_ref, is_box, deposit_id, organization_number, category, "
      "special_category, box, shelf, record_ids) SELECT loan.id, i.item_ref, "
      "i.is_box::boolean, i.deposit_id::bigint, i.org, i.category, "
      "i.special::boolean, i.box, i.shelf, i.record_ids::bigint[] FROM loan, "
      "unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::text[], "
      "$13::text[], $14::text[], $15::text[], $16::text[]) AS i(item_ref, "
      "is_box, deposit_id, org, category, special, box, shelf, record_ids) "
      "RETURNING id, item_ref), units AS (INSERT INTO readingroom.loan_units "
      "(loan_item_id, unit) SELECT items.id, u.unit FROM items JOIN "
      "unnest($17::text[], $18::text[]) AS u(item_ref, unit) ON u.item_ref = "
      "items.item_ref) SELECT id FROM loan");
  pool_.Prepare(kFindLoan, loan_rows + "WHERE l.id = $1 ORDER BY i.id");
  pool_.Prepare(kReturnItems,
                "WITH items AS (UPDATE readingroom.loan_items SET returned_at "
                "= " RR_TS(3) ", taken_back_by = $4 WHERE loan_id = $1 AND "
                "item_ref = ANY($2::text[]) AND returned_at IS NULL RETURNING "
                "id), units AS (UPDATE readingroom.loan_units SET out = false "
                "WHERE out AND loan_item_id IN (SELECT id FROM items)) "
                "UPDATE readingroom.loans SET returned_at = " RR_TS(3) " "
                "WHERE id = $1 AND $5");
  pool_.Prepare(kOpenLoans, loan_rows +
                                "WHERE l.returned_at IS NULL ORDER BY l.id, "
                                "i.id");
  pool_.Prepare(kOpenLoansOf, loan_rows +
                                  "WHERE l.returned_at IS NULL AND "
                                  "l.visitor_id = $1 ORDER BY l.id, i.id");
  pool_.Prepare(kLoansOf,
                loan_rows + "WHERE l.visitor_id = $1 ORDER BY l.id, i.id");

  pool_.Prepare(kInsertCopyAgreement,
                "INSERT INTO readingroom.copy_agreements (loan_id, item_refs, "
                "method, purpose, approved_by, approved_at) VALUES ($1, "
                "$2::text[], $3, $4, $5, " RR_TS(6) ") RETURNING id");
  pool_.Prepare(kCopyAgreementsOfLoan,
                "SELECT " + copy +
                    "FROM readingroom.copy_agreements c WHERE c.loan_id = $1 "
                    "ORDER BY c.id");
  pool_.Prepare(kCopyAgreementsOfVisitor,
                "SELECT " + copy +
                    "FROM readingroom.copy_agreements c JOIN "
                    "readingroom.loans l ON l.id = c.loan_id WHERE "
                    "l.visitor_id = $1 ORDER BY c.id");

  pool_.Prepare(kAudit,
                "INSERT INTO readingroom.audit_events (actor, actor_role, "
                "action, object, subject, detail) VALUES ($1, $2, $3, $4, "
                "NULLIF($5, ''), $6)");
  pool_.Prepare(kLendingLog,
                "SELECT i.loan_id, i.item_ref, l.visitor_id, v.name_sealed, v.key_id, "
                "v.subject, " RR_US("l.opened_at") " AS opened_us, "
                "l.handed_out_by, " RR_US("i.returned_at") " AS returned_us, "
                "i.taken_back_by FROM readingroom.loan_items i JOIN "
                "readingroom.loans l ON l.id = i.loan_id JOIN "
                "readingroom.visitors v ON v.id = l.visitor_id WHERE i.id IN "
                "(SELECT loan_item_id FROM readingroom.loan_units WHERE unit = "
                "ANY($1::text[])) ORDER BY l.opened_at, l.id, i.id");
}

void PgReadingRoomStore::Run(
    const std::function<void(ReadingRoomTransaction&)>& work) {
  pool_.Transact([&](pqxx::work& tx) {
    PgReadingRoomTransaction transaction(tx, keyring_, keys_);
    work(transaction);
  });
}

}  // namespace depot::storage
