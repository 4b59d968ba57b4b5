#include "services/common/auth/authorization.h"

#include <algorithm>

#include "services/common/error.h"

namespace depot {

const RpcPolicy* FindPolicy(std::string_view full_method) {
  if (full_method.starts_with('/')) full_method.remove_prefix(1);
  for (const RpcPolicy& policy : AuthorizationTable()) {
    if (policy.method == full_method) return &policy;
  }
  return nullptr;
}

const RpcPolicy& Authorize(const Caller& caller, std::string_view full_method) {
  const RpcPolicy* policy = FindPolicy(full_method);
  if (policy == nullptr) {
    throw PermissionDenied(std::string(full_method) +
                           " has no entry in the authorization table, so "
                           "nobody may call it");
  }
  if (std::find(policy->roles.begin(), policy->roles.end(), caller.role) ==
      policy->roles.end()) {
    throw PermissionDenied("role " + std::string(RoleName(caller.role)) +
                           " may not call " + policy->method);
  }
  return *policy;
}

}  // namespace depot
