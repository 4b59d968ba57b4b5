#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace depot::deposits {

enum class DepositorKind { kMunicipality, kCounty, kOther };

/// "municipality", "county", "other": the stored and displayed names.
const char* DepositorKindName(DepositorKind kind);
std::optional<DepositorKind> ParseDepositorKind(const std::string& name);

/// A body that deposits closed archives with the depot, identified by its
/// Norwegian organisation number.
struct Depositor {
  int64_t id = 0;
  std::string organisation_number;
  std::string name;
  DepositorKind kind = DepositorKind::kMunicipality;
  std::chrono::system_clock::time_point registered_at;
};

struct NewDepositor {
  std::string organisation_number;
  std::string name;
  std::optional<DepositorKind> kind;  ///< nullopt when the caller gave none
};

struct DepositorPage {
  std::vector<Depositor> depositors;
  std::string next_page_token;  ///< empty on the last page
};

}  // namespace depot::deposits
