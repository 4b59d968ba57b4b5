#include "services/common/subject_data.h"

#include <nlohmann/json.hpp>

#include "services/common/date.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/national_id.h"
#include "services/common/subject_key.h"
#include "services/common/text_check.h"
#include "services/common/time_format.h"

namespace depot {

CheckedSubject CheckSubjectQuery(const SubjectQuery& query,
                                 const std::string& today) {
  CheckedSubject checked;
  checked.purpose = Trim(query.purpose);
  if (checked.purpose.empty() || CharacterCount(checked.purpose) > 200) {
    throw InvalidArgument(
        "purpose is required: the request this serves, e.g. "
        "access-request/12 (at most 200 characters, no personal data)");
  }
  std::string name = Trim(query.name);
  if (CharacterCount(name) > 300) throw InvalidArgument("name is too long");
  if (!query.national_id.empty()) {
    NationalIdCheck id = CheckNationalId(query.national_id, today);
    if (!id.id) throw InvalidArgument("national_id: " + id.problem);
    checked.national_id = id.id->normalized;
    checked.birth_date = id.id->birth_date;
    checked.subject_keys.push_back(
        SubjectKeyFromNationalId(checked.national_id));
    if (!query.birth_date.empty() && query.birth_date != checked.birth_date) {
      throw InvalidArgument(
          "birth_date does not match the national_id; give one of them");
    }
  } else if (name.empty() || query.birth_date.empty()) {
    throw InvalidArgument(
        "identify the person by national_id, or by name together with "
        "birth_date (YYYY-MM-DD); a name alone is not enough");
  } else {
    checked.birth_date =
        FormatDate(RequireDate("birth_date", query.birth_date));
  }
  if (!name.empty()) {
    checked.name = name;
    checked.has_name_and_birth_date = true;
    checked.subject_keys.push_back(
        SubjectKeyFromNameAndBirthDate(name, checked.birth_date));
  }
  return checked;
}

ErasureOutcome AuditTrailKept(const std::string& service, size_t events) {
  return {service, "audit_event", service + "/audit", false,
          "kept: the audit trail (" + std::to_string(events) +
              " events) is the accountability record of who read or changed "
              "the data (GDPR art. 5(2) and 30); it names the person only by "
              "a keyed pseudonym"};
}

std::string AuditEventJson(const StoredAuditEvent& event) {
  nlohmann::json json = {
      {"event_id", event.id},   {"time", FormatRfc3339(event.occurred_at)},
      {"actor", event.actor},   {"role", event.actor_role},
      {"action", event.action}, {"object", event.object},
      {"detail", event.detail}};
  return json.dump();
}

}  // namespace depot
