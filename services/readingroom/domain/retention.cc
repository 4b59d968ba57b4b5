#include "services/readingroom/domain/retention.h"

#include "services/common/date.h"
#include "services/common/time_format.h"
#include "services/readingroom/domain/audit.h"

namespace depot::readingroom {
namespace {

// Thrown to roll a dry run back after counting.
struct DryRunRollback {};

std::string Period(int months) { return "P" + std::to_string(months) + "M"; }

}  // namespace

RetentionResult Retention::Apply(const Caller& caller, bool dry_run) {
  TimePoint now = clock_();
  RetentionResult result;
  result.dry_run = dry_run;
  result.counts = {
      {"loans", 0, MonthsBefore(now, settings_.loan_retention_months),
       Period(settings_.loan_retention_months)},
      {"expired_declarations", 0,
       MonthsBefore(now, settings_.declaration_retention_months),
       Period(settings_.declaration_retention_months)},
      {"visits", 0, MonthsBefore(now, settings_.visit_retention_months),
       Period(settings_.visit_retention_months)},
      // A visitor goes when nothing is left and their last visit period ran.
      {"visitors", 0, MonthsBefore(now, settings_.visit_retention_months),
       Period(settings_.visit_retention_months)},
  };
  auto audit = [&](ReadingRoomTransaction& tx) {
    for (const RetentionCount& count : result.counts) {
      tx.Audit(Event(caller, dry_run ? "retention.dry_run" : "retention.delete",
                     "readingroom/" + count.kind, "",
                     std::to_string(count.count) + " " + count.kind +
                         " ended before " + FormatRfc3339(count.cutoff) +
                         " (period " + count.period + ")"));
    }
  };
  std::vector<std::string> keys;
  try {
    store_.Run([&](ReadingRoomTransaction& tx) {
      keys.clear();
      result.counts[0].count =
          tx.DeleteLoansReturnedBefore(result.counts[0].cutoff);
      result.counts[1].count =
          tx.DeleteDeclarationsEndedBefore(result.counts[1].cutoff);
      result.counts[2].count =
          tx.DeleteVisitsEndedBefore(result.counts[2].cutoff);
      keys = tx.DeleteIdleVisitors(result.counts[3].cutoff);
      result.counts[3].count = static_cast<int64_t>(keys.size());
      if (dry_run) throw DryRunRollback{};
      audit(tx);
      if (keys_) {
        for (const std::string& key : keys) {
          if (!key.empty()) keys_->Destroy(key);
        }
      }
    });
  } catch (const DryRunRollback&) {
    store_.Run(audit);
  }
  return result;
}

}  // namespace depot::readingroom
