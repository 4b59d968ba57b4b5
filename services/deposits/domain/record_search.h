#pragma once

#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/deposits/domain/deposit_context.h"

namespace depot::deposits {

struct SearchCommand {
  std::string national_id;
  std::string person_name;
  std::string birth_date;
  std::string organisation_number;
  int category = 0;
  int64_t deposit_id = 0;
  std::string box;
  int page_size = 0;
  std::string page_token;
};

struct RecordPage {
  std::vector<RecordView> records;
  std::string next_page_token;
};

enum class ItemKind { kRecord, kBox };

/// A lendable item described without personal data.
struct ItemInfo {
  std::string item_ref;
  ItemKind kind = ItemKind::kRecord;
  int64_t deposit_id = 0;
  std::string organisation_number;
  RegisterCategory category = RegisterCategory::kOther;
  bool special_category = false;
  std::string box;
  std::string shelf;
  std::vector<int64_t> record_ids;
};

/// Finding deposited records. Every search is audited: one event for the
/// search and one per record shown, each naming the person by pseudonym.
class RecordSearch {
 public:
  explicit RecordSearch(DepositContext& context) : context_(context) {}

  RecordPage Search(const Caller& caller, const SearchCommand& command);
  /// "record:<id>" or "box:<deposit_id>:<box>"; NotFound when absent.
  ItemInfo Item(const Caller& caller, const std::string& item_ref);

 private:
  DepositContext& context_;
};

}  // namespace depot::deposits
