#include "storage/audit_writer.h"

#include "storage/defined_statement.h"
#include "storage/queries.h"
#include "storage/text_array.h"

namespace depot::storage {

void AppendAuditEvent(pqxx::transaction_base& tx, const std::string& schema,
                      const AuditEvent& event) {
  AppendAuditEvents(tx, schema, {event});
}

void AppendAuditEvents(pqxx::transaction_base& tx, const std::string& schema,
                       const std::vector<AuditEvent>& events) {
  if (events.empty()) return;
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
  DefineStatement(tx, common_sql::kAppendAuditEvents);
  tx.exec_prepared(common_sql::kAppendAuditEvents.name, schema,
                   TextArrayLiteral(actor), TextArrayLiteral(role),
                   TextArrayLiteral(action), TextArrayLiteral(object),
                   TextArrayLiteral(subject), TextArrayLiteral(detail));
}

}  // namespace depot::storage
