#include "clients/cli/deposit_names.h"

namespace depot::cli {

// The server owns these names (services/deposits/domain/categories.cc); they
// are part of the API (CategoryRule.name) and never change, so the CLI can
// check a --category before it connects.
const std::vector<std::string>& CategoryNames() {
  static const std::vector<std::string> kNames = {"pupil",
                                                  "ppt",
                                                  "child-welfare",
                                                  "health-card",
                                                  "patient-journal",
                                                  "social-services",
                                                  "personnel",
                                                  "kindergarten",
                                                  "other"};
  return kNames;
}

std::string CategoryName(v1::RegisterCategory category) {
  int index = static_cast<int>(category) - 1;
  if (index < 0 || index >= static_cast<int>(CategoryNames().size())) {
    return "-";
  }
  return CategoryNames()[index];
}

std::optional<v1::RegisterCategory> CategoryByName(const std::string& name) {
  for (size_t i = 0; i < CategoryNames().size(); ++i) {
    if (CategoryNames()[i] == name) {
      return static_cast<v1::RegisterCategory>(i + 1);
    }
  }
  return std::nullopt;
}

std::string DepositStateName(v1::DepositState state) {
  switch (state) {
    case v1::DEPOSIT_STATE_OPEN:
      return "open";
    case v1::DEPOSIT_STATE_TRANSFERRING:
      return "transferring";
    case v1::DEPOSIT_STATE_RECEIVED:
      return "received";
    case v1::DEPOSIT_STATE_CANCELLED:
      return "cancelled";
    default:
      return "-";
  }
}

}  // namespace depot::cli
