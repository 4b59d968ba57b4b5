#include "storage/audit/parallel_ranges.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "storage/audit/queries.h"
#include "storage/audit/sealed_copy.h"

namespace depot::storage {
namespace {

namespace sql = audit_sql;
using audit::SealedEvent;

// Reads one range of sealed events on a connection of its own, in a
// transaction on the snapshot `snapshot` (exported by a transaction that
// stays open meanwhile), until visit returns false or stop is set.
void ReadRange(const std::string& connection_string,
               const std::string& snapshot, const std::string& log,
               const audit::SeqRange& range,
               const std::function<bool(const SealedEvent&)>& visit,
               const std::atomic<bool>& stop) {
  pqxx::connection connection(connection_string);
  for (const SqlQuery& query : sql::kAllQueries) {
    connection.prepare(query.name, query.text);
  }
  pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(connection);
  // Before anything else of the transaction reads: it must see exactly
  // what the exporting transaction sees. SET takes no parameters, so the
  // quoted id follows the statement's text.
  tx.exec(std::string(sql::kSetTransactionSnapshot.text) + " " +
          tx.quote(snapshot));
  tx.exec_prepared(sql::kPrintTimesInUtc.name);
  tx.exec_prepared(sql::kChooseSealedEvents.name, log, range.first - 1,
                   range.last, 0);
  SealedCopy copy(tx, sql::kSealedEventsInRange);
  SealedEvent e;
  bool more = true;
  while (more && copy.Next(&e)) {
    more = !stop.load(std::memory_order_relaxed) && visit(e);
  }
  if (more) {
    copy.Complete();
    return;
  }
  // Stopped early: the rest of the range is not wanted. Cancel the COPY
  // rather than read it to its end; the connection is closed right after.
  connection.cancel_query();
  try {
    copy.Complete();
  } catch (const std::exception&) {
    // The cancellation itself.
  }
}

}  // namespace

void ReadRangesInParallel(
    const std::string& connection_string, const std::string& snapshot,
    const std::string& log, const std::vector<audit::SeqRange>& ranges,
    size_t readers,
    const std::function<bool(size_t, const SealedEvent&)>& visit) {
  // Ranges beyond `readers` wait for a free reader.
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::vector<std::exception_ptr> errors(ranges.size());
  auto reader = [&] {
    for (size_t i = next++; i < ranges.size(); i = next++) {
      try {
        ReadRange(
            connection_string, snapshot, log, ranges[i],
            [&](const SealedEvent& e) { return visit(i, e); }, stop);
      } catch (...) {
        errors[i] = std::current_exception();
        stop = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < std::min(readers, ranges.size()); ++t) {
    threads.emplace_back(reader);
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

}  // namespace depot::storage
