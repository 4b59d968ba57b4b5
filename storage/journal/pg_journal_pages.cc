#include "storage/journal/pg_journal_pages.h"

#include <string>

#include "storage/journal/journal_rows.h"
#include "storage/journal/queries.h"

namespace depot::storage {

using namespace depot::journal;
using namespace depot::storage::journal_sql;

int64_t PgJournalPages::CountEntries(Date from, Date to) {
  return tx_
      .exec_prepared1(kCountEntries.name, FormatDate(from), FormatDate(to))[0]
      .as<int64_t>();
}

EntryBound PgJournalPages::CurrentEntryBound(Date from, Date to) {
  EntryBound bound;
  for (const auto& row :
       tx_.exec_prepared(kEntryBound.name, static_cast<int>(from.year()),
                         static_cast<int>(to.year()))) {
    bound.last_sequence[row[0].as<int>()] = row[1].as<int>();
  }
  return bound;
}

std::vector<JournalEntry> PgJournalPages::EntriesPage(
    Date from, Date to, const std::optional<EntryKey>& after, int limit,
    const EntryBound& bound) {
  // The bound as two int[] literals: its years and their last sequences.
  std::string years = "{", lasts = "{";
  for (const auto& [year, last] : bound.last_sequence) {
    const char* comma = years.size() > 1 ? "," : "";
    years += comma + std::to_string(year);
    lasts += comma + std::to_string(last);
  }
  years += "}", lasts += "}";
  return ToEntries(
      after
          ? tx_.exec_prepared(kNextPage.name, FormatDate(from), FormatDate(to),
                              FormatDate(after->journal_date), after->year,
                              after->sequence, limit, years, lasts)
          : tx_.exec_prepared(kFirstPage.name, FormatDate(from), FormatDate(to),
                              limit, years, lasts),
      sealer_);
}

}  // namespace depot::storage
