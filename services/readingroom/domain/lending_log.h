#pragma once

#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/readingroom/domain/item_catalog.h"
#include "services/readingroom/domain/reading_room_store.h"

namespace depot::readingroom {

struct VisitorHistory {
  Visitor visitor;
  std::vector<Visit> visits;
  std::vector<Loan> loans;
};

/// The lending log: for any item, who has borrowed it; for any visitor,
/// every visit and loan. Each read is an audit event.
class LendingLog {
 public:
  LendingLog(ReadingRoomStore& store, ItemCatalog& catalog)
      : store_(store), catalog_(catalog) {}

  /// Every loan of the item in the order opened: for a record also the
  /// loans of a box that held it; for a box also the loans of the records
  /// in it.
  std::vector<LendingLogEntry> ForItem(const Caller& caller,
                                       const std::string& item_ref);
  VisitorHistory ForVisitor(const Caller& caller, int64_t visitor_id);

 private:
  ReadingRoomStore& store_;
  ItemCatalog& catalog_;
};

}  // namespace depot::readingroom
