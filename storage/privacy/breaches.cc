// PgPrivacyTransaction: the breach register.
#include <pqxx/pqxx>

#include "storage/pg_time.h"
#include "storage/privacy/privacy_rows.h"
#include "storage/privacy/privacy_transaction.h"
#include "storage/privacy/queries.h"

namespace depot::storage {

namespace sql = privacy_sql;
using privacy::Breach;
using privacy_rows::BreachFrom;
using privacy_rows::JoinCategories;

Breach PgPrivacyTransaction::InsertBreach(const Breach& b) {
  int64_t id = tx_.exec_prepared1(
                      sql::kInsertBreach.name, ToMicros(b.became_aware_at),
                      ToMicros(b.deadline_at), b.nature,
                      JoinCategories(b.data_categories),
                      JoinCategories(b.people_categories), b.approximate_people,
                      ToMicros(b.registered_at), b.registered_by)[0]
                   .as<int64_t>();
  // Read back as stored, as FindBreach would return it.
  return BreachFrom(tx_.exec_prepared1(sql::kFindBreach.name, id));
}

std::optional<Breach> PgPrivacyTransaction::FindBreach(int64_t id,
                                                       bool for_update) {
  auto result = tx_.exec_prepared(
      for_update ? sql::kFindBreachForUpdate.name : sql::kFindBreach.name, id);
  if (result.empty()) return std::nullopt;
  return BreachFrom(result[0]);
}

void PgPrivacyTransaction::UpdateBreachNotification(const Breach& b) {
  privacy_rows::OptionalMicros notified(b.notified_at);
  tx_.exec_prepared(sql::kNotifyBreach.name, b.id, notified.get(),
                    b.notified_by, b.late_reason);
}

std::vector<Breach> PgPrivacyTransaction::ListBreaches(bool open_only) {
  std::vector<Breach> breaches;
  for (const auto& row :
       tx_.exec_prepared(sql::kListBreaches.name, open_only)) {
    breaches.push_back(BreachFrom(row));
  }
  return breaches;
}

}  // namespace depot::storage
