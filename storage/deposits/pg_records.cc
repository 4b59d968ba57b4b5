#include "storage/deposits/pg_records.h"

#include "storage/deposits/deposit_rows.h"
#include "storage/deposits/queries.h"

namespace depot::storage {
namespace {

using namespace depot::storage::deposits_sql;
using StoredRecord = PgRecords::StoredRecord;

std::vector<StoredRecord> ToStoredRecords(const pqxx::result& result) {
  std::vector<StoredRecord> records;
  records.reserve(result.size());
  for (const auto& row : result) records.push_back(ToStoredRecord(row));
  return records;
}

// NULL for "": the columns a record may lack.
const char* OrNull(const std::string& text) {
  return text.empty() ? nullptr : text.c_str();
}

}  // namespace

std::vector<StoredRecord> PgRecords::Search(const deposits::RecordQuery& q,
                                            int64_t after_id, int limit) {
  // Not prepared: exec_params plans with the actual values, so the
  // conditions of criteria not given fold away and each search uses its
  // own index (a prepared statement would soon run one generic plan).
  return ToStoredRecords(tx_.exec_params(
      kSearchRecords.text, after_id, q.national_id_index, q.person_index,
      q.organisation_number, q.category, q.deposit_id, q.box, limit));
}

std::optional<StoredRecord> PgRecords::Find(int64_t record_id) {
  // Prepared: the reading room asks for every item it lends, and planning
  // this join each time cost more than running it.
  auto result = tx_.exec_prepared(kFindRecord.name, record_id);
  if (result.empty()) return std::nullopt;
  return ToStoredRecord(result[0]);
}

std::vector<StoredRecord> PgRecords::InBox(int64_t deposit_id,
                                           const std::string& box) {
  return ToStoredRecords(
      tx_.exec_prepared(kRecordsInBox.name, deposit_id, box));
}

void PgRecords::Update(int64_t record_id, const deposits::SealedRecord& r) {
  tx_.exec_prepared(kUpdateRecord.name, record_id, r.name_sealed,
                    OrNull(r.national_id_sealed), r.national_id_kind,
                    OrNull(r.national_id_index), r.person_index,
                    r.birth_date_sealed, r.opened_date, r.last_contact_date,
                    r.death_year == 0 ? nullptr : &r.death_year,
                    OrNull(r.documents_sealed), OrNull(r.noark_sealed),
                    r.subject);
}

void PgRecords::InsertCorrection(int64_t record_id, const std::string& fields,
                                 const std::string& reason,
                                 const std::string& corrected_by) {
  tx_.exec_prepared(kInsertCorrection.name, record_id, fields, reason,
                    corrected_by);
}

}  // namespace depot::storage
