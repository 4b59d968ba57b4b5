#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/readingroom/domain/model.h"

namespace depot::readingroom {

/// A lendable item as the desk names it: "record:<record id>" or
/// "box:<deposit id>:<box label>".
struct ItemRef {
  bool is_box = false;
  int64_t record_id = 0;   ///< records
  int64_t deposit_id = 0;  ///< boxes
  std::string box;         ///< boxes
  std::string text;        ///< the normalized reference
};

/// nullopt (and *problem set) when text is not an item reference.
std::optional<ItemRef> ParseItemRef(const std::string& text,
                                    std::string* problem);

/// Parses every reference; throws InvalidArgument naming field and the bad
/// or repeated reference. Refuses an empty list unless allow_empty.
std::vector<ItemRef> ParseItemRefs(const std::vector<std::string>& texts,
                                   const std::string& field, bool allow_empty);

/// What a loan of the item takes out of the stacks: the box itself (for a
/// box) and every record in it. Two loans conflict when they share a unit,
/// so a record cannot be lent while the box holding it is out, and the
/// other way round.
std::vector<std::string> LoanUnits(const ItemInfo& item);

/// The unit that stands for one record.
std::string RecordUnit(int64_t record_id);

}  // namespace depot::readingroom
