#include "storage/audit_writer.h"

namespace depot::storage {

void AppendAuditEvent(pqxx::transaction_base& tx, const std::string& schema,
                      const AuditEvent& event) {
  AppendAuditEvents(tx, schema, {event});
}

void AppendAuditEvents(pqxx::transaction_base& tx, const std::string& schema,
                       const std::vector<AuditEvent>& events) {
  if (events.empty()) return;
  // Schema names are compile-time constants of the services, never input.
  std::string sql = "INSERT INTO " + tx.quote_name(schema) +
                    ".audit_events (actor, actor_role, action, object, "
                    "subject, detail) VALUES ($1, $2, $3, $4, NULLIF($5, ''), $6)";
  for (const AuditEvent& e : events) {
    tx.exec_params(sql, e.actor, e.actor_role, e.action, e.object, e.subject,
                   e.detail);
  }
}

}  // namespace depot::storage
