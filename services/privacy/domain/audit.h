#pragma once

#include <string>

#include "services/common/audit_event.h"
#include "services/common/auth/caller.h"

namespace depot::privacy {

/// An audit event by the caller. subject: a Keyring pseudonym or empty;
/// detail never holds personal data.
inline AuditEvent Event(const Caller& caller, std::string action,
                        std::string object, std::string subject,
                        std::string detail = "") {
  return AuditEvent{caller.identity,   caller.RoleLabel(), std::move(action),
                    std::move(object), std::move(subject), std::move(detail)};
}

/// Checks a free-text reason: required, at most 500 characters. Throws
/// InvalidArgument naming field.
void CheckReason(const std::string& reason, const std::string& field);

}  // namespace depot::privacy
