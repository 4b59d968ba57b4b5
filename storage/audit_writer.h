#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/common/audit_event.h"

namespace depot::storage {

/// Appends audit events to the audit log of service schema `schema` (its
/// table <schema>.audit_events, through audit.append_events of migration
/// 302) inside the caller's transaction, so that an event exists exactly
/// when its change committed. Runs on any connection, pooled or not.
void AppendAuditEvent(pqxx::transaction_base& tx, const std::string& schema,
                      const AuditEvent& event);
void AppendAuditEvents(pqxx::transaction_base& tx, const std::string& schema,
                       const std::vector<AuditEvent>& events);

}  // namespace depot::storage
