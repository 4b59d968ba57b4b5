#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "services/common/auth/caller.h"

namespace depot {

/// Who may call one RPC.
struct RpcPolicy {
  std::string method;  ///< full name: "depot.v1.DepositService/GetDepositor"
  std::vector<Role> roles;
  /// A municipal system may call it only for its own organisation: the
  /// request's organization_number (when it has one) must be its own, and
  /// the domain checks objects it looks up through Caller::RequireOrganisation.
  bool own_organisation_only = false;
};

/// The one authorization table: every RPC of every depot service.
const std::vector<RpcPolicy>& AuthorizationTable();

/// The policy for a full method name, or nullptr when the table has none
/// (such a method is refused to everyone).
const RpcPolicy* FindPolicy(std::string_view full_method);

/// Throws PermissionDenied ("role desk may not call ...") unless the table
/// lets the caller's role call the method.
const RpcPolicy& Authorize(const Caller& caller, std::string_view full_method);

}  // namespace depot
