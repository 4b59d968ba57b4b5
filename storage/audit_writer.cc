#include "storage/audit_writer.h"

#include "storage/text_array.h"

namespace depot::storage {

void AppendAuditEvent(pqxx::transaction_base& tx, const std::string& schema,
                      const AuditEvent& event) {
  AppendAuditEvents(tx, schema, {event});
}

void AppendAuditEvents(pqxx::transaction_base& tx, const std::string& schema,
                       const std::vector<AuditEvent>& events) {
  if (events.empty()) return;
  // Schema names are compile-time constants of the services, never input.
  std::string table = tx.quote_name(schema) + ".audit_events";
  if (events.size() == 1) {
    const AuditEvent& e = events.front();
    tx.exec_params("INSERT INTO " + table +
                       " (actor, actor_role, action, object, subject, detail)"
                       " VALUES ($1, $2, $3, $4, NULLIF($5, ''), $6)",
                   e.actor, e.actor_role, e.action, e.object, e.subject,
                   e.detail);
    return;
  }
  // Several events in one statement: one round trip, whatever their number.
  std::vector<std::string> actor, role, action, object, subject, detail;
  for (const AuditEvent& e : events) {
    actor.push_back(e.actor);
    role.push_back(e.actor_role);
    action.push_back(e.action);
    object.push_back(e.object);
    subject.push_back(e.subject);
    detail.push_back(e.detail);
  }
  tx.exec_params("INSERT INTO " + table +
                     " (actor, actor_role, action, object, subject, detail)"
                     " SELECT a, r, v, o, NULLIF(s, ''), d FROM unnest("
                     "$1::text[], $2::text[], $3::text[], $4::text[],"
                     " $5::text[], $6::text[]) WITH ORDINALITY"
                     " AS e(a, r, v, o, s, d, n) ORDER BY n",
                 TextArrayLiteral(actor), TextArrayLiteral(role),
                 TextArrayLiteral(action), TextArrayLiteral(object),
                 TextArrayLiteral(subject), TextArrayLiteral(detail));
}

}  // namespace depot::storage
