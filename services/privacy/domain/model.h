#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/common/clock.h"
#include "services/common/date.h"

namespace depot::privacy {

using TimePoint = std::chrono::system_clock::time_point;

/// The person a rights request is about: a national identity number, or a
/// name and a birth date. Personal data: never logged, stored only sealed.
struct SubjectIdentity {
  std::string national_id;  ///< normalized digits when set
  std::string name;
  std::string birth_date;  ///< YYYY-MM-DD

  bool ByNationalId() const { return !national_id.empty(); }
  /// "national_id" or "name_birth_date".
  const char* KindName() const;
};

enum class RequestStatus {
  kReceived,
  kCompiling,
  kCompiled,
  kDelivered,
  kRefused,
  kWithdrawn,
};
/// "received", "compiling", ...
const char* StatusName(RequestStatus status);
std::optional<RequestStatus> ParseStatus(const std::string& name);
/// Delivered, refused and withdrawn requests are closed.
bool IsClosed(RequestStatus status);

/// An access request (innsyn, GDPR art. 15) as stored.
struct AccessRequest {
  int64_t id = 0;
  std::string subject;          ///< pseudonym of the person
  std::string identity_kind;    ///< "national_id" or "name_birth_date"
  std::string identity_sealed;  ///< base64 Keyring::Encrypt of the identity
  std::string verified_by;
  Date received_on{};
  Date due_on{};
  Date target_on{};
  int extension_months = 0;
  std::string extension_reason;
  RequestStatus status = RequestStatus::kReceived;
  TimePoint opened_at{};
  std::string opened_by;
  std::optional<TimePoint> compiled_at;
  int compile_count = 0;
  int item_count = 0;
  std::string document_sha256;
  std::optional<TimePoint> closed_at;
  std::string closed_by;
  std::string close_reason;
};

/// An access request with the identity unsealed (for the DPO's answers).
struct AccessRequestView {
  AccessRequest request;
  std::optional<SubjectIdentity> identity;
  int days_left = 0;  ///< until due_on from today; 0 when closed
};

/// Filter of ListAccessRequests; dates are inclusive.
struct RequestFilter {
  bool open_only = false;
  std::optional<Date> due_on_or_before;
  int limit = 1000;
};

/// One item another service (or this one) holds about the person.
struct SubjectItem {
  std::string service;
  std::string kind;
  std::string id;
  std::string data_json;
  std::string source;
};

/// What one service returned for SubjectData.
struct SubjectData {
  std::string service;
  std::vector<SubjectItem> items;
  std::vector<std::string> notes;
};

struct ErasureOutcome {
  std::string service;
  std::string kind;
  std::string id;
  bool erased = false;
  std::string legal_reason;
};

/// One EraseSubject, as recorded (pseudonym only).
struct ErasureRecord {
  int64_t id = 0;
  std::string subject;
  TimePoint requested_at{};
  std::string requested_by;
  std::string reason;
  int erased_count = 0;
  int kept_count = 0;
};

struct RetentionCount {
  std::string service;
  std::string kind;
  int64_t count = 0;
  std::string cutoff;  ///< RFC 3339
  std::string period;  ///< ISO 8601 duration, e.g. "P36M"
};

/// An audit event as stored, for the person's own extract.
struct StoredAuditEvent {
  int64_t id = 0;
  TimePoint occurred_at{};
  std::string actor;
  std::string actor_role;
  std::string action;
  std::string object;
  std::string detail;
};

/// A personal-data breach (GDPR art. 33).
struct Breach {
  int64_t id = 0;
  TimePoint became_aware_at{};
  TimePoint deadline_at{};
  std::string nature;
  std::vector<std::string> data_categories;
  std::vector<std::string> people_categories;
  int64_t approximate_people = 0;
  TimePoint registered_at{};
  std::string registered_by;
  std::optional<TimePoint> notified_at;
  std::string notified_by;
  std::string late_reason;

  bool Overdue(TimePoint now) const {
    return !notified_at && now > deadline_at;
  }
  bool NotifiedLate() const {
    return notified_at && *notified_at > deadline_at;
  }
};

}  // namespace depot::privacy
