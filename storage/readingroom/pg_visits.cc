// Visits: check-in (one open visit per visitor), check-out, the day log
// and a visitor's visits.
#include <pqxx/pqxx>

#include "services/common/error.h"
#include "storage/pg_time.h"
#include "storage/readingroom/pg_readingroom_transaction.h"
#include "storage/readingroom/queries.h"
#include "storage/readingroom/readingroom_rows.h"

namespace depot::storage {

namespace sql = readingroom_sql;
using readingroom::Visit;

Visit PgReadingRoomTransaction::InsertVisit(int64_t visitor_id, TimePoint at,
                                            const std::string& by) {
  try {
    auto row = tx_.exec_prepared1(sql::kInsertVisit.name, visitor_id,
                                  ToMicros(at), by);
    Visit visit;
    visit.id = row[0].as<int64_t>();
    visit.visitor_id = visitor_id;
    visit.checked_in_at = at;
    visit.checked_in_by = by;
    return visit;
  } catch (const pqxx::unique_violation&) {
    throw FailedPrecondition("visitor " + std::to_string(visitor_id) +
                             " was checked in a moment ago by someone else");
  }
}

Visit PgReadingRoomTransaction::CloseVisit(int64_t visit_id, TimePoint at,
                                           const std::string& by) {
  auto row =
      tx_.exec_prepared1(sql::kCloseVisit.name, visit_id, ToMicros(at), by);
  Visit visit;
  visit.id = visit_id;
  visit.visitor_id = row["visitor_id"].as<int64_t>();
  visit.checked_in_at = FromMicros(row["in_us"].as<int64_t>());
  visit.checked_in_by = row["checked_in_by"].as<std::string>();
  visit.checked_out_at = at;
  visit.checked_out_by = by;
  return visit;
}

std::vector<Visit> PgReadingRoomTransaction::VisitsBetween(TimePoint from,
                                                           TimePoint to) {
  std::vector<Visit> visits;
  for (const auto& row : tx_.exec_prepared(sql::kVisitsBetween.name,
                                           ToMicros(from), ToMicros(to))) {
    visits.push_back(ToVisit(row, sealing_, true));
  }
  return visits;
}

std::vector<Visit> PgReadingRoomTransaction::VisitsOf(int64_t visitor_id) {
  std::vector<Visit> visits;
  for (const auto& row :
       tx_.exec_prepared(sql::kVisitsOfVisitor.name, visitor_id)) {
    visits.push_back(ToVisit(row, sealing_, false));
  }
  return visits;
}

}  // namespace depot::storage
