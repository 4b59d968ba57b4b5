#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/readingroom/domain/model.h"

namespace depot::readingroom {

/// Checks and normalizes a declaration's scope: organisation numbers must
/// be valid, categories known, record ids positive; values sorted, unique.
/// Throws InvalidArgument naming the field.
Scope NormalizeScope(std::optional<ScopeKind> kind,
                     const std::vector<std::string>& values);

/// Whether a declaration with this scope covers the item: a box under a
/// records scope only when every record in it is listed.
bool Covers(const Scope& scope, const ItemInfo& item);

/// "all material", "depositor 964338531", "records 4, 9": for messages.
std::string DescribeScope(const Scope& scope);

}  // namespace depot::readingroom
