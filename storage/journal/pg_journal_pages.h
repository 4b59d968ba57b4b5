#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <vector>

#include "services/journal/domain/journal_store.h"
#include "storage/journal/journal_sealer.h"

namespace depot::storage {

/// The journal read page by page for reports (public journal, exports):
/// a date range in journal order, kept to the bound of the report's start.
/// See JournalTransaction for the contract of each method.
class PgJournalPages {
 public:
  PgJournalPages(pqxx::dbtransaction& tx, const JournalSealer& sealer)
      : tx_(tx), sealer_(sealer) {}

  int64_t CountEntries(Date from, Date to);
  journal::EntryBound CurrentEntryBound(Date from, Date to);
  std::vector<journal::JournalEntry> EntriesPage(
      Date from, Date to, const std::optional<journal::EntryKey>& after,
      int limit, const journal::EntryBound& bound);

 private:
  pqxx::dbtransaction& tx_;
  const JournalSealer& sealer_;
};

}  // namespace depot::storage
