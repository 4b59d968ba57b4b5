#pragma once

#include <cstdint>
#include <string>

#include "services/common/auth/caller.h"
#include "services/deposits/domain/deposit_context.h"

namespace depot::deposits {

/// What to rectify in one record; empty strings / 0 leave a field as it is.
struct CorrectRecordCommand {
  int64_t record_id = 0;
  std::string person_name;
  std::string national_id;
  std::string birth_date;
  std::string opened_date;
  std::string last_contact_date;
  int death_year = 0;
  std::string reason;
};

/// Rectification (GDPR art. 16) of a deposited record by an archivist: the
/// corrected record passes the same checks as a transferred one (except the
/// 10-year rule, which governs depositing, not correcting), is sealed anew
/// with fresh indexes, and the correction is kept (field names and reason)
/// and audited under the person's old and new pseudonyms.
class RecordCorrection {
 public:
  explicit RecordCorrection(DepositContext& context) : context_(context) {}

  RecordView Correct(const Caller& caller, const CorrectRecordCommand& command);

 private:
  DepositContext& context_;
};

}  // namespace depot::deposits
