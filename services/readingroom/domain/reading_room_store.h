#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "services/common/audit_event.h"
#include "services/common/subject_data.h"
#include "services/readingroom/domain/model.h"

namespace depot::readingroom {

/// A unit (see LoanUnits) that an open loan has out.
struct UnitOnLoan {
  std::string unit;
  int64_t loan_id = 0;
  std::string item_ref;  ///< the lent item that holds the unit
};

/// What OpenLoan checks, read in one go: the visitor (with the open
/// visit), the declarations that may back the loan (with their texts), and
/// which of the wanted units are out.
struct LoanCheckData {
  std::optional<Visitor> visitor;
  std::vector<Declaration> declarations;  ///< newest first
  std::vector<UnitOnLoan> units_out;
};

/// The data operations of one ReadingRoomService transaction. Implemented
/// over PostgreSQL in storage/readingroom (which encrypts names and
/// contacts) and by an in-memory fake in unit tests.
class ReadingRoomTransaction {
 public:
  virtual ~ReadingRoomTransaction() = default;

  // Visitors. Found visitors carry open_visit_id.
  /// Assigns id; returns the stored visitor.
  virtual Visitor InsertVisitor(const Visitor& visitor) = 0;
  virtual std::optional<Visitor> FindVisitor(int64_t visitor_id) = 0;
  /// Visitors whose name has every word of name (folded), by id.
  virtual std::vector<Visitor> FindVisitorsByName(const std::string& name,
                                                  int limit) = 0;
  /// Replaces name, contact, document kind, subject and correction fields.
  virtual void UpdateVisitor(const Visitor& visitor) = 0;

  // Visits.
  /// FailedPrecondition when the visitor has an open visit already.
  virtual Visit InsertVisit(int64_t visitor_id, TimePoint at,
                            const std::string& by) = 0;
  /// Returns the closed visit.
  virtual Visit CloseVisit(int64_t visit_id, TimePoint at,
                           const std::string& by) = 0;
  /// Visits that began in [from, to), with visitor names, by check-in time.
  virtual std::vector<Visit> VisitsBetween(TimePoint from, TimePoint to) = 0;
  virtual std::vector<Visit> VisitsOf(int64_t visitor_id) = 0;

  // Declaration texts.
  virtual std::vector<DeclarationText> ListTexts(bool with_text) = 0;
  /// version 0: the newest.
  virtual std::optional<DeclarationText> FindText(int version) = 0;
  /// Assigns the next version.
  virtual DeclarationText InsertText(const DeclarationText& text) = 0;

  // Declarations (the seal covers the id, so it is reserved first).
  virtual int64_t ReserveDeclarationId() = 0;
  virtual void InsertDeclaration(const Declaration& declaration) = 0;
  /// With the stored text of its version.
  virtual std::optional<Declaration> FindDeclaration(int64_t id) = 0;
  /// Newest first.
  virtual std::vector<Declaration> DeclarationsOf(int64_t visitor_id,
                                                  bool with_text) = 0;
  virtual void RevokeDeclaration(int64_t id, TimePoint at,
                                 const std::string& by,
                                 const std::string& reason) = 0;

  // Special-category approvals.
  virtual SpecialApproval InsertApproval(const SpecialApproval& approval) = 0;
  virtual std::optional<SpecialApproval> FindApproval(int64_t id) = 0;

  // Loans.
  /// declaration_id > 0: only that declaration (whoever's it is); else
  /// every declaration of the visitor. One round trip: loans are a hot path.
  virtual LoanCheckData LoadLoanCheck(
      int64_t visitor_id, int64_t declaration_id,
      const std::vector<std::string>& units) = 0;
  /// Stores the loan and takes out each item's LoanUnits; FailedPrecondition
  /// when a concurrent loan took a unit first. Assigns the id.
  virtual Loan InsertLoan(const Loan& loan) = 0;
  /// With items and visitor_subject.
  virtual std::optional<Loan> FindLoan(int64_t loan_id) = 0;
  /// Marks the items returned (their units go back); the loan is returned
  /// when loan_returned.
  virtual void ReturnItems(int64_t loan_id,
                           const std::vector<std::string>& item_refs,
                           TimePoint at, const std::string& by,
                           bool loan_returned) = 0;
  /// Loans with an item still out, with visitor names, oldest first.
  virtual std::vector<Loan> OpenLoans() = 0;
  virtual std::vector<Loan> OpenLoansOf(int64_t visitor_id) = 0;
  /// Every loan of the visitor, oldest first.
  virtual std::vector<Loan> LoansOf(int64_t visitor_id) = 0;

  // Copy agreements.
  virtual CopyAgreement InsertCopyAgreement(const CopyAgreement& agreement) = 0;
  virtual std::vector<CopyAgreement> CopyAgreementsOfLoan(int64_t loan_id) = 0;
  virtual std::vector<CopyAgreement> CopyAgreementsOfVisitor(
      int64_t visitor_id) = 0;

  // Lending log.
  /// Every loaned item that took out any of the units, with borrower
  /// names, in the order the loans were opened.
  virtual std::vector<LendingLogEntry> LendingLog(
      const std::vector<std::string>& units) = 0;

  /// Appends an audit event in this transaction.
  virtual void Audit(const AuditEvent& event) = 0;

  // Rights requests (GDPR access and erasure) and retention.
  /// Visitors whose keyed identity index matches: the identity number's
  /// (when national_id_index is not empty) or name + birth date's (when
  /// person_index is not empty), by id.
  virtual std::vector<Visitor> FindVisitorsByIdentity(
      const std::string& national_id_index,
      const std::string& person_index) = 0;
  /// Deletes the visitor with all of theirs: visits, loans with items and
  /// copy agreements, declarations, approvals, name tokens.
  virtual void DeleteVisitor(int64_t visitor_id) = 0;
  /// Audit events whose subject is one of the pseudonyms, oldest first.
  virtual std::vector<StoredAuditEvent> AuditEventsAbout(
      const std::vector<std::string>& pseudonyms) = 0;
  /// Retention: each deletes what ended before cutoff and returns how many.
  /// Loans returned before it (with items and copy agreements).
  virtual int64_t DeleteLoansReturnedBefore(TimePoint cutoff) = 0;
  /// Declarations expired or revoked before it that no loan refers to.
  virtual int64_t DeleteDeclarationsEndedBefore(TimePoint cutoff) = 0;
  /// Closed visits checked out before it that no loan refers to.
  virtual int64_t DeleteVisitsEndedBefore(TimePoint cutoff) = 0;
  /// Visitors with no visit, loan or declaration left, registered (and
  /// corrected) before cutoff: deleted; returns their key ids (so their
  /// keys can be destroyed).
  virtual std::vector<std::string> DeleteIdleVisitors(TimePoint cutoff) = 0;
};

/// Runs work atomically: all of it commits or none of it does.
class ReadingRoomStore {
 public:
  virtual ~ReadingRoomStore() = default;
  virtual void Run(
      const std::function<void(ReadingRoomTransaction&)>& work) = 0;
};

}  // namespace depot::readingroom
