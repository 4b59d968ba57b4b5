#include "services/common/auth/caller.h"

#include "services/common/error.h"
#include "services/common/organisation_number.h"

namespace depot {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kArchivist:
      return "archivist";
    case Role::kDesk:
      return "desk";
    case Role::kDpo:
      return "dpo";
    case Role::kAuditor:
      return "auditor";
    case Role::kService:
      return "service";
    case Role::kMunicipality:
      return "municipality";
  }
  return "unknown";
}

std::string Caller::RoleLabel() const {
  std::string label(RoleName(role));
  if (role == Role::kMunicipality) label += ":" + organisation_number;
  return label;
}

void Caller::RequireOrganisation(std::string_view other) const {
  if (!LimitedToOwnOrganisation() || other == organisation_number) return;
  throw PermissionDenied("municipal system " + identity +
                         " may act only for its own organisation " +
                         organisation_number + ", not for " +
                         std::string(other));
}

std::optional<Caller> ParseRoleLabel(std::string_view label,
                                     std::string* problem) {
  constexpr std::string_view kMunicipalityPrefix = "municipality:";
  Caller caller;
  if (label.starts_with(kMunicipalityPrefix)) {
    std::string number(label.substr(kMunicipalityPrefix.size()));
    if (auto bad = OrganisationNumberProblem(number)) {
      *problem = *bad;
      return std::nullopt;
    }
    caller.role = Role::kMunicipality;
    caller.organisation_number = number;
    return caller;
  }
  for (Role role : kAllRoles) {
    if (role != Role::kMunicipality && label == RoleName(role)) {
      caller.role = role;
      return caller;
    }
  }
  *problem = "unknown role '" + std::string(label) +
             "' (expected archivist, desk, dpo, auditor, service or "
             "municipality:<orgnr>)";
  return std::nullopt;
}

}  // namespace depot
