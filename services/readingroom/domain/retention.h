#pragma once

#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/common/clock.h"
#include "services/common/crypto/subject_keystore.h"
#include "services/readingroom/domain/reading_room_store.h"
#include "services/readingroom/domain/settings.h"

namespace depot::readingroom {

struct RetentionCount {
  std::string kind;  ///< "loans", "expired_declarations", "visits", "visitors"
  int64_t count = 0;
  TimePoint cutoff;
  std::string period;  ///< ISO 8601, "P12M"
};

struct RetentionResult {
  std::vector<RetentionCount> counts;
  bool dry_run = false;
};

/// Deletes reading-room data past its retention period (Settings): loans
/// returned, declarations ended, visits closed longer ago than their
/// period, then visitors with nothing left. Order matters: a visit or
/// declaration a kept loan refers to stays. A dry run does the same work in
/// a transaction that is rolled back, so its counts are exact. Counts are
/// audited, never names. "now" comes from the clock (tests move it).
class Retention {
 public:
  Retention(ReadingRoomStore& store, SubjectKeyStore* keys, Clock clock,
            const Settings& settings)
      : store_(store),
        keys_(keys),
        clock_(std::move(clock)),
        settings_(settings) {}

  RetentionResult Apply(const Caller& caller, bool dry_run);

 private:
  ReadingRoomStore& store_;
  SubjectKeyStore* keys_;
  Clock clock_;
  const Settings& settings_;
};

}  // namespace depot::readingroom
