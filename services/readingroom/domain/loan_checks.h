#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/readingroom/domain/declaration_seal.h"
#include "services/readingroom/domain/item_catalog.h"
#include "services/readingroom/domain/reading_room_store.h"

namespace depot::readingroom {

// The conditions of "no valid declaration, no loan" that Loans::Open
// checks, each adding what it found wrong (with the item it failed for) to
// `problems`, so that a refusal names every failed condition at once.

/// The declaration that backs a loan of `items`: one of `candidates` (the
/// given declaration, or all of the visitor's) that is sealed correctly,
/// unrevoked, unexpired and covers every item; 0 when none does.
int64_t ChooseDeclaration(const std::vector<Declaration>& candidates,
                          const Visitor& visitor, int64_t given,
                          const std::vector<const ItemInfo*>& items,
                          const SealVerifier& verifier, TimePoint now,
                          std::vector<std::string>* problems);

/// The units the items take out; a problem for each overlap between items
/// of the same request.
std::vector<std::string> WantedUnits(const std::vector<const ItemInfo*>& items,
                                     std::vector<std::string>* problems);

/// A problem for each item that is out, wholly or in part.
void CheckAvailable(const std::vector<UnitOnLoan>& units_out,
                    const std::vector<const ItemInfo*>& items,
                    std::vector<std::string>* problems);

/// The archivist's approval for the special-category items among `items`,
/// when one was given and it holds.
std::optional<SpecialApproval> CheckApproval(
    ReadingRoomTransaction& tx, const Visitor& visitor, int64_t approval_id,
    const std::vector<const ItemInfo*>& items, TimePoint now,
    std::vector<std::string>* problems);

/// The parts with `separator` between them.
std::string Join(const std::vector<std::string>& parts,
                 const std::string& separator);

}  // namespace depot::readingroom
