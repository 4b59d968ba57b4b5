#include "services/readingroom/domain/loan_checks.h"

#include <algorithm>
#include <map>

#include "services/common/time_format.h"
#include "services/readingroom/domain/item_ref.h"
#include "services/readingroom/domain/scope.h"

namespace depot::readingroom {

std::string Join(const std::vector<std::string>& parts,
                 const std::string& separator) {
  std::string text;
  for (const std::string& part : parts) {
    if (!text.empty()) text += separator;
    text += part;
  }
  return text;
}

int64_t ChooseDeclaration(const std::vector<Declaration>& candidates,
                          const Visitor& visitor, int64_t given,
                          const std::vector<const ItemInfo*>& items,
                          const SealVerifier& verifier, TimePoint now,
                          std::vector<std::string>* problems) {
  std::string visitor_text = "visitor " + std::to_string(visitor.id);
  if (given > 0 &&
      (candidates.size() != 1 || candidates[0].visitor_id != visitor.id)) {
    problems->push_back("declaration " + std::to_string(given) +
                        " is not a declaration of " + visitor_text);
    return 0;
  }
  if (candidates.empty()) {
    problems->push_back(visitor_text +
                        " has signed no confidentiality declaration: have "
                        "them sign one first (depot declaration sign)");
    return 0;
  }
  std::vector<const Declaration*> valid;
  std::vector<std::string> invalid;
  for (const Declaration& declaration : candidates) {
    DeclarationCheck check = CheckDeclaration(declaration, verifier, now);
    if (check.valid()) {
      valid.push_back(&declaration);
    } else {
      invalid.push_back("declaration " + std::to_string(declaration.id) +
                        " is not valid: " + Join(check.problems, ", "));
    }
  }
  if (valid.empty()) {
    problems->push_back(visitor_text +
                        " has no valid confidentiality declaration (" +
                        Join(invalid, "; ") +
                        "); have them sign a new one (depot declaration sign)");
    return 0;
  }
  for (const Declaration* declaration : valid) {
    bool all = std::all_of(items.begin(), items.end(), [&](const ItemInfo* i) {
      return Covers(declaration->scope, *i);
    });
    if (all) return declaration->id;
  }
  std::vector<std::string> scopes;
  for (const Declaration* declaration : valid) {
    scopes.push_back("declaration " + std::to_string(declaration->id) + ": " +
                     DescribeScope(declaration->scope));
  }
  bool each_covered_somewhere = true;
  for (const ItemInfo* item : items) {
    bool covered = std::any_of(valid.begin(), valid.end(),
                               [&](const Declaration* declaration) {
                                 return Covers(declaration->scope, *item);
                               });
    if (!covered) {
      each_covered_somewhere = false;
      problems->push_back("item " + item->item_ref +
                          " is outside the scope of every valid declaration "
                          "of " +
                          visitor_text + " (" + Join(scopes, "; ") + ")");
    }
  }
  if (each_covered_somewhere) {
    problems->push_back("no single valid declaration of " + visitor_text +
                        " covers every item (" + Join(scopes, "; ") +
                        "): open one loan per declaration");
  }
  return 0;
}

std::vector<std::string> WantedUnits(const std::vector<const ItemInfo*>& items,
                                     std::vector<std::string>* problems) {
  std::vector<std::string> units;
  std::map<std::string, std::string> requested_by;  // unit -> item
  for (const ItemInfo* item : items) {
    for (const std::string& unit : LoanUnits(*item)) {
      auto [it, fresh] = requested_by.emplace(unit, item->item_ref);
      if (!fresh) {
        problems->push_back("items " + it->second + " and " + item->item_ref +
                            " overlap (" + unit +
                            " is in both): lend the box alone");
        continue;
      }
      units.push_back(unit);
    }
  }
  return units;
}

void CheckAvailable(const std::vector<UnitOnLoan>& units_out,
                    const std::vector<const ItemInfo*>& items,
                    std::vector<std::string>* problems) {
  std::map<std::string, UnitOnLoan> out;
  for (const UnitOnLoan& unit : units_out) out[unit.unit] = unit;
  for (const ItemInfo* item : items) {
    for (const std::string& unit : LoanUnits(*item)) {
      auto found = out.find(unit);
      if (found == out.end()) continue;
      const UnitOnLoan& holder = found->second;
      std::string loan = "loan " + std::to_string(holder.loan_id);
      if (holder.item_ref == item->item_ref) {
        problems->push_back("item " + item->item_ref + " is on loan already (" +
                            loan + ")");
      } else {
        problems->push_back("item " + item->item_ref +
                            " is on loan already: " + unit + " is out with " +
                            loan + " (as " + holder.item_ref + ")");
      }
      break;  // one reason per item is enough
    }
  }
}

std::optional<SpecialApproval> CheckApproval(
    ReadingRoomTransaction& tx, const Visitor& visitor, int64_t approval_id,
    const std::vector<const ItemInfo*>& items, TimePoint now,
    std::vector<std::string>* problems) {
  std::vector<const ItemInfo*> special;
  for (const ItemInfo* item : items) {
    if (item->special_category) special.push_back(item);
  }
  auto requirement = [](const ItemInfo* item) {
    return "item " + item->item_ref + " is special-category material (" +
           item->category + "): an archivist's approval is required";
  };
  if (approval_id == 0) {
    for (const ItemInfo* item : special) {
      problems->push_back(requirement(item) +
                          " and none was given (depot loan approve, then "
                          "--approval)");
    }
    return std::nullopt;
  }
  auto approval = tx.FindApproval(approval_id);
  std::string name = "approval " + std::to_string(approval_id);
  if (!approval || approval->visitor_id != visitor.id) {
    problems->push_back(name + " is not an approval for visitor " +
                        std::to_string(visitor.id));
    return std::nullopt;
  }
  if (now >= approval->valid_until) {
    problems->push_back(name + " expired at " +
                        FormatRfc3339(approval->valid_until));
    return std::nullopt;
  }
  for (const ItemInfo* item : special) {
    const auto& named = approval->item_refs;
    if (std::find(named.begin(), named.end(), item->item_ref) == named.end()) {
      problems->push_back(requirement(item) + ", and " + name +
                          " does not name it");
    }
  }
  return approval;
}

}  // namespace depot::readingroom
