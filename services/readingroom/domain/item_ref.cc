#include "services/readingroom/domain/item_ref.h"

#include <set>

#include "services/common/error.h"
#include "services/common/text_check.h"

namespace depot::readingroom {
namespace {

constexpr size_t kMaxBoxLabel = 100;
constexpr size_t kMaxItems = 100;

std::optional<int64_t> ParsePositive(const std::string& digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return std::nullopt;
  return value;
}

}  // namespace

std::string RecordUnit(int64_t record_id) {
  return "record:" + std::to_string(record_id);
}

std::optional<ItemRef> ParseItemRef(const std::string& text,
                                    std::string* problem) {
  ItemRef ref;
  if (text.starts_with("record:")) {
    auto id = ParsePositive(text.substr(7));
    if (!id) {
      *problem = QuoteInput(text) + " is not record:<record id>";
      return std::nullopt;
    }
    ref.record_id = *id;
    ref.text = RecordUnit(*id);
    return ref;
  }
  if (text.starts_with("box:")) {
    size_t colon = text.find(':', 4);
    auto id = colon == std::string::npos
                  ? std::nullopt
                  : ParsePositive(text.substr(4, colon - 4));
    std::string label =
        colon == std::string::npos ? "" : text.substr(colon + 1);
    bool printable = true;
    for (unsigned char c : label) printable &= c >= 0x20 && c != 0x7f;
    if (!id || label.empty() || label.size() > kMaxBoxLabel || !printable) {
      *problem = QuoteInput(text) + " is not box:<deposit id>:<box label>";
      return std::nullopt;
    }
    ref.is_box = true;
    ref.deposit_id = *id;
    ref.box = label;
    ref.text = "box:" + std::to_string(*id) + ":" + label;
    return ref;
  }
  *problem = QuoteInput(text) +
             " is not an item reference (record:<record id> or "
             "box:<deposit id>:<box label>)";
  return std::nullopt;
}

std::vector<ItemRef> ParseItemRefs(const std::vector<std::string>& texts,
                                   const std::string& field, bool allow_empty) {
  if (texts.empty() && !allow_empty) {
    throw InvalidArgument(field +
                          " is required: at least one item "
                          "(record:<id> or box:<deposit id>:<box>)");
  }
  if (texts.size() > kMaxItems) {
    throw InvalidArgument(field + " names more than " +
                          std::to_string(kMaxItems) + " items");
  }
  std::vector<ItemRef> refs;
  std::set<std::string> seen;
  for (const std::string& text : texts) {
    std::string problem;
    auto ref = ParseItemRef(text, &problem);
    if (!ref) throw InvalidArgument(field + ": " + problem);
    if (!seen.insert(ref->text).second) {
      throw InvalidArgument(field + " names " + QuoteInput(ref->text) +
                            " twice");
    }
    refs.push_back(*ref);
  }
  return refs;
}

std::vector<std::string> LoanUnits(const ItemInfo& item) {
  std::vector<std::string> units;
  if (item.is_box) units.push_back(item.item_ref);
  for (int64_t id : item.record_ids) units.push_back(RecordUnit(id));
  return units;
}

}  // namespace depot::readingroom
