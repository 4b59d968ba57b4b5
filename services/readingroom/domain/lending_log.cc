#include "services/readingroom/domain/lending_log.h"

#include <set>

#include "services/common/error.h"
#include "services/readingroom/domain/audit.h"
#include "services/readingroom/domain/item_ref.h"
#include "services/readingroom/domain/visitors.h"

namespace depot::readingroom {

std::vector<LendingLogEntry> LendingLog::ForItem(const Caller& caller,
                                                 const std::string& item_ref) {
  std::string problem;
  auto ref = ParseItemRef(item_ref, &problem);
  if (!ref) throw InvalidArgument("item_ref: " + problem);
  std::vector<std::string> units;
  if (ref->is_box) {
    units.push_back(ref->text);
    // Records now in the box were lent with it or on their own; the log
    // shows both. A box the depot no longer knows keeps its own entries.
    if (auto item = catalog_.Find(ref->text)) {
      for (int64_t id : item->record_ids) units.push_back(RecordUnit(id));
    }
  } else {
    units.push_back(ref->text);
  }
  std::vector<LendingLogEntry> entries;
  store_.Run([&](ReadingRoomTransaction& tx) {
    entries = tx.LendingLog(units);
    std::set<std::string> audited;
    for (const LendingLogEntry& entry : entries) {
      if (!audited.insert(entry.visitor_subject).second) continue;
      tx.Audit(Event(caller, "lending_log.item", "item/" + ref->text,
                     entry.visitor_subject));
    }
    if (entries.empty()) {
      tx.Audit(Event(caller, "lending_log.item", "item/" + ref->text, "",
                     "no loans"));
    }
  });
  return entries;
}

VisitorHistory LendingLog::ForVisitor(const Caller& caller,
                                      int64_t visitor_id) {
  RequireId(visitor_id, "visitor_id");
  VisitorHistory history;
  store_.Run([&](ReadingRoomTransaction& tx) {
    history.visitor = RequireVisitor(tx, visitor_id);
    history.visits = tx.VisitsOf(visitor_id);
    history.loans = tx.LoansOf(visitor_id);
    auto agreements = tx.CopyAgreementsOfVisitor(visitor_id);
    for (Loan& loan : history.loans) {
      for (const CopyAgreement& agreement : agreements) {
        if (agreement.loan_id == loan.id) {
          loan.copy_agreements.push_back(agreement);
        }
      }
    }
    tx.Audit(Event(caller, "lending_log.visitor",
                   "visitor/" + std::to_string(visitor_id),
                   history.visitor.subject,
                   std::to_string(history.loans.size()) + " loan(s)"));
  });
  return history;
}

}  // namespace depot::readingroom
