#include "storage/subject_audit.h"

#include "storage/defined_statement.h"
#include "storage/pg_time.h"
#include "storage/queries.h"
#include "storage/text_array.h"

namespace depot::storage {

std::vector<StoredAuditEvent> AuditEventsAbout(
    pqxx::transaction_base& tx, const std::string& schema,
    const std::vector<std::string>& pseudonyms) {
  std::vector<StoredAuditEvent> events;
  if (pseudonyms.empty()) return events;
  DefineStatement(tx, common_sql::kAuditEventsAbout);
  auto result = tx.exec_prepared(common_sql::kAuditEventsAbout.name, schema,
                                 TextArrayLiteral(pseudonyms));
  for (const auto& row : result) {
    StoredAuditEvent event;
    event.id = row["id"].as<int64_t>();
    event.occurred_at = FromMicros(row["occurred_us"].as<int64_t>());
    event.actor = row["actor"].as<std::string>();
    event.actor_role = row["actor_role"].as<std::string>();
    event.action = row["action"].as<std::string>();
    event.object = row["object"].as<std::string>();
    event.detail = row["detail"].as<std::string>();
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace depot::storage
