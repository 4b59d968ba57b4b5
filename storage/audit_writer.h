#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/common/audit_event.h"

namespace depot::storage {

/// Appends audit events to <schema>.audit_events inside the caller's
/// transaction, so that an event exists exactly when its change committed.
/// Every service schema has that table (created by its first migration,
/// same columns; see storage/migrations/).
void AppendAuditEvent(pqxx::transaction_base& tx, const std::string& schema,
                      const AuditEvent& event);
void AppendAuditEvents(pqxx::transaction_base& tx, const std::string& schema,
                       const std::vector<AuditEvent>& events);

}  // namespace depot::storage
