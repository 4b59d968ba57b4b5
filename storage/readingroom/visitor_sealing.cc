#include "storage/readingroom/visitor_sealing.h"

#include <set>

#include "services/common/base64.h"
#include "services/common/error.h"
#include "services/common/subject_key.h"

namespace depot::storage {
namespace {

std::string AssociatedData(int64_t visitor_id, const std::string& field) {
  return "readingroom/visitor/" + std::to_string(visitor_id) + "/" + field;
}

}  // namespace

std::string VisitorSealing::NewKeyId() const {
  return keys_ ? keys_->Create() : std::string();
}

std::string VisitorSealing::Seal(int64_t visitor_id, const std::string& field,
                                 const std::string& value,
                                 const std::string& key_id) const {
  std::string ad = AssociatedData(visitor_id, field);
  if (key_id.empty()) return Base64Encode(keyring_.Encrypt(value, ad));
  return Base64Encode(RequireKeys().Encrypt(key_id, value, ad));
}

std::optional<std::string> VisitorSealing::SealedOrNull(
    const readingroom::Visitor& visitor, const char* field,
    const std::string& value) const {
  if (value.empty()) return std::nullopt;
  return Seal(visitor.id, field, value, visitor.key_id);
}

std::optional<std::string> VisitorSealing::Open(
    int64_t visitor_id, const std::string& field, const std::string& sealed,
    const std::string& key_id) const {
  if (!key_id.empty() && !RequireKeys().Exists(key_id)) return std::nullopt;
  if (sealed.empty()) return std::string();
  auto bytes = Base64Decode(sealed);
  if (!bytes) {
    throw Error(ErrorCode::kInternal, "visitor " + std::to_string(visitor_id) +
                                          ": stored " + field +
                                          " is not base64");
  }
  std::string ad = AssociatedData(visitor_id, field);
  if (key_id.empty()) return keyring_.Decrypt(*bytes, ad);
  return RequireKeys().Decrypt(key_id, *bytes, ad);
}

std::string VisitorSealing::NameOrErased(int64_t visitor_id,
                                         const std::string& sealed,
                                         const std::string& key_id) const {
  return Open(visitor_id, "name", sealed, key_id).value_or(kErasedVisitorField);
}

std::optional<std::string> VisitorSealing::NationalIdIndex(
    const readingroom::Visitor& visitor) const {
  if (visitor.national_id.empty()) return std::nullopt;
  return keyring_.BlindIndex(visitor.national_id);
}

std::optional<std::string> VisitorSealing::PersonIndex(
    const readingroom::Visitor& visitor) const {
  if (visitor.birth_date.empty()) return std::nullopt;
  return depot::PersonIndex(keyring_, visitor.name, visitor.birth_date);
}

std::vector<std::string> VisitorSealing::NameTokens(
    const std::string& name) const {
  std::set<std::string> tokens;
  std::string folded = FoldName(name);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) {
      tokens.insert(keyring_.BlindIndex("visitor-name-word:" +
                                        folded.substr(start, end - start)));
    }
    start = end + 1;
  }
  return {tokens.begin(), tokens.end()};
}

SubjectKeyStore& VisitorSealing::RequireKeys() const {
  if (!keys_) {
    throw Error(ErrorCode::kInternal,
                "visitor data is sealed with a subject key, but no "
                "subject_key_dir is configured");
  }
  return *keys_;
}

}  // namespace depot::storage
