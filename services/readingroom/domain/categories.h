#pragma once

#include <optional>
#include <string>

namespace depot::readingroom {

/// Register categories by the names the reading room stores and seals
/// ("pupil", "child-welfare", ...) and by their depot.v1.RegisterCategory
/// numbers, so that domain, storage and the offline verifier in the CLI
/// agree without depending on proto types.
std::optional<std::string> CategoryName(int proto_number);
std::optional<int> CategoryNumber(const std::string& name);
/// "pupil, ppt, ..." for messages.
std::string CategoryNames();

}  // namespace depot::readingroom
