#include "services/privacy/domain/breaches.h"

#include "services/common/error.h"
#include "services/common/text_check.h"
#include "services/common/time_format.h"
#include "services/privacy/domain/audit.h"
#include "services/privacy/domain/time_text.h"

namespace depot::privacy {
namespace {

// Clocks of the people typing times differ a little from the server's.
constexpr auto kClockSlack = std::chrono::minutes(5);

void CheckCategories(const std::vector<std::string>& categories,
                     const std::string& field) {
  if (categories.empty()) {
    throw InvalidArgument(
        field + " is empty: name at least one category, e.g. " +
        (field == "data_categories" ? "identity-numbers" : "visitors"));
  }
  for (const std::string& c : categories) {
    bool ok = !c.empty() && c.size() <= 64;
    for (char ch : c) {
      ok &= (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    }
    if (!ok) {
      throw InvalidArgument(
          field +
          " entries are short lower-case words with hyphens (a-z, 0-9, -), "
          "at most 64 characters, e.g. health-data");
    }
  }
}

std::string Object(int64_t id) { return "breach/" + std::to_string(id); }

}  // namespace

Breaches::Breaches(PrivacyStore& store, Clock clock)
    : store_(store), clock_(clock) {}

Breach Breaches::Register(const Caller& caller, const NewBreach& input) {
  TimePoint now = clock_();
  auto aware = RequireRfc3339("became_aware_at", input.became_aware_at);
  if (aware > now + kClockSlack) {
    throw InvalidArgument("became_aware_at is in the future");
  }
  if (input.nature.find_first_not_of(" \t\n") == std::string::npos) {
    throw InvalidArgument(
        "nature is empty: describe what happened (no personal data)");
  }
  if (CharacterCount(input.nature) > 2000) {
    throw InvalidArgument("nature is longer than 2000 characters");
  }
  CheckCategories(input.data_categories, "data_categories");
  CheckCategories(input.people_categories, "people_categories");
  if (input.approximate_people < 0) {
    throw InvalidArgument("approximate_people must not be negative");
  }
  Breach breach;
  breach.became_aware_at = std::chrono::floor<std::chrono::microseconds>(aware);
  breach.deadline_at = breach.became_aware_at + kDeadline;
  breach.nature = input.nature;
  breach.data_categories = input.data_categories;
  breach.people_categories = input.people_categories;
  breach.approximate_people = input.approximate_people;
  breach.registered_at = now;
  breach.registered_by = caller.identity;
  store_.Run([&](PrivacyTransaction& tx) {
    breach = tx.InsertBreach(breach);
    tx.Audit(Event(caller, "breach.register", Object(breach.id), "",
                   "deadline=" + FormatRfc3339(breach.deadline_at)));
  });
  return breach;
}

std::vector<Breach> Breaches::List(const Caller& caller, bool open_only,
                                   bool overdue_only) {
  TimePoint now = clock_();
  std::vector<Breach> listed;
  store_.Run([&](PrivacyTransaction& tx) {
    listed.clear();
    for (Breach& b : tx.ListBreaches(open_only || overdue_only)) {
      if (overdue_only && !b.Overdue(now)) continue;
      listed.push_back(std::move(b));
    }
    tx.Audit(Event(caller, "breach.list", "breaches", "",
                   "count=" + std::to_string(listed.size())));
  });
  return listed;
}

Breach Breaches::Notify(const Caller& caller, int64_t id,
                        const std::string& notified_at,
                        const std::string& late_reason) {
  if (id <= 0) throw InvalidArgument("breach_id must be a positive number");
  TimePoint now = clock_();
  TimePoint at = now;
  if (!notified_at.empty()) {
    auto parsed = RequireRfc3339("notified_at", notified_at);
    if (parsed > now + kClockSlack) {
      throw InvalidArgument("notified_at is in the future");
    }
    at = std::chrono::floor<std::chrono::microseconds>(parsed);
  }
  if (CharacterCount(late_reason) > 2000) {
    throw InvalidArgument("late_reason is longer than 2000 characters");
  }
  Breach breach;
  store_.Run([&](PrivacyTransaction& tx) {
    auto found = tx.FindBreach(id, true);
    if (!found) {
      throw NotFound("no breach " + std::to_string(id) +
                     "; list them with `depot breach list`");
    }
    breach = *found;
    if (breach.notified_at) {
      throw FailedPrecondition("breach " + std::to_string(id) +
                               " was notified already at " +
                               FormatRfc3339(*breach.notified_at));
    }
    if (at < breach.became_aware_at) {
      throw InvalidArgument("notified_at is before became_aware_at of breach " +
                            std::to_string(id));
    }
    bool late = at > breach.deadline_at;
    bool has_reason =
        late_reason.find_first_not_of(" \t\n") != std::string::npos;
    if (late && !has_reason) {
      throw FailedPrecondition(
          "breach " + std::to_string(id) +
          " is notified after its 72-hour deadline (" +
          FormatRfc3339(breach.deadline_at) +
          "): give the reason for the delay (late_reason, GDPR art. 33(1))");
    }
    breach.notified_at = at;
    breach.notified_by = caller.identity;
    breach.late_reason = late ? late_reason : "";
    tx.UpdateBreachNotification(breach);
    tx.Audit(Event(caller, "breach.notify", Object(id), "",
                   late ? "late=true" : "late=false"));
  });
  return breach;
}

}  // namespace depot::privacy
