#include "storage/journal/journal_sealer.h"

#include <cstdio>

#include "services/common/base64.h"
#include "services/common/error.h"

namespace depot::storage {
namespace {

std::string JournalNumber(int year, int sequence) {
  char text[32];
  std::snprintf(text, sizeof(text), "%d/%06d", year, sequence);
  return text;
}

}  // namespace

std::string CasePlace(int year, int sequence, const char* field) {
  return "journal/case/" + std::to_string(year) + "/" +
         std::to_string(sequence) + "/" + field;
}

std::string EntryPlace(int year, int sequence, const char* field) {
  return "journal/" + JournalNumber(year, sequence) + "/" + field;
}

std::string CorrespondentPlace(int year, int sequence, int position) {
  return "journal/" + JournalNumber(year, sequence) + "/correspondent/" +
         std::to_string(position) + "/name";
}

std::string DocumentPlace(int year, int sequence, int position,
                          const char* field) {
  return "journal/" + JournalNumber(year, sequence) + "/document/" +
         std::to_string(position) + "/" + field;
}

std::string ReleasePlace(int64_t case_id, const std::string& index,
                         const char* field) {
  return "journal/case-id/" + std::to_string(case_id) + "/release/" + index +
         "/" + field;
}

std::string ScreenedWordsPlace(int year, int sequence, int marking) {
  return "journal/" + JournalNumber(year, sequence) + "/screened_words/" +
         std::to_string(marking);
}

std::string JournalSealer::Seal(std::string_view text,
                                const std::string& place) const {
  return Base64Encode(keyring_.Encrypt(text, place));
}

std::string JournalSealer::Open(std::string_view sealed,
                                const std::string& place) const {
  auto bytes = Base64Decode(sealed);
  if (!bytes) {
    throw Error(ErrorCode::kInternal,
                "a sealed journal field is not base64 (" + place + ")");
  }
  return keyring_.Decrypt(*bytes, place);
}

std::string JournalSealer::NewDocumentKey() const {
  return keys_ ? keys_->Create() : std::string();
}

std::string JournalSealer::SealDocument(std::string_view bytes,
                                        const std::string& place,
                                        const std::string& key_id) const {
  if (key_id.empty()) return keyring_.Encrypt(bytes, place);
  return RequireKeys().Encrypt(key_id, bytes, place);
}

std::optional<std::string> JournalSealer::OpenDocument(
    std::string_view sealed, const std::string& place,
    const std::string& key_id) const {
  if (key_id.empty()) return keyring_.Decrypt(sealed, place);
  return RequireKeys().Decrypt(key_id, sealed, place);
}

void JournalSealer::DestroyDocumentKey(const std::string& key_id) const {
  if (!key_id.empty()) RequireKeys().Destroy(key_id);
}

std::string JournalSealer::NameIndex(std::string_view folded_name) const {
  return keyring_.BlindIndex("journal-correspondent-name:" +
                             std::string(folded_name));
}

std::string JournalSealer::ReleaseIndex(int64_t case_id,
                                        std::string_view canonical) const {
  return keyring_.BlindIndex("journal-release:" + std::to_string(case_id) +
                             ":" + std::string(canonical));
}

SubjectKeyStore& JournalSealer::RequireKeys() const {
  if (!keys_) {
    throw Error(ErrorCode::kInternal,
                "a journal document is sealed with a key of its own, but no "
                "subject_key_dir is configured");
  }
  return *keys_;
}

}  // namespace depot::storage
