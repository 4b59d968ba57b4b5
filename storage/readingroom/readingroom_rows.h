#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/readingroom/domain/reading_room_store.h"
#include "storage/readingroom/visitor_sealing.h"

namespace depot::storage {

// Rows of schema `readingroom` (storage/readingroom/queries/) to the
// domain's types: the column names here are those the statements and the
// views of migration 103 give. Sealed names are opened here, nowhere else.

/// A nullable text column: "" for NULL.
std::string OptionalText(const pqxx::field& field);
/// A text[] column's elements; none for NULL.
std::vector<std::string> ParseTextArray(const pqxx::field& field);

/// A row of readingroom.visitor_rows; an erased visitor (key destroyed)
/// comes back with erased set and kErasedVisitorField for name and contact.
readingroom::Visitor ToVisitor(const pqxx::row& row,
                               const VisitorSealing& sealing);
/// A row of readingroom.visit_rows; the visitor's name opened only when
/// with_name.
readingroom::Visit ToVisit(const pqxx::row& row, const VisitorSealing& sealing,
                           bool with_name);

/// A declaration text row (list_declaration_texts, find_declaration_text).
readingroom::DeclarationText ToText(const pqxx::row& row);
/// A row of readingroom.declaration_rows with a body column.
readingroom::Declaration ToDeclaration(const pqxx::row& row);
/// The JSON array of declaration rows with bodies that load_loan_check
/// gives.
std::vector<readingroom::Declaration> DeclarationsFromJson(const char* json);
/// The JSON array of [unit, loan id, item ref] that load_loan_check gives.
std::vector<readingroom::UnitOnLoan> UnitsOutFromJson(const char* json);
/// A row of find_special_approval.
readingroom::SpecialApproval ToApproval(const pqxx::row& row);

/// Rows of readingroom.loan_item_rows (one per item, a loan's rows
/// together) as loans with their items; borrower names opened only when
/// with_names.
std::vector<readingroom::Loan> ToLoans(const pqxx::result& result,
                                       const VisitorSealing& sealing,
                                       bool with_names);
/// Copy agreement rows (copy_agreements_of_loan, ..._of_visitor).
std::vector<readingroom::CopyAgreement> ToAgreements(
    const pqxx::result& result);
/// A row of lending_log, with the borrower's name opened.
readingroom::LendingLogEntry ToLendingLogEntry(const pqxx::row& row,
                                               const VisitorSealing& sealing);

}  // namespace depot::storage
