#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/common/auth/caller.h"
#include "services/privacy/domain/privacy_store.h"

namespace depot::privacy {

struct NewBreach {
  std::string became_aware_at;  ///< RFC 3339
  std::string nature;
  std::vector<std::string> data_categories;
  std::vector<std::string> people_categories;
  int64_t approximate_people = 0;
};

/// The breach register (GDPR art. 33): the supervisory authority must be
/// notified within 72 hours of becoming aware; a later notification needs
/// the reason for the delay.
class Breaches {
 public:
  static constexpr std::chrono::hours kDeadline{72};

  Breaches(PrivacyStore& store, Clock clock);

  Breach Register(const Caller& caller, const NewBreach& input);
  /// open_only: not yet notified; overdue_only: open and past the deadline.
  std::vector<Breach> List(const Caller& caller, bool open_only,
                           bool overdue_only);
  /// notified_at: RFC 3339 or empty for now.
  Breach Notify(const Caller& caller, int64_t id,
                const std::string& notified_at, const std::string& late_reason);

  TimePoint Now() const { return clock_(); }

 private:
  PrivacyStore& store_;
  Clock clock_;
};

}  // namespace depot::privacy
