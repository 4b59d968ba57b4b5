// PgPrivacyTransaction: erasures and the privacy service's own audit log.
#include <pqxx/pqxx>

#include "storage/audit_writer.h"
#include "storage/pg_time.h"
#include "storage/privacy/privacy_rows.h"
#include "storage/privacy/privacy_transaction.h"
#include "storage/privacy/queries.h"
#include "storage/subject_audit.h"

namespace depot::storage {

namespace sql = privacy_sql;
using privacy::ErasureRecord;

namespace {
constexpr char kSchema[] = "privacy";
}  // namespace

ErasureRecord PgPrivacyTransaction::InsertErasure(const ErasureRecord& e) {
  ErasureRecord stored = e;
  stored.id = tx_.exec_prepared1(sql::kInsertErasure.name, e.subject,
                                 ToMicros(e.requested_at), e.requested_by,
                                 e.reason, e.erased_count, e.kept_count)[0]
                  .as<int64_t>();
  return stored;
}

std::vector<ErasureRecord> PgPrivacyTransaction::ErasuresOfSubject(
    const std::string& subject) {
  std::vector<ErasureRecord> erasures;
  for (const auto& row :
       tx_.exec_prepared(sql::kErasuresOfSubject.name, subject)) {
    erasures.push_back(privacy_rows::ErasureFrom(row, subject));
  }
  return erasures;
}

std::vector<privacy::StoredAuditEvent>
PgPrivacyTransaction::AuditEventsOfSubject(const std::string& subject) {
  std::vector<privacy::StoredAuditEvent> events;
  for (const StoredAuditEvent& e : AuditEventsAbout(tx_, kSchema, {subject})) {
    events.push_back({e.id, e.occurred_at, e.actor, e.actor_role, e.action,
                      e.object, e.detail});
  }
  return events;
}

void PgPrivacyTransaction::Audit(const AuditEvent& event) {
  AppendAuditEvent(tx_, kSchema, event);
}

}  // namespace depot::storage
