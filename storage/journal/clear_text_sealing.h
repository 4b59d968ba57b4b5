#pragma once

#include <cstdint>

#include "storage/journal/journal_sealer.h"
#include "storage/pool.h"

namespace depot::storage {

/// Seals the journal's rows still in clear text (written before migration
/// 203), a batch per transaction, and empties their clear columns. Rows are
/// locked as they are sealed, so servers starting together seal each row
/// once. Returns the number of rows sealed.
int64_t SealClearTextRows(ConnectionPool& pool, const JournalSealer& sealer);

}  // namespace depot::storage
