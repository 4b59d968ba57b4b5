#include "services/deposits/domain/record_sealing.h"

#include <nlohmann/json.hpp>

#include "services/common/base64.h"
#include "services/common/error.h"
#include "services/common/subject_key.h"

namespace depot::deposits {
namespace {

std::string Bound(int64_t deposit_id, const std::string& source_record_id,
                  const char* field) {
  return "deposit/" + std::to_string(deposit_id) + "/" + source_record_id +
         "/" + field;
}

std::string Seal(const Keyring& keyring, const std::string& plain,
                 const std::string& bound) {
  return Base64Encode(keyring.Encrypt(plain, bound));
}

std::string Open(const Keyring& keyring, const std::string& sealed,
                 const std::string& bound) {
  if (sealed.empty()) return "";
  auto bytes = Base64Decode(sealed);
  if (!bytes) throw Error(ErrorCode::kInternal, "sealed field is not base64");
  return keyring.Decrypt(*bytes, bound);
}

}  // namespace

SealedRecord SealRecord(const RecordInput& record, const CheckedRecord& checked,
                        int64_t deposit_id, const Keyring& keyring) {
  const std::string& id = record.source_record_id;
  SealedRecord sealed;
  sealed.position = record.position;
  sealed.source_record_id = id;
  sealed.name_sealed =
      Seal(keyring, record.person_name, Bound(deposit_id, id, "name"));
  if (checked.national_id) {
    const std::string& number = checked.national_id->normalized;
    sealed.national_id_sealed =
        Seal(keyring, number, Bound(deposit_id, id, "national_id"));
    sealed.national_id_kind = NationalIdKindName(checked.national_id->kind);
    sealed.national_id_index = keyring.BlindIndex(number);
    sealed.subject = keyring.Pseudonym(SubjectKeyFromNationalId(number));
  } else {
    sealed.national_id_kind = "none";
    sealed.subject = keyring.Pseudonym(
        SubjectKeyFromNameAndBirthDate(record.person_name, checked.birth_date));
  }
  sealed.person_index =
      PersonIndex(keyring, record.person_name, checked.birth_date);
  sealed.birth_date_sealed =
      Seal(keyring, checked.birth_date, Bound(deposit_id, id, "birth_date"));
  sealed.opened_date = record.opened_date;
  sealed.last_contact_date = record.last_contact_date;
  sealed.death_year = record.death_year;
  sealed.box = record.box;
  sealed.shelf = record.shelf;
  if (!record.documents.empty()) {
    nlohmann::json documents = nlohmann::json::array();
    for (const DigitalDocument& d : record.documents) {
      documents.push_back(
          {{"file_name", d.file_name}, {"size", d.size_bytes}, {"sha256", d.sha256}});
    }
    sealed.documents_sealed =
        Seal(keyring, documents.dump(), Bound(deposit_id, id, "documents"));
  }
  // Screening metadata names what is screened and why: personal data.
  if (!record.noark_metadata.empty()) {
    sealed.noark_sealed =
        Seal(keyring, record.noark_metadata, Bound(deposit_id, id, "noark"));
  }
  return sealed;
}

RecordView OpenRecord(const SealedRecord& sealed, int64_t deposit_id,
                      const Keyring& keyring) {
  const std::string& id = sealed.source_record_id;
  RecordView view;
  view.deposit_id = deposit_id;
  view.source_record_id = id;
  view.person_name =
      Open(keyring, sealed.name_sealed, Bound(deposit_id, id, "name"));
  view.national_id = Open(keyring, sealed.national_id_sealed,
                          Bound(deposit_id, id, "national_id"));
  view.birth_date = Open(keyring, sealed.birth_date_sealed,
                         Bound(deposit_id, id, "birth_date"));
  view.opened_date = sealed.opened_date;
  view.last_contact_date = sealed.last_contact_date;
  view.death_year = sealed.death_year;
  view.box = sealed.box;
  view.shelf = sealed.shelf;
  view.exception_reason = sealed.exception_reason;
  view.subject = sealed.subject;
  view.noark_metadata =
      Open(keyring, sealed.noark_sealed, Bound(deposit_id, id, "noark"));
  std::string documents = Open(keyring, sealed.documents_sealed,
                               Bound(deposit_id, id, "documents"));
  if (!documents.empty()) {
    for (const auto& d : nlohmann::json::parse(documents)) {
      view.documents.push_back({d.at("file_name").get<std::string>(),
                                d.at("size").get<int64_t>(),
                                d.at("sha256").get<std::string>()});
    }
  }
  return view;
}

}  // namespace depot::deposits
