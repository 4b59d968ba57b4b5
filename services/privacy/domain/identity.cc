#include "services/privacy/domain/identity.h"

#include <nlohmann/json.hpp>

#include "services/common/base64.h"
#include "services/common/error.h"
#include "services/common/national_id.h"
#include "services/common/subject_key.h"
#include "services/common/text_check.h"

namespace depot::privacy {
namespace {

constexpr size_t kMaxName = 200;

std::string Trimmed(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::string AssociatedData(int64_t request_id) {
  return "privacy/access_request/" + std::to_string(request_id) + "/identity";
}

}  // namespace

SubjectIdentity CheckIdentity(const std::string& national_id,
                              const std::string& name,
                              const std::string& birth_date,
                              const std::string& today) {
  std::string nid = Trimmed(national_id);
  std::string person = Trimmed(name);
  std::string born = Trimmed(birth_date);
  SubjectIdentity identity;
  if (!nid.empty()) {
    if (!person.empty() || !born.empty()) {
      throw InvalidArgument(
          "give either national_id, or name and birth_date, not both: the "
          "person is identified one way");
    }
    NationalIdCheck check = CheckNationalId(nid, today);
    if (!check.id) {
      throw InvalidArgument("national_id is not a valid identity number: " +
                            check.problem);
    }
    identity.national_id = check.id->normalized;
    return identity;
  }
  if (person.empty() && born.empty()) {
    throw InvalidArgument(
        "no person given: set national_id, or name and birth_date "
        "(YYYY-MM-DD)");
  }
  if (person.empty()) {
    throw InvalidArgument(
        "name is empty: a birth date alone does not identify a person");
  }
  if (CharacterCount(person) > kMaxName) {
    throw InvalidArgument("name is longer than 200 characters");
  }
  if (born.empty()) {
    throw InvalidArgument(
        "birth_date is empty: a name alone does not identify a person; give "
        "the birth date (YYYY-MM-DD) or the national identity number");
  }
  Date date = RequireDate("birth_date", born);
  auto now = ParseDate(today);
  if (now && date > *now) {
    throw InvalidArgument("birth_date is in the future");
  }
  identity.name = person;
  identity.birth_date = FormatDate(date);
  return identity;
}

std::string PseudonymOf(const Keyring& keyring,
                        const SubjectIdentity& identity) {
  return keyring.Pseudonym(
      identity.ByNationalId()
          ? SubjectKeyFromNationalId(identity.national_id)
          : SubjectKeyFromNameAndBirthDate(identity.name, identity.birth_date));
}

std::string SealIdentity(const Keyring& keyring,
                         const SubjectIdentity& identity, int64_t request_id) {
  nlohmann::json json = nlohmann::json::object();
  if (identity.ByNationalId()) {
    json["national_id"] = identity.national_id;
  } else {
    json["name"] = identity.name;
    json["birth_date"] = identity.birth_date;
  }
  return Base64Encode(keyring.Encrypt(json.dump(), AssociatedData(request_id)));
}

SubjectIdentity UnsealIdentity(const Keyring& keyring,
                               const std::string& sealed, int64_t request_id) {
  auto bytes = Base64Decode(sealed);
  if (!bytes) {
    throw Error(ErrorCode::kInternal, "the sealed identity of access request " +
                                          std::to_string(request_id) +
                                          " is not base64");
  }
  auto json = nlohmann::json::parse(
      keyring.Decrypt(*bytes, AssociatedData(request_id)), nullptr, false);
  if (!json.is_object()) {
    throw Error(ErrorCode::kInternal, "the sealed identity of access request " +
                                          std::to_string(request_id) +
                                          " is not readable");
  }
  SubjectIdentity identity;
  identity.national_id = json.value("national_id", "");
  identity.name = json.value("name", "");
  identity.birth_date = json.value("birth_date", "");
  return identity;
}

}  // namespace depot::privacy
