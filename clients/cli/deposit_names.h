#pragma once

#include <optional>
#include <string>
#include <vector>

#include "depot/v1/deposit.pb.h"

namespace depot::cli {

/// The register categories' short names as ListCategories returns them
/// ("pupil", "child-welfare", ...), in enum order.
const std::vector<std::string>& CategoryNames();
/// "pupil" for REGISTER_CATEGORY_PUPIL_FILES, ...; "-" when unspecified.
std::string CategoryName(v1::RegisterCategory category);
std::optional<v1::RegisterCategory> CategoryByName(const std::string& name);

/// "open", "transferring", "received", "cancelled".
std::string DepositStateName(v1::DepositState state);

}  // namespace depot::cli
