// Retention: deletes what ended before a cutoff, each statement returning
// how much it deleted (a dry run rolls the transaction back).
#include <pqxx/pqxx>

#include "storage/pg_time.h"
#include "storage/readingroom/pg_readingroom_transaction.h"
#include "storage/readingroom/queries.h"

namespace depot::storage {

namespace sql = readingroom_sql;

int64_t PgReadingRoomTransaction::DeleteLoansReturnedBefore(TimePoint cutoff) {
  return tx_
      .exec_prepared(sql::kDeleteLoansReturnedBefore.name, ToMicros(cutoff))
      .affected_rows();
}

int64_t PgReadingRoomTransaction::DeleteDeclarationsEndedBefore(
    TimePoint cutoff) {
  return tx_
      .exec_prepared(sql::kDeleteDeclarationsEndedBefore.name, ToMicros(cutoff))
      .affected_rows();
}

int64_t PgReadingRoomTransaction::DeleteVisitsEndedBefore(TimePoint cutoff) {
  return tx_.exec_prepared(sql::kDeleteVisitsEndedBefore.name, ToMicros(cutoff))
      .affected_rows();
}

std::vector<std::string> PgReadingRoomTransaction::DeleteIdleVisitors(
    TimePoint cutoff) {
  std::vector<std::string> keys;
  for (const auto& row :
       tx_.exec_prepared(sql::kDeleteIdleVisitors.name, ToMicros(cutoff))) {
    keys.push_back(row[0].as<std::string>());
  }
  return keys;
}

}  // namespace depot::storage
