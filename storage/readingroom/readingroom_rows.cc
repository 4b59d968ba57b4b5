#include "storage/readingroom/readingroom_rows.h"

#include <nlohmann/json.hpp>

#include "storage/pg_time.h"

namespace depot::storage {
namespace {

using namespace readingroom;

std::vector<int64_t> ParseIntArray(const pqxx::field& field) {
  std::vector<int64_t> values;
  for (const std::string& text : ParseTextArray(field)) {
    values.push_back(std::stoll(text));
  }
  return values;
}

Declaration DeclarationFromJson(const nlohmann::json& j) {
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

Loan ToLoanWithoutItems(const pqxx::row& row, const VisitorSealing& sealing,
                        bool with_name) {
  Loan loan;
  loan.id = row["loan_id"].as<int64_t>();
  loan.visitor_id = row["visitor_id"].as<int64_t>();
  if (with_name) {
    loan.visitor_name = sealing.NameOrErased(
        loan.visitor_id, row["name_sealed"].as<std::string>(),
        OptionalText(row["key_id"]));
  }
  loan.visitor_subject = row["subject"].as<std::string>();
  loan.visit_id = row["visit_id"].as<int64_t>();
  loan.declaration_id = row["declaration_id"].as<int64_t>();
  loan.approval_id = row["approval_id"].as<int64_t>();
  loan.approved_by = row["approved_by"].as<std::string>();
  loan.opened_at = FromMicros(row["opened_us"].as<int64_t>());
  loan.handed_out_by = row["handed_out_by"].as<std::string>();
  loan.returned_at = OptionalTime(row["returned_us"]);
  return loan;
}

LoanItem ToLoanItem(const pqxx::row& row) {
  LoanItem item;
  item.item.item_ref = row["item_ref"].as<std::string>();
  item.item.is_box = row["is_box"].as<bool>();
  item.item.deposit_id = row["deposit_id"].as<int64_t>();
  item.item.organisation_number = row["organization_number"].as<std::string>();
  item.item.category = row["category"].as<std::string>();
  item.item.special_category = row["special_category"].as<bool>();
  item.item.box = row["box"].as<std::string>();
  item.item.shelf = row["shelf"].as<std::string>();
  item.item.record_ids = ParseIntArray(row["record_ids"]);
  item.returned_at = OptionalTime(row["item_returned_us"]);
  item.taken_back_by = OptionalText(row["taken_back_by"]);
  return item;
}

}  // namespace

std::string OptionalText(const pqxx::field& field) {
  return field.is_null() ? std::string() : field.as<std::string>();
}

std::vector<std::string> ParseTextArray(const pqxx::field& field) {
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

Visitor ToVisitor(const pqxx::row& row, const VisitorSealing& sealing) {
  Visitor visitor;
  visitor.id = row["id"].as<int64_t>();
  visitor.key_id = OptionalText(row["key_id"]);
  auto open = [&](const char* field, const pqxx::field& sealed) {
    return sealing.Open(visitor.id, field, OptionalText(sealed),
                        visitor.key_id);
  };
  auto name = open("name", row["name_sealed"]);
  if (name) {
    visitor.name = *name;
    visitor.contact = *open("contact", row["contact_sealed"]);
    visitor.birth_date =
        open("birth_date", row["birth_date_sealed"]).value_or("");
    visitor.national_id =
        open("national_id", row["national_id_sealed"]).value_or("");
  } else {
    visitor.name = kErasedVisitorField;
    visitor.contact = kErasedVisitorField;
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

Visit ToVisit(const pqxx::row& row, const VisitorSealing& sealing,
              bool with_name) {
  Visit visit;
  visit.id = row["visit_id"].as<int64_t>();
  visit.visitor_id = row["visitor_id"].as<int64_t>();
  if (with_name) {
    visit.visitor_name = sealing.NameOrErased(
        visit.visitor_id, row["name_sealed"].as<std::string>(),
        OptionalText(row["key_id"]));
  }
  visit.visitor_subject = row["subject"].as<std::string>();
  visit.checked_in_at = FromMicros(row["in_us"].as<int64_t>());
  visit.checked_in_by = row["checked_in_by"].as<std::string>();
  visit.checked_out_at = OptionalTime(row["out_us"]);
  visit.checked_out_by = OptionalText(row["checked_out_by"]);
  return visit;
}

DeclarationText ToText(const pqxx::row& row) {
  DeclarationText text;
  text.version = row["version"].as<int>();
  text.text = row["body"].as<std::string>();
  text.sha256 = row["sha256"].as<std::string>();
  text.created_at = FromMicros(row["created_us"].as<int64_t>());
  text.created_by = row["created_by"].as<std::string>();
  return text;
}

Declaration ToDeclaration(const pqxx::row& row) {
  Declaration d;
  d.id = row["id"].as<int64_t>();
  d.visitor_id = row["visitor_id"].as<int64_t>();
  d.text_version = row["text_version"].as<int>();
  d.text_sha256 = row["text_sha256"].as<std::string>();
  // An unknown kind stays visible as "all" only to fail the seal check.
  d.scope.kind = ParseScopeKind(row["scope_kind"].as<std::string>())
                     .value_or(ScopeKind::kAll);
  d.scope.values = ParseTextArray(row["scope_values"]);
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

std::vector<Declaration> DeclarationsFromJson(const char* json) {
  std::vector<Declaration> declarations;
  for (const auto& d : nlohmann::json::parse(json)) {
    declarations.push_back(DeclarationFromJson(d));
  }
  return declarations;
}

std::vector<UnitOnLoan> UnitsOutFromJson(const char* json) {
  std::vector<UnitOnLoan> units;
  for (const auto& u : nlohmann::json::parse(json)) {
    units.push_back({u.at(0).get<std::string>(), u.at(1).get<int64_t>(),
                     u.at(2).get<std::string>()});
  }
  return units;
}

SpecialApproval ToApproval(const pqxx::row& row) {
  SpecialApproval approval;
  approval.id = row["id"].as<int64_t>();
  approval.visitor_id = row["visitor_id"].as<int64_t>();
  approval.item_refs = ParseTextArray(row["item_refs"]);
  approval.reason = row["reason"].as<std::string>();
  approval.approved_by = row["approved_by"].as<std::string>();
  approval.approved_at = FromMicros(row["approved_us"].as<int64_t>());
  approval.valid_until = FromMicros(row["until_us"].as<int64_t>());
  return approval;
}

std::vector<Loan> ToLoans(const pqxx::result& result,
                          const VisitorSealing& sealing, bool with_names) {
  std::vector<Loan> loans;
  for (const auto& row : result) {
    if (loans.empty() || loans.back().id != row["loan_id"].as<int64_t>()) {
      loans.push_back(ToLoanWithoutItems(row, sealing, with_names));
    }
    loans.back().items.push_back(ToLoanItem(row));
  }
  return loans;
}

std::vector<CopyAgreement> ToAgreements(const pqxx::result& result) {
  std::vector<CopyAgreement> agreements;
  for (const auto& row : result) {
    CopyAgreement agreement;
    agreement.id = row["id"].as<int64_t>();
    agreement.loan_id = row["loan_id"].as<int64_t>();
    agreement.item_refs = ParseTextArray(row["item_refs"]);
    agreement.method = ParseCopyMethod(row["method"].as<std::string>())
                           .value_or(CopyMethod::kPhoto);
    agreement.purpose = row["purpose"].as<std::string>();
    agreement.approved_by = row["approved_by"].as<std::string>();
    agreement.approved_at = FromMicros(row["approved_us"].as<int64_t>());
    agreements.push_back(std::move(agreement));
  }
  return agreements;
}

LendingLogEntry ToLendingLogEntry(const pqxx::row& row,
                                  const VisitorSealing& sealing) {
  LendingLogEntry entry;
  entry.loan_id = row["loan_id"].as<int64_t>();
  entry.item_ref = row["item_ref"].as<std::string>();
  entry.visitor_id = row["visitor_id"].as<int64_t>();
  entry.visitor_name = sealing.NameOrErased(
      entry.visitor_id, row["name_sealed"].as<std::string>(),
      OptionalText(row["key_id"]));
  entry.visitor_subject = row["subject"].as<std::string>();
  entry.opened_at = FromMicros(row["opened_us"].as<int64_t>());
  entry.handed_out_by = row["handed_out_by"].as<std::string>();
  entry.returned_at = OptionalTime(row["item_returned_us"]);
  entry.taken_back_by = OptionalText(row["taken_back_by"]);
  return entry;
}

}  // namespace depot::storage
