#pragma once

#include <functional>
#include <string>
#include <vector>

#include "services/audit/domain/audit_store.h"

namespace depot::storage {

/// For each range, the sealed events of log in it in seq order, as
/// visit(range index, event) until visit returns false for that range.
/// Every range is read on a connection and thread of its own (PostgreSQL
/// formats the COPY rows in one process per connection: that is what
/// limits one reader), at most `readers` at a time, all on the snapshot a
/// still open transaction exported (pg_export_snapshot). Throws the error
/// of the first reader that failed, after the others stopped.
void ReadRangesInParallel(
    const std::string& connection_string, const std::string& snapshot,
    const std::string& log, const std::vector<audit::SeqRange>& ranges,
    size_t readers,
    const std::function<bool(size_t, const audit::SealedEvent&)>& visit);

}  // namespace depot::storage
