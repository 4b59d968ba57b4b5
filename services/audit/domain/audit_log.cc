#include "services/audit/domain/audit_log.h"

#include <algorithm>

#include "services/common/error.h"
#include "services/common/text_check.h"

namespace depot::audit {

const std::vector<std::string>& KnownLogs() {
  static const std::vector<std::string> kLogs = {"deposits", "readingroom",
                                                 "journal", "privacy"};
  return kLogs;
}

void RequireKnownLog(std::string_view log) {
  const auto& logs = KnownLogs();
  if (std::find(logs.begin(), logs.end(), log) != logs.end()) return;
  throw InvalidArgument(
      "log must be one of deposits, readingroom, journal, privacy; not " +
      QuoteInput(log));
}

int64_t SealerLockKey(std::string_view log) {
  // Arbitrary and fixed, next to the migration lock (7443001).
  const auto& logs = KnownLogs();
  auto at = std::find(logs.begin(), logs.end(), log);
  return 7443100 + (at - logs.begin());
}

}  // namespace depot::audit
