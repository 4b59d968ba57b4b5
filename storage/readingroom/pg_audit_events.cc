// The reading room's audit events: appended in the caller's transaction,
// and read back for a person's extract.
#include <pqxx/pqxx>

#include "storage/readingroom/pg_readingroom_transaction.h"
#include "storage/readingroom/queries.h"
#include "storage/subject_audit.h"

namespace depot::storage {

// The columns and meaning of storage::AppendAuditEvent, as a prepared
// statement: every loan and return writes one, and parsing the insert each
// time cost more than the rest of a return.
void PgReadingRoomTransaction::Audit(const AuditEvent& event) {
  tx_.exec_prepared(readingroom_sql::kInsertAuditEvent.name, event.actor,
                    event.actor_role, event.action, event.object, event.subject,
                    event.detail);
}

std::vector<StoredAuditEvent> PgReadingRoomTransaction::AuditEventsAbout(
    const std::vector<std::string>& pseudonyms) {
  return storage::AuditEventsAbout(tx_, "readingroom", pseudonyms);
}

}  // namespace depot::storage
