#include "services/privacy/domain/erasure.h"

#include "services/common/time_format.h"
#include "services/privacy/domain/audit.h"
#include "services/privacy/domain/identity.h"
#include "services/privacy/domain/time_text.h"

namespace depot::privacy {

Erasure::Erasure(PrivacyStore& store, SubjectSources& sources,
                 const Keyring& keyring, Clock clock, Settings settings)
    : store_(store),
      sources_(sources),
      keyring_(keyring),
      clock_(clock),
      settings_(settings) {}

ErasureResult Erasure::Erase(const Caller& caller, const ErasureInput& input) {
  TimePoint now = clock_();
  SubjectIdentity identity =
      CheckIdentity(input.national_id, input.name, input.birth_date,
                    FormatDate(LocalDay(now)));
  CheckReason(input.reason, "reason");
  std::string subject = PseudonymOf(keyring_, identity);

  ErasureResult result;
  // The other services first: their outcomes are what the person is told.
  // A service that does not answer is reported as such (not as erased), so
  // the erasure can be run again; every service's erasure is idempotent.
  result.outcomes = sources_.Erase(
      identity, "erasure by " + caller.identity + " at " + FormatRfc3339(now));

  store_.Run([&](PrivacyTransaction& tx) {
    std::vector<ErasureOutcome> own;
    for (const AccessRequest& r : tx.AccessRequestsOfSubject(subject)) {
      own.push_back(
          {"privacy", "access_request",
           "access_request/" + std::to_string(r.id), false,
           "kept to show how the request was handled (GDPR art. 5(2) and "
           "12); deleted " +
               std::to_string(settings_.closed_request_retention_months) +
               " months after it is closed"});
    }
    ErasureRecord record;
    record.subject = subject;
    record.requested_at = now;
    record.requested_by = caller.identity;
    record.reason = input.reason;
    std::vector<ErasureOutcome> all = result.outcomes;
    all.insert(all.end(), own.begin(), own.end());
    for (const ErasureOutcome& o : all) {
      (o.erased ? record.erased_count : record.kept_count) += 1;
    }
    record = tx.InsertErasure(record);
    tx.Audit(Event(caller, "subject.erase",
                   "erasure/" + std::to_string(record.id), subject,
                   "erased=" + std::to_string(record.erased_count) +
                       " kept=" + std::to_string(record.kept_count)));
    result.record = record;
    result.outcomes = std::move(all);
  });
  return result;
}

}  // namespace depot::privacy
