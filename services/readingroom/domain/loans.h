#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/readingroom/domain/declaration_seal.h"
#include "services/readingroom/domain/item_catalog.h"
#include "services/readingroom/domain/reading_room_store.h"
#include "services/readingroom/domain/settings.h"

namespace depot::readingroom {

struct OpenLoanRequest {
  int64_t visitor_id = 0;
  std::vector<std::string> item_refs;
  int64_t declaration_id = 0;  ///< 0: any valid one covering every item
  int64_t approval_id = 0;     ///< for special-category items
};

struct ApprovalRequest {
  int64_t visitor_id = 0;
  std::vector<std::string> item_refs;
  std::string reason;
  std::string valid_through;  ///< YYYY-MM-DD; empty: today
};

struct OverdueLoan {
  Loan loan;
  TimePoint overdue_since;
};

struct OverdueList {
  int closing_minutes = 0;
  std::vector<OverdueLoan> loans;
};

/// Loans of deposited items for use in the reading room, under the rule
/// "no valid declaration, no loan".
class Loans {
 public:
  Loans(ReadingRoomStore& store, ItemCatalog& catalog,
        const SealVerifier& verifier, Clock clock, const Settings& settings)
      : store_(store),
        catalog_(catalog),
        verifier_(verifier),
        clock_(std::move(clock)),
        settings_(settings) {}

  /// Opens a loan when every condition holds: the visitor is checked in; a
  /// declaration that is sealed correctly, unrevoked and unexpired covers
  /// every item; each item exists and is not out; special-category items
  /// have an archivist's approval. Otherwise FailedPrecondition naming every
  /// failed condition and the item it failed for.
  Loan Open(const Caller& caller, const OpenLoanRequest& request);
  /// Takes items back (all still out when item_refs is empty).
  Loan Return(const Caller& caller, int64_t loan_id,
              const std::vector<std::string>& item_refs);
  /// With its copy agreements.
  Loan Get(const Caller& caller, int64_t loan_id);
  /// Loans still out after the closing time of the day they were opened.
  /// closing_time: HH:MM, empty for the configured one.
  OverdueList Overdue(const Caller& caller, const std::string& closing_time);

  /// An archivist's approval for special-category items.
  SpecialApproval Approve(const Caller& caller, const ApprovalRequest& request);

 private:
  ReadingRoomStore& store_;
  ItemCatalog& catalog_;
  const SealVerifier& verifier_;
  Clock clock_;
  const Settings& settings_;
};

/// FailedPrecondition/NotFound unless the loan exists.
Loan RequireLoan(ReadingRoomTransaction& tx, int64_t loan_id);

}  // namespace depot::readingroom
