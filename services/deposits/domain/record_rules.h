#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "services/common/date.h"
#include "services/common/national_id.h"
#include "services/common/text_check.h"
#include "services/deposits/domain/categories.h"
#include "services/deposits/domain/record.h"

namespace depot::deposits {

/// The highest position a record may have: exact as a JSON number (2^53),
/// and far from overflowing when the next position is worked out.
inline constexpr int64_t kMaxPosition = 1'000'000'000'000'000;
/// At most this many documents per record.
inline constexpr size_t kMaxDocuments = 10000;
/// noark_metadata: at most this many bytes.
inline constexpr size_t kMaxNoarkMetadataBytes = 64 * 1024;

/// The rule of every text field of a record, by its name in RecordData
/// ("documents.file_name" for each document's file name). RecordData and
/// DigitalDocument in proto/depot/v1/deposit.proto state the same rules as
/// (depot.v1.text) options; a unit test holds the two together, and every
/// record is checked against these in CheckRecord, so one rule applies
/// wherever a record comes from.
const std::map<std::string, TextLimit, std::less<>>& RecordTextRules();

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

/// Checks a record completely, before anything of it may be stored: every
/// text field against its rule (RecordTextRules), the position and the
/// number of documents against their limits, then impossible data (bad
/// identity number, malformed or future dates, last contact before opening,
/// death before birth, bad checksums, noark_metadata that is not a JSON
/// object) and last the 10-year rule: eligible iff last contact + the
/// category's period <= the deposit date, unless an archivist granted an
/// exception. A rejection names the field and the reason; it never quotes
/// the record's data, and its source_record_id is RejectionSourceId's.
RecordVerdict CheckRecord(const RecordInput& record, const CategoryRule& rule,
                          Date deposit_date, Date today, bool has_exception);

/// Checks a batch: each record with CheckRecord, and a position that a
/// record shares with an earlier one of the batch under another
/// source_record_id (the later one is rejected). One verdict per record, in
/// the batch's order.
std::vector<RecordVerdict> CheckBatch(const std::vector<RecordInput>& records,
                                      const CategoryRule& rule,
                                      Date deposit_date, Date today,
                                      const std::set<std::string>& excepted);

/// The source_record_id a rejection of the record carries: the id itself
/// when it keeps its rule; else a form that is safe to store and to send
/// back and cannot grow with the input: the id quoted and escaped, cut to
/// 24 characters, and the first 16 hex digits of its SHA-256 (`"ab\u0000c"
/// sha256:0123456789abcdef`), or `"" at position N` for a missing id.
std::string RejectionSourceId(const RecordInput& record);

}  // namespace depot::deposits
