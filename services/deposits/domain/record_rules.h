#pragma once

#include <optional>
#include <string>

#include "services/common/date.h"
#include "services/common/national_id.h"
#include "services/deposits/domain/categories.h"
#include "services/deposits/domain/record.h"

namespace depot::deposits {

/// A record that passed every check, with what the checks worked out.
struct CheckedRecord {
  std::optional<NationalId> national_id;
  std::string birth_date;  ///< YYYY-MM-DD, from the identity number if any
};

/// The outcome of checking one record.
struct RecordVerdict {
  std::optional<CheckedRecord> accepted;
  std::optional<Rejection> rejection;
};

/// Checks a record for impossible data (bad identity number, malformed or
/// future dates, last contact before opening, death before birth, ...) and
/// then the 10-year rule: eligible iff last contact + the category's period
/// <= the deposit date, unless an archivist granted an exception.
RecordVerdict CheckRecord(const RecordInput& record, const CategoryRule& rule,
                          Date deposit_date, Date today, bool has_exception);

}  // namespace depot::deposits
