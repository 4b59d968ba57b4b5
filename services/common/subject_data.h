#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace depot {

/// The person of a rights request (GDPR access or erasure), checked:
/// a valid national identity number, and/or a name with a birth date.
/// Services match stored data only on these keys, never on a name alone.
struct SubjectQuery {
  std::string national_id;  ///< as given
  std::string name;
  std::string birth_date;  ///< YYYY-MM-DD
  std::string purpose;     ///< "access-request/12": audited, no personal data
};

struct CheckedSubject {
  std::string national_id;  ///< normalized digits; empty when not given
  std::string name;         ///< trimmed; empty when not given
  std::string birth_date;   ///< YYYY-MM-DD (from the number when only it)
  bool has_name_and_birth_date = false;
  std::string purpose;
  /// Subject keys (subject_key.h) of this person: the identity number's and
  /// the name + birth date's; audit events under these pseudonyms are the
  /// person's.
  std::vector<std::string> subject_keys;
};

/// InvalidArgument naming the field unless the query identifies a person:
/// a valid national_id, or name together with birth_date. today is
/// YYYY-MM-DD (for the identity-number rules). purpose is required.
CheckedSubject CheckSubjectQuery(const SubjectQuery& query,
                                 const std::string& today);

/// One piece of a person's data as a service reports it.
struct SubjectItem {
  std::string service;
  std::string kind;
  std::string id;
  std::string data_json;
  std::string source;
};

struct SubjectData {
  std::vector<SubjectItem> items;
  /// Counts and advice only, never another person's data.
  std::vector<std::string> notes;
};

struct ErasureOutcome {
  std::string service;
  std::string kind;
  std::string id;
  bool erased = false;
  std::string legal_reason;
};

/// An audit event read back for a person's extract.
struct StoredAuditEvent {
  int64_t id = 0;
  std::chrono::system_clock::time_point occurred_at;
  std::string actor;
  std::string actor_role;
  std::string action;
  std::string object;
  std::string detail;
};

/// The audit event as a JSON object (time RFC 3339, actor, role, action,
/// object, detail).
std::string AuditEventJson(const StoredAuditEvent& event);

/// The erasure outcome for the `events` audit events of `service` about the
/// person: always kept, with the reason (id "<service>/audit").
ErasureOutcome AuditTrailKept(const std::string& service, size_t events);

/// The legal reasons cited in erasure outcomes (DOMAIN.md section 4).
inline constexpr char kReasonArchiveLaw[] =
    "kept: deposited archives are preserved under archive law (arkivlova "
    "§ 9, with GDPR art. 17(3)(d): archiving in the public interest); "
    "erasure refused";
inline constexpr char kReasonJournalKept[] =
    "kept: journal entries are never deleted (arkivlova § 6, arkivforskrifta "
    "§ 9-1; GDPR art. 17(3)(b) and (d)); the name is screened in public "
    "outputs where offentleglova § 25 or § 13 applies";
inline constexpr char kReasonNoLongerNeeded[] =
    "erased: no longer necessary for the purpose it was collected for "
    "(GDPR art. 17(1)(a))";

}  // namespace depot
