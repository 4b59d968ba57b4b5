#pragma once

#include <pqxx/pqxx>

#include "services/readingroom/domain/reading_room_store.h"
#include "storage/readingroom/visitor_sealing.h"

namespace depot::storage {

/// One ReadingRoomService transaction on PostgreSQL. Each method executes
/// statements of storage/readingroom/queries/ (PgReadingRoomStore prepares
/// them) and converts the rows in readingroom_rows.cc. The methods are
/// defined by aggregate, one file each: pg_visitors.cc, pg_visits.cc,
/// pg_declarations.cc (texts, declarations, special-category approvals),
/// pg_loans.cc (loans, copy agreements, lending log), pg_audit_events.cc
/// and pg_retention.cc.
class PgReadingRoomTransaction : public readingroom::ReadingRoomTransaction {
 public:
  using TimePoint = readingroom::TimePoint;

  PgReadingRoomTransaction(pqxx::work& tx, const VisitorSealing& sealing)
      : tx_(tx), sealing_(sealing) {}

  // pg_visitors.cc
  readingroom::Visitor InsertVisitor(
      const readingroom::Visitor& visitor) override;
  std::optional<readingroom::Visitor> FindVisitor(int64_t visitor_id) override;
  std::vector<readingroom::Visitor> FindVisitorsByName(const std::string& name,
                                                       int limit) override;
  void UpdateVisitor(const readingroom::Visitor& visitor) override;
  std::vector<readingroom::Visitor> FindVisitorsByIdentity(
      const std::string& national_id_index,
      const std::string& person_index) override;
  void DeleteVisitor(int64_t visitor_id) override;

  // pg_visits.cc
  readingroom::Visit InsertVisit(int64_t visitor_id, TimePoint at,
                                 const std::string& by) override;
  readingroom::Visit CloseVisit(int64_t visit_id, TimePoint at,
                                const std::string& by) override;
  std::vector<readingroom::Visit> VisitsBetween(TimePoint from,
                                                TimePoint to) override;
  std::vector<readingroom::Visit> VisitsOf(int64_t visitor_id) override;

  // pg_declarations.cc
  std::vector<readingroom::DeclarationText> ListTexts(bool with_text) override;
  std::optional<readingroom::DeclarationText> FindText(int version) override;
  readingroom::DeclarationText InsertText(
      const readingroom::DeclarationText& text) override;
  int64_t ReserveDeclarationId() override;
  void InsertDeclaration(const readingroom::Declaration& declaration) override;
  std::optional<readingroom::Declaration> FindDeclaration(int64_t id) override;
  std::vector<readingroom::Declaration> DeclarationsOf(int64_t visitor_id,
                                                       bool with_text) override;
  void RevokeDeclaration(int64_t id, TimePoint at, const std::string& by,
                         const std::string& reason) override;
  readingroom::SpecialApproval InsertApproval(
      const readingroom::SpecialApproval& approval) override;
  std::optional<readingroom::SpecialApproval> FindApproval(int64_t id) override;

  // pg_loans.cc
  readingroom::LoanCheckData LoadLoanCheck(
      int64_t visitor_id, int64_t declaration_id,
      const std::vector<std::string>& units) override;
  readingroom::Loan InsertLoan(const readingroom::Loan& loan) override;
  std::optional<readingroom::Loan> FindLoan(int64_t loan_id) override;
  void ReturnItems(int64_t loan_id, const std::vector<std::string>& item_refs,
                   TimePoint at, const std::string& by,
                   bool loan_returned) override;
  std::vector<readingroom::Loan> OpenLoans() override;
  std::vector<readingroom::Loan> OpenLoansOf(int64_t visitor_id) override;
  std::vector<readingroom::Loan> LoansOf(int64_t visitor_id) override;
  readingroom::CopyAgreement InsertCopyAgreement(
      const readingroom::CopyAgreement& agreement) override;
  std::vector<readingroom::CopyAgreement> CopyAgreementsOfLoan(
      int64_t loan_id) override;
  std::vector<readingroom::CopyAgreement> CopyAgreementsOfVisitor(
      int64_t visitor_id) override;
  std::vector<readingroom::LendingLogEntry> LendingLog(
      const std::vector<std::string>& units) override;

  // pg_audit_events.cc
  void Audit(const AuditEvent& event) override;
  std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) override;

  // pg_retention.cc
  int64_t DeleteLoansReturnedBefore(TimePoint cutoff) override;
  int64_t DeleteDeclarationsEndedBefore(TimePoint cutoff) override;
  int64_t DeleteVisitsEndedBefore(TimePoint cutoff) override;
  std::vector<std::string> DeleteIdleVisitors(TimePoint cutoff) override;

 private:
  pqxx::work& tx_;
  const VisitorSealing& sealing_;
};

}  // namespace depot::storage
