// Loans: what a loan checks (one round trip), opening a loan with its
// items and the units they take out (one statement), returns, the lists
// of loans, copy agreements, and the lending log.
#include <pqxx/pqxx>

#include "services/common/error.h"
#include "services/readingroom/domain/item_ref.h"
#include "storage/pg_time.h"
#include "storage/readingroom/pg_readingroom_transaction.h"
#include "storage/readingroom/queries.h"
#include "storage/readingroom/readingroom_rows.h"
#include "storage/text_array.h"

namespace depot::storage {
namespace {

namespace sql = readingroom_sql;
using readingroom::CopyAgreement;
using readingroom::ItemInfo;
using readingroom::LendingLogEntry;
using readingroom::Loan;
using readingroom::LoanCheckData;
using readingroom::LoanItem;

// A PostgreSQL array literal of integers ("{7,11}").
std::string IntArrayLiteral(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
  return out + "}";
}

// A loan's items as insert_loan takes them: parallel arrays, one element
// per item (per unit for unit_refs and units).
struct LoanItemArrays {
  std::vector<std::string> refs, boxes, deposits, orgs, categories, specials,
      box_labels, shelves, record_ids, unit_refs, units;
};

LoanItemArrays ArraysOf(const Loan& loan) {
  LoanItemArrays a;
  for (const LoanItem& entry : loan.items) {
    const ItemInfo& item = entry.item;
    a.refs.push_back(item.item_ref);
    a.boxes.push_back(item.is_box ? "t" : "f");
    a.deposits.push_back(std::to_string(item.deposit_id));
    a.orgs.push_back(item.organisation_number);
    a.categories.push_back(item.category);
    a.specials.push_back(item.special_category ? "t" : "f");
    a.box_labels.push_back(item.box);
    a.shelves.push_back(item.shelf);
    a.record_ids.push_back(IntArrayLiteral(item.record_ids));
    for (const std::string& unit : LoanUnits(item)) {
      a.unit_refs.push_back(item.item_ref);
      a.units.push_back(unit);
    }
  }
  return a;
}

}  // namespace

LoanCheckData PgReadingRoomTransaction::LoadLoanCheck(
    int64_t visitor_id, int64_t declaration_id,
    const std::vector<std::string>& units) {
  LoanCheckData data;
  auto result =
      declaration_id > 0
          ? tx_.exec_prepared(sql::kLoadLoanCheckOfDeclaration.name, visitor_id,
                              declaration_id, TextArrayLiteral(units))
          : tx_.exec_prepared(sql::kLoadLoanCheck.name, visitor_id,
                              TextArrayLiteral(units));
  if (result.empty()) return data;
  const pqxx::row& row = result[0];
  data.visitor = ToVisitor(row, sealing_);
  data.declarations = DeclarationsFromJson(row["declarations"].c_str());
  data.units_out = UnitsOutFromJson(row["units_out"].c_str());
  return data;
}

Loan PgReadingRoomTransaction::InsertLoan(const Loan& loan) {
  LoanItemArrays a = ArraysOf(loan);
  Loan stored = loan;
  try {
    stored.id =
        tx_.exec_prepared1(
               sql::kInsertLoan.name, loan.visitor_id, loan.visit_id,
               loan.declaration_id,
               loan.approval_id > 0 ? std::to_string(loan.approval_id).c_str()
                                    : nullptr,
               loan.approved_by, ToMicros(loan.opened_at), loan.handed_out_by,
               TextArrayLiteral(a.refs), TextArrayLiteral(a.boxes),
               TextArrayLiteral(a.deposits), TextArrayLiteral(a.orgs),
               TextArrayLiteral(a.categories), TextArrayLiteral(a.specials),
               TextArrayLiteral(a.box_labels), TextArrayLiteral(a.shelves),
               TextArrayLiteral(a.record_ids), TextArrayLiteral(a.unit_refs),
               TextArrayLiteral(a.units))[0]
            .as<int64_t>();
  } catch (const pqxx::unique_violation&) {
    throw FailedPrecondition(
        "loan refused: an item was lent to someone else a moment ago; see "
        "who has it with depot loan log --item");
  }
  return stored;
}

std::optional<Loan> PgReadingRoomTransaction::FindLoan(int64_t loan_id) {
  auto loans =
      ToLoans(tx_.exec_prepared(sql::kFindLoan.name, loan_id), sealing_, false);
  if (loans.empty()) return std::nullopt;
  return loans.front();
}

void PgReadingRoomTransaction::ReturnItems(
    int64_t loan_id, const std::vector<std::string>& item_refs, TimePoint at,
    const std::string& by, bool loan_returned) {
  tx_.exec_prepared(sql::kReturnLoanItems.name, loan_id,
                    TextArrayLiteral(item_refs), ToMicros(at), by,
                    loan_returned);
}

std::vector<Loan> PgReadingRoomTransaction::OpenLoans() {
  return ToLoans(tx_.exec_prepared(sql::kOpenLoans.name), sealing_, true);
}

std::vector<Loan> PgReadingRoomTransaction::OpenLoansOf(int64_t visitor_id) {
  return ToLoans(tx_.exec_prepared(sql::kOpenLoansOfVisitor.name, visitor_id),
                 sealing_, false);
}

std::vector<Loan> PgReadingRoomTransaction::LoansOf(int64_t visitor_id) {
  return ToLoans(tx_.exec_prepared(sql::kLoansOfVisitor.name, visitor_id),
                 sealing_, false);
}

CopyAgreement PgReadingRoomTransaction::InsertCopyAgreement(
    const CopyAgreement& agreement) {
  CopyAgreement stored = agreement;
  stored.id =
      tx_.exec_prepared1(sql::kInsertCopyAgreement.name, agreement.loan_id,
                         TextArrayLiteral(agreement.item_refs),
                         readingroom::CopyMethodName(agreement.method),
                         agreement.purpose, agreement.approved_by,
                         ToMicros(agreement.approved_at))[0]
          .as<int64_t>();
  return stored;
}

std::vector<CopyAgreement> PgReadingRoomTransaction::CopyAgreementsOfLoan(
    int64_t loan_id) {
  return ToAgreements(
      tx_.exec_prepared(sql::kCopyAgreementsOfLoan.name, loan_id));
}

std::vector<CopyAgreement> PgReadingRoomTransaction::CopyAgreementsOfVisitor(
    int64_t visitor_id) {
  return ToAgreements(
      tx_.exec_prepared(sql::kCopyAgreementsOfVisitor.name, visitor_id));
}

std::vector<LendingLogEntry> PgReadingRoomTransaction::LendingLog(
    const std::vector<std::string>& units) {
  std::vector<LendingLogEntry> entries;
  for (const auto& row :
       tx_.exec_prepared(sql::kLendingLog.name, TextArrayLiteral(units))) {
    entries.push_back(ToLendingLogEntry(row, sealing_));
  }
  return entries;
}

}  // namespace depot::storage
