#include "services/privacy/domain/access_requests.h"

#include <nlohmann/json.hpp>

#include "services/common/error.h"
#include "services/common/sha256.h"
#include "services/common/text_check.h"
#include "services/common/time_format.h"
#include "services/privacy/domain/audit.h"
#include "services/privacy/domain/identity.h"
#include "services/privacy/domain/time_text.h"

namespace depot::privacy {
namespace {

constexpr int kMaxList = 1000;
constexpr int kMaxExtensionMonths = 2;
// The internal target is stricter than the legal month (DOMAIN.md: "within
// 30 days").
constexpr int kTargetDays = 30;

const char* const kVerifiedBy[] = {"id-document", "electronic-id",
                                   "signed-letter", "known-to-staff"};

std::string Object(int64_t id) {
  return "access_request/" + std::to_string(id);
}

}  // namespace

void CheckReason(const std::string& reason, const std::string& field) {
  if (reason.find_first_not_of(" \t\n") == std::string::npos) {
    throw InvalidArgument(field + " is empty: say why (no personal data)");
  }
  if (CharacterCount(reason) > 500) {
    throw InvalidArgument(field + " is longer than 500 characters");
  }
}

AccessRequests::AccessRequests(PrivacyStore& store, SubjectSources& sources,
                               const Keyring& keyring, Clock clock)
    : store_(store), sources_(sources), keyring_(keyring), clock_(clock) {}

AccessRequestView AccessRequests::View(const AccessRequest& request,
                                       bool with_identity, Date today) const {
  AccessRequestView view;
  view.request = request;
  if (with_identity) {
    view.identity =
        UnsealIdentity(keyring_, request.identity_sealed, request.id);
  }
  view.days_left =
      IsClosed(request.status) ? 0 : DaysBetween(today, request.due_on);
  return view;
}

AccessRequest AccessRequests::Load(PrivacyTransaction& tx, int64_t id,
                                   bool for_update) {
  if (id <= 0) throw InvalidArgument("request_id must be a positive number");
  auto found = tx.FindAccessRequest(id, for_update);
  if (!found) {
    throw NotFound("no access request " + std::to_string(id) +
                   "; list them with `depot privacy request list`");
  }
  return *found;
}

AccessRequestView AccessRequests::Open(const Caller& caller,
                                       const NewAccessRequest& input) {
  TimePoint now = clock_();
  Date today = LocalDay(now);
  SubjectIdentity identity = CheckIdentity(input.national_id, input.name,
                                           input.birth_date, FormatDate(today));
  bool known = false;
  for (const char* kind : kVerifiedBy) known |= input.verified_by == kind;
  if (!known) {
    throw InvalidArgument(
        "verified_by must say how the requester's identity was checked: "
        "id-document, electronic-id, signed-letter or known-to-staff");
  }
  Date received = today;
  if (!input.received_on.empty()) {
    Date parsed = RequireDate("received_on", input.received_on);
    if (parsed > today) {
      throw InvalidArgument("received_on is in the future");
    }
    received = parsed;
  }
  AccessRequest request;
  request.subject = PseudonymOf(keyring_, identity);
  request.identity_kind = identity.KindName();
  request.verified_by = input.verified_by;
  request.received_on = received;
  request.due_on = AddMonths(received, 1);
  request.target_on = AddDays(received, kTargetDays);
  request.status = RequestStatus::kReceived;
  request.opened_at = now;
  request.opened_by = caller.identity;
  store_.Run([&](PrivacyTransaction& tx) {
    request.id = tx.NextAccessRequestId();
    request.identity_sealed = SealIdentity(keyring_, identity, request.id);
    tx.InsertAccessRequest(request);
    tx.Audit(Event(caller, "access_request.open", Object(request.id),
                   request.subject,
                   "identity=" + request.identity_kind +
                       " verified_by=" + request.verified_by));
  });
  AccessRequestView view = View(request, false, today);
  view.identity = identity;
  return view;
}

AccessRequestView AccessRequests::Get(const Caller& caller, int64_t id) {
  AccessRequestView view;
  Date today = LocalDay(clock_());
  store_.Run([&](PrivacyTransaction& tx) {
    AccessRequest request = Load(tx, id, false);
    view = View(request, true, today);
    tx.Audit(Event(caller, "access_request.read", Object(id), request.subject));
  });
  return view;
}

std::vector<AccessRequestView> AccessRequests::List(const Caller& caller,
                                                    const RequestQuery& query) {
  // Legal deadlines lie at most three months ahead: a year covers them all
  // and keeps the computed date within the calendar's range.
  constexpr int kMaxDueWithinDays = 366;
  if (query.due_within_days < 0 || query.due_within_days > kMaxDueWithinDays) {
    throw InvalidArgument("due_within_days must be from 0 (no filter) to " +
                          std::to_string(kMaxDueWithinDays) + " days");
  }
  if (query.limit < 0) throw InvalidArgument("limit must not be negative");
  Date today = LocalDay(clock_());
  RequestFilter filter;
  filter.open_only =
      query.open_only || query.overdue_only || query.due_within_days > 0;
  if (query.overdue_only) {
    filter.due_on_or_before = AddDays(today, -1);
  } else if (query.due_within_days > 0) {
    filter.due_on_or_before = AddDays(today, query.due_within_days);
  }
  filter.limit = query.limit == 0 ? kMaxList : std::min(query.limit, kMaxList);
  std::vector<AccessRequestView> views;
  store_.Run([&](PrivacyTransaction& tx) {
    views.clear();
    for (const AccessRequest& request : tx.ListAccessRequests(filter)) {
      views.push_back(View(request, false, today));
    }
    // One event for the listing: it shows that requests exist, not whose.
    tx.Audit(Event(caller, "access_request.list", "access_requests", "",
                   "count=" + std::to_string(views.size())));
  });
  return views;
}

AccessRequestView AccessRequests::Extend(const Caller& caller, int64_t id,
                                         int months,
                                         const std::string& reason) {
  if (months < 1 || months > kMaxExtensionMonths) {
    throw InvalidArgument("months must be 1 or 2 (GDPR art. 12(3))");
  }
  CheckReason(reason, "reason");
  Date today = LocalDay(clock_());
  AccessRequestView view;
  store_.Run([&](PrivacyTransaction& tx) {
    AccessRequest request = Load(tx, id, true);
    if (IsClosed(request.status)) {
      throw FailedPrecondition("access request " + std::to_string(id) + " is " +
                               StatusName(request.status) +
                               "; only an open request can be extended");
    }
    if (request.extension_months + months > kMaxExtensionMonths) {
      throw FailedPrecondition(
          "access request " + std::to_string(id) + " is extended by " +
          std::to_string(request.extension_months) +
          " month(s) already; the deadline can be extended by at most two "
          "months in all (GDPR art. 12(3))");
    }
    Date first_month = AddMonths(request.received_on, 1);
    if (today > first_month) {
      throw FailedPrecondition(
          "access request " + std::to_string(id) +
          " is past its first month (" + FormatDate(first_month) +
          "): an extension must be decided and told to the person within one "
          "month of receipt (GDPR art. 12(3))");
    }
    request.extension_months += months;
    request.extension_reason = request.extension_reason.empty()
                                   ? reason
                                   : request.extension_reason + "; " + reason;
    request.due_on =
        AddMonths(request.received_on, 1 + request.extension_months);
    tx.UpdateAccessRequest(request);
    tx.Audit(Event(caller, "access_request.extend", Object(id), request.subject,
                   "months=" + std::to_string(months) +
                       " due_on=" + FormatDate(request.due_on)));
    view = View(request, false, today);
  });
  return view;
}

AccessRequestView AccessRequests::Close(const Caller& caller, int64_t id,
                                        RequestStatus outcome,
                                        const std::string& reason) {
  if (!IsClosed(outcome)) {
    throw InvalidArgument("outcome must be delivered, refused or withdrawn");
  }
  if (outcome != RequestStatus::kDelivered) {
    CheckReason(reason, "reason");
  } else if (CharacterCount(reason) > 500) {
    throw InvalidArgument("reason is longer than 500 characters");
  }
  TimePoint now = clock_();
  AccessRequestView view;
  store_.Run([&](PrivacyTransaction& tx) {
    AccessRequest request = Load(tx, id, true);
    if (IsClosed(request.status)) {
      throw FailedPrecondition("access request " + std::to_string(id) + " is " +
                               StatusName(request.status) + " already");
    }
    if (outcome == RequestStatus::kDelivered &&
        request.status != RequestStatus::kCompiled) {
      throw FailedPrecondition(
          "access request " + std::to_string(id) + " is " +
          StatusName(request.status) +
          ": compile it (depot privacy request compile) before marking it "
          "delivered");
    }
    request.status = outcome;
    request.closed_at = now;
    request.closed_by = caller.identity;
    request.close_reason = reason;
    tx.UpdateAccessRequest(request);
    tx.Audit(Event(caller, "access_request.close", Object(id), request.subject,
                   std::string("outcome=") + StatusName(outcome)));
    view = View(request, false, LocalDay(now));
  });
  return view;
}

SubjectData AccessRequests::OwnData(PrivacyTransaction& tx,
                                    const std::string& subject) {
  using Json = nlohmann::ordered_json;
  SubjectData own;
  own.service = "privacy";
  for (const AccessRequest& r : tx.AccessRequestsOfSubject(subject)) {
    Json data = {{"received_on", FormatDate(r.received_on)},
                 {"due_on", FormatDate(r.due_on)},
                 {"verified_by", r.verified_by},
                 {"status", StatusName(r.status)},
                 {"extension_months", r.extension_months},
                 {"extension_reason", r.extension_reason},
                 {"compile_count", r.compile_count}};
    if (r.closed_at) {
      data["closed_at"] = FormatRfc3339(*r.closed_at);
      data["close_reason"] = r.close_reason;
    }
    own.items.push_back({"privacy", "access_request", Object(r.id), data.dump(),
                         "access requests register"});
  }
  for (const ErasureRecord& e : tx.ErasuresOfSubject(subject)) {
    Json data = {{"requested_at", FormatRfc3339(e.requested_at)},
                 {"reason", e.reason},
                 {"erased_count", e.erased_count},
                 {"kept_count", e.kept_count}};
    own.items.push_back({"privacy", "erasure",
                         "erasure/" + std::to_string(e.id), data.dump(),
                         "erasure register"});
  }
  for (const StoredAuditEvent& ev : tx.AuditEventsOfSubject(subject)) {
    Json data = {{"time", FormatRfc3339(ev.occurred_at)},
                 {"actor", ev.actor},
                 {"role", ev.actor_role},
                 {"action", ev.action},
                 {"object", ev.object}};
    own.items.push_back({"privacy", "audit_event",
                         "audit_event/" + std::to_string(ev.id), data.dump(),
                         "privacy audit log"});
  }
  return own;
}

CompiledRequest AccessRequests::Compile(const Caller& caller, int64_t id) {
  // Three steps, so that no database transaction stays open while other
  // services answer: mark the request compiling, collect over gRPC, then
  // record the compile with PrivacyService's own data.
  SubjectIdentity identity;
  RequestStatus before = RequestStatus::kReceived;
  store_.Run([&](PrivacyTransaction& tx) {
    AccessRequest request = Load(tx, id, true);
    if (IsClosed(request.status)) {
      throw FailedPrecondition(
          "access request " + std::to_string(id) + " is " +
          StatusName(request.status) +
          "; a closed request is not compiled again: open a new one");
    }
    before = request.status == RequestStatus::kCompiling
                 ? RequestStatus::kReceived
                 : request.status;
    identity = UnsealIdentity(keyring_, request.identity_sealed, request.id);
    request.status = RequestStatus::kCompiling;
    tx.UpdateAccessRequest(request);
  });

  std::vector<SubjectData> sources;
  try {
    sources = sources_.Collect(identity, Object(id));
  } catch (...) {
    // An extract missing a service must not look complete: back to where
    // it was, and the caller retries.
    store_.Run([&](PrivacyTransaction& tx) {
      AccessRequest request = Load(tx, id, true);
      if (request.status == RequestStatus::kCompiling) {
        request.status = before;
        tx.UpdateAccessRequest(request);
      }
    });
    throw;
  }

  CompiledRequest compiled;
  TimePoint now = clock_();
  store_.Run([&](PrivacyTransaction& tx) {
    AccessRequest request = Load(tx, id, true);
    if (IsClosed(request.status)) {
      throw FailedPrecondition("access request " + std::to_string(id) +
                               " was closed while it was being compiled");
    }
    std::vector<SubjectData> all = sources;
    all.push_back(OwnData(tx, request.subject));
    Extract extract = BuildExtract(request, identity, now, all);
    request.status = RequestStatus::kCompiled;
    request.compiled_at = now;
    request.compile_count += 1;
    request.item_count = static_cast<int>(extract.items.size());
    request.document_sha256 = Sha256Hex(extract.document_json);
    tx.UpdateAccessRequest(request);
    std::string counts;
    for (const SubjectData& source : all) {
      counts +=
          " " + source.service + "=" + std::to_string(source.items.size());
    }
    tx.Audit(Event(caller, "access_request.compile", Object(id),
                   request.subject,
                   "items=" + std::to_string(request.item_count) + counts));
    compiled.request = View(request, false, LocalDay(now));
    compiled.extract = std::move(extract);
  });
  return compiled;
}

}  // namespace depot::privacy
