#include "services/readingroom/domain/declaration_seal.h"

#include <algorithm>

#include "services/common/crypto/key_material.h"
#include "services/common/error.h"
#include "services/common/sha256.h"
#include "services/common/time_format.h"

namespace depot::readingroom {
namespace {

constexpr size_t kSealSize = 64;
constexpr size_t kMaxRemembered = 10000;

void AppendField(std::string* out, std::string_view value) {
  uint32_t size = static_cast<uint32_t>(value.size());
  out->push_back(static_cast<char>(size >> 24));
  out->push_back(static_cast<char>(size >> 16));
  out->push_back(static_cast<char>(size >> 8));
  out->push_back(static_cast<char>(size));
  out->append(value);
}

bool DecimalLess(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

}  // namespace

SealedFields SealedFieldsOf(const Declaration& d) {
  SealedFields fields;
  fields.declaration_id = std::to_string(d.id);
  fields.visitor_id = std::to_string(d.visitor_id);
  fields.text_version = std::to_string(d.text_version);
  fields.text_sha256 = d.text_sha256;
  fields.scope_kind = ScopeKindName(d.scope.kind);
  fields.scope_values = d.scope.values;
  fields.valid_from = FormatRfc3339(d.valid_from);
  fields.valid_until = FormatRfc3339(d.valid_until);
  fields.signed_at = FormatRfc3339(d.signed_at);
  fields.witnessed_by = d.witnessed_by;
  fields.signature_scan_sha256 = d.signature_scan_sha256;
  fields.seal_key_id = d.seal_key_id;
  return fields;
}

std::string CanonicalDeclarationBytes(const SealedFields& f) {
  std::vector<std::string> values = f.scope_values;
  if (f.scope_kind == "records") {
    std::sort(values.begin(), values.end(), DecimalLess);
  } else {
    std::sort(values.begin(), values.end());
  }
  std::string out;
  AppendField(&out, kDeclarationEncoding);
  AppendField(&out, f.declaration_id);
  AppendField(&out, f.visitor_id);
  AppendField(&out, f.text_version);
  AppendField(&out, f.text_sha256);
  AppendField(&out, f.scope_kind);
  AppendField(&out, std::to_string(values.size()));
  for (const std::string& value : values) AppendField(&out, value);
  AppendField(&out, f.valid_from);
  AppendField(&out, f.valid_until);
  AppendField(&out, f.signed_at);
  AppendField(&out, f.witnessed_by);
  AppendField(&out, f.signature_scan_sha256);
  AppendField(&out, f.seal_key_id);
  return out;
}

SealVerifier::SealVerifier(const std::string& public_key_pem)
    : key_(Ed25519PublicKey::FromPem(public_key_pem)) {
  if (!key_) {
    throw InvalidArgument(
        "the public key is not an Ed25519 public key in PEM "
        "(-----BEGIN PUBLIC KEY-----); export it with depot declaration "
        "export-key");
  }
}

SealVerifier::~SealVerifier() = default;

bool SealVerifier::Verify(std::string_view message,
                          const std::string& seal_hex) const {
  std::string seal;
  if (!FromHex(seal_hex, &seal) || seal.size() != kSealSize) return false;
  std::string memo = Sha256Hex(message) + seal_hex;
  {
    std::lock_guard lock(verified_mutex_);
    if (verified_.contains(memo)) return true;
  }
  bool valid = key_->Verify(message, seal);
  if (valid) {
    std::lock_guard lock(verified_mutex_);
    // Bounded: forgetting only costs a verification.
    if (verified_.size() >= kMaxRemembered) verified_.clear();
    verified_.insert(std::move(memo));
  }
  return valid;
}

SealKey::SealKey(std::unique_ptr<Ed25519PrivateKey> key)
    : key_(std::move(key)),
      verifier_(std::make_unique<SealVerifier>(key_->PublicKeyPem())) {}

SealKey::~SealKey() = default;

std::unique_ptr<SealKey> SealKey::Generate() {
  return std::unique_ptr<SealKey>(new SealKey(Ed25519PrivateKey::Generate()));
}

std::unique_ptr<SealKey> SealKey::LoadOrCreate(
    const std::filesystem::path& file) {
  if (file.empty()) {
    throw StartupError(
        "no declaration seal key configured: set seal_key_file (or key_file, "
        "next to which keys/declaration-seal.pem is made)");
  }
  return std::unique_ptr<SealKey>(new SealKey(
      Ed25519PrivateKey::LoadOrCreate(file, "declaration seal key", "")));
}

std::string SealKey::Seal(std::string_view message) const {
  std::string seal = key_->Sign(message);
  return ToHex(reinterpret_cast<const unsigned char*>(seal.data()),
               seal.size());
}

DeclarationCheck CheckSealedDeclaration(
    const SealedFields& fields, const std::string& seal_hex,
    const std::string& text, bool revoked, TimePoint valid_from,
    TimePoint valid_until, const SealVerifier& verifier, TimePoint now) {
  DeclarationCheck check;
  if (fields.seal_key_id != verifier.key_id()) {
    check.problems.push_back(
        "it was sealed with another key (key id " + fields.seal_key_id +
        "), not the depot's seal key " + verifier.key_id());
  } else {
    check.seal_valid =
        verifier.Verify(CanonicalDeclarationBytes(fields), seal_hex);
    if (!check.seal_valid) {
      check.problems.push_back(
          "its seal does not match the stored declaration: the record was "
          "altered after signing");
    }
  }
  check.text_intact = Sha256Hex(text) == fields.text_sha256;
  if (!check.text_intact) {
    check.problems.push_back(
        "the stored text of version " + fields.text_version +
        " no longer hashes to the sealed SHA-256: the text was altered after "
        "signing");
  }
  check.revoked = revoked;
  if (revoked) check.problems.push_back("it is revoked");
  check.within_validity = valid_from <= now && now < valid_until;
  if (now < valid_from) {
    check.problems.push_back("it is valid only from " + fields.valid_from);
  } else if (now >= valid_until) {
    check.problems.push_back("it expired at " + fields.valid_until);
  }
  return check;
}

DeclarationCheck CheckDeclaration(const Declaration& d,
                                  const SealVerifier& verifier, TimePoint now) {
  return CheckSealedDeclaration(SealedFieldsOf(d), d.seal, d.text,
                                d.revoked_at.has_value(), d.valid_from,
                                d.valid_until, verifier, now);
}

}  // namespace depot::readingroom
