#pragma once

#include <optional>
#include <string>

#include "services/readingroom/domain/model.h"

namespace depot::readingroom {

/// Where the reading room learns what a deposited item is: DepositService
/// over gRPC in the server, a fake in unit tests.
class ItemCatalog {
 public:
  virtual ~ItemCatalog() = default;
  /// nullopt when the depot has no such item. Throws depot::Error
  /// (Unavailable, ...) when the catalog cannot answer.
  virtual std::optional<ItemInfo> Find(const std::string& item_ref) = 0;
};

}  // namespace depot::readingroom
