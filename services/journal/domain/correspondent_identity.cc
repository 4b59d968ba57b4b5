#include "services/journal/domain/correspondent_identity.h"

#include "services/common/base64.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/national_id.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/validation.h"

namespace depot::journal {
namespace {

std::string Bound(const std::string& journal_number, int position,
                  const char* field) {
  return "journal/" + journal_number + "/correspondent/" +
         std::to_string(position) + "/" + field;
}

}  // namespace

std::optional<CheckedIdentity> CheckCorrespondentIdentity(
    const std::string& field, const std::string& birth_date,
    const std::string& national_id, Date today) {
  std::optional<Date> day = ParseDayField(field + ".birth_date", birth_date);
  if (day && today < *day) {
    throw InvalidArgument(field +
                          ".birth_date is in the future; give the "
                          "correspondent's real birth date");
  }
  CheckedIdentity checked;
  if (day) checked.birth_date = FormatDate(*day);
  if (!Trim(national_id).empty()) {
    NationalIdCheck id = CheckNationalId(national_id, FormatDate(today));
    if (!id.id) {
      throw InvalidArgument(field + ".national_id: " + id.problem);
    }
    checked.national_id = id.id->normalized;
    if (day && checked.birth_date != id.id->birth_date) {
      throw InvalidArgument(
          field + ".birth_date does not match the birth date in " + field +
          ".national_id; check both or give only the "
          "number");
    }
    checked.birth_date = id.id->birth_date;
  }
  if (checked.birth_date.empty()) return std::nullopt;
  return checked;
}

SealedIdentity SealIdentity(const Keyring& keyring, const std::string& name,
                            const CheckedIdentity& identity,
                            const std::string& journal_number, int position) {
  SealedIdentity sealed;
  sealed.birth_date_sealed = Base64Encode(keyring.Encrypt(
      identity.birth_date, Bound(journal_number, position, "birth_date")));
  sealed.person_index = PersonIndex(keyring, name, identity.birth_date);
  if (!identity.national_id.empty()) {
    sealed.national_id_sealed = Base64Encode(keyring.Encrypt(
        identity.national_id, Bound(journal_number, position, "national_id")));
    sealed.national_id_index = keyring.BlindIndex(identity.national_id);
    sealed.subject =
        keyring.Pseudonym(SubjectKeyFromNationalId(identity.national_id));
  } else {
    sealed.subject = keyring.Pseudonym(
        SubjectKeyFromNameAndBirthDate(name, identity.birth_date));
  }
  return sealed;
}

std::string OpenBirthDate(const Keyring& keyring,
                          const SealedIdentity& identity,
                          const std::string& journal_number, int position) {
  if (identity.birth_date_sealed.empty()) return "";
  auto bytes = Base64Decode(identity.birth_date_sealed);
  if (!bytes) {
    throw Error(ErrorCode::kInternal,
                "a sealed correspondent birth date is not base64");
  }
  return keyring.Decrypt(*bytes, Bound(journal_number, position, "birth_date"));
}

std::string CorrespondentSubject(const Keyring& keyring,
                                 const Correspondent& correspondent) {
  if (!correspondent.identity.subject.empty()) {
    return correspondent.identity.subject;
  }
  return keyring.Pseudonym(SubjectKeyFromName(correspondent.name));
}

}  // namespace depot::journal
