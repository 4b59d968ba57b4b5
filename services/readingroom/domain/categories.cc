#include "services/readingroom/domain/categories.h"

#include <array>
#include <utility>

namespace depot::readingroom {
namespace {

// Index + 1 is the RegisterCategory number of deposit.proto. These names
// are part of the sealed declaration encoding: never rename one.
// They match DepositService's category names (deposits/domain/categories).
constexpr std::array<const char*, 9> kNames = {"pupil",
                                               "ppt",
                                               "child-welfare",
                                               "health-card",
                                               "patient-journal",
                                               "social-services",
                                               "personnel",
                                               "kindergarten",
                                               "other"};

}  // namespace

std::optional<std::string> CategoryName(int proto_number) {
  if (proto_number < 1 || proto_number > static_cast<int>(kNames.size())) {
    return std::nullopt;
  }
  return kNames[proto_number - 1];
}

std::optional<int> CategoryNumber(const std::string& name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) return static_cast<int>(i + 1);
  }
  return std::nullopt;
}

std::string CategoryNames() {
  std::string names;
  for (const char* name : kNames) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

}  // namespace depot::readingroom
