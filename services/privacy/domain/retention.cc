#include "services/privacy/domain/retention.h"

#include "services/common/error.h"
#include "services/common/time_format.h"
#include "services/privacy/domain/audit.h"
#include "services/privacy/domain/time_text.h"

namespace depot::privacy {

Retention::Retention(PrivacyStore& store, SubjectSources& sources, Clock clock,
                     Settings settings)
    : store_(store), sources_(sources), clock_(clock), settings_(settings) {}

std::vector<RetentionCount> Retention::Run(const Caller& caller, bool dry_run) {
  TimePoint now = clock_();
  int months = settings_.closed_request_retention_months;
  TimePoint cutoff = MonthsBefore(now, months);
  RetentionCount own{"privacy", "closed_access_requests", 0,
                     FormatRfc3339(cutoff), "P" + std::to_string(months) + "M"};
  store_.Run([&](PrivacyTransaction& tx) {
    std::vector<int64_t> ids = tx.ClosedRequestsBefore(cutoff);
    own.count = static_cast<int64_t>(ids.size());
    if (!dry_run && !ids.empty()) tx.DeleteAccessRequests(ids);
    tx.Audit(Event(caller, dry_run ? "retention.dry_run" : "retention.run",
                   "privacy/access_requests", "",
                   "closed_access_requests=" + std::to_string(own.count) +
                       " cutoff=" + own.cutoff));
  });
  std::vector<RetentionCount> counts{own};
  try {
    for (RetentionCount& c : sources_.ApplyRetention(dry_run)) {
      counts.push_back(std::move(c));
    }
  } catch (const Error& error) {
    throw Error(error.code(),
                std::string(dry_run ? "would delete " : "deleted ") +
                    std::to_string(own.count) +
                    " closed access request(s), but the reading room's "
                    "retention failed (" +
                    error.what() + "): run retention again");
  }
  return counts;
}

}  // namespace depot::privacy
