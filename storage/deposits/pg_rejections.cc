#include "storage/deposits/pg_rejections.h"

#include <set>

#include "services/common/error.h"
#include "services/common/text_check.h"
#include "storage/deposits/deposit_rows.h"
#include "storage/deposits/queries.h"

namespace depot::storage {

using namespace depot::storage::deposits_sql;
using deposits::Rejection;

std::optional<Rejection> PgRejections::Find(
    int64_t deposit_id, const std::string& source_record_id) {
  auto result =
      tx_.exec_prepared(kFindRejection.name, deposit_id, source_record_id);
  if (result.empty()) return std::nullopt;
  return ToRejection(result[0]);
}

std::vector<Rejection> PgRejections::List(int64_t deposit_id,
                                          int64_t after_position,
                                          int64_t after_id, int limit) {
  auto result = tx_.exec_prepared(kListRejections.name, deposit_id,
                                  after_position, after_id, limit);
  std::vector<Rejection> rejections;
  rejections.reserve(result.size());
  for (const auto& row : result) rejections.push_back(ToRejection(row));
  return rejections;
}

void PgRejections::InsertException(const deposits::RecordException& e) {
  try {
    pqxx::subtransaction guard(Writable(tx_), "insert_exception");
    guard.exec_prepared(kInsertException.name, e.deposit_id, e.source_record_id,
                        e.reason, e.granted_by);
    guard.commit();
  } catch (const pqxx::unique_violation&) {
    throw AlreadyExists("record " + QuoteInput(e.source_record_id) +
                        " already has an exception; send it again");
  }
}

std::vector<std::string> PgRejections::ExceptionsAmong(
    int64_t deposit_id, const std::vector<std::string>& source_ids) {
  std::vector<std::string> found;
  // Exceptions are rare: one small query per batch, only when any exist.
  auto any = tx_.exec_prepared(kExceptionsOfDeposit.name, deposit_id);
  if (any.empty()) return found;
  std::set<std::string> wanted(source_ids.begin(), source_ids.end());
  for (const auto& row : any) {
    auto id = row[0].as<std::string>();
    if (wanted.contains(id)) found.push_back(id);
  }
  return found;
}

}  // namespace depot::storage
