#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace depot {

/// The roles of ARCHITECTURE.md (Security). A municipal system's role
/// carries its organisation number.
enum class Role { kArchivist, kDesk, kDpo, kAuditor, kService, kMunicipality };

inline constexpr Role kAllRoles[] = {Role::kArchivist, Role::kDesk,
                                     Role::kDpo,       Role::kAuditor,
                                     Role::kService,   Role::kMunicipality};

std::string_view RoleName(Role role);

/// Who is calling, as established from the client certificate and the roles
/// file. Plain C++ so that domain code can apply organisation limits.
struct Caller {
  std::string identity;  ///< certificate common name
  Role role = Role::kArchivist;
  std::string organisation_number;  ///< set for Role::kMunicipality only

  /// "municipality:964338531", "archivist", ...
  std::string RoleLabel() const;
  /// True when the caller may only act for its own organisation.
  bool LimitedToOwnOrganisation() const { return role == Role::kMunicipality; }
  /// Throws PermissionDenied when a municipal system acts on another
  /// organisation's data. For objects looked up by their own id (a deposit,
  /// a record) use MaySee and answer NotFound instead, so that ids reveal
  /// nothing about other organisations.
  void RequireOrganisation(std::string_view organisation_number) const;
  /// False when a municipal system would see another organisation's data.
  bool MaySee(std::string_view organisation_number) const {
    return !LimitedToOwnOrganisation() ||
           organisation_number == this->organisation_number;
  }
};

/// Parses a role as written in roles.conf ("desk", "municipality:<orgnr>").
/// Returns nullopt and sets *problem when it is not a role.
std::optional<Caller> ParseRoleLabel(std::string_view label,
                                     std::string* problem);

}  // namespace depot
