#include "services/audit/domain/signing_key.h"

#include "services/common/error.h"

namespace depot::audit {

HeadVerifier::HeadVerifier(const std::string& public_key_pem)
    : key_(Ed25519PublicKey::FromPem(public_key_pem)) {
  if (!key_) {
    throw InvalidArgument(
        "the public key is not an Ed25519 public key in PEM "
        "(-----BEGIN PUBLIC KEY-----); get it with depot audit key");
  }
}

HeadVerifier::~HeadVerifier() = default;

bool HeadVerifier::Verify(std::string_view message,
                          std::string_view signature) const {
  return key_->Verify(message, signature);
}

AuditSigningKey::AuditSigningKey(std::unique_ptr<Ed25519PrivateKey> key)
    : key_(std::move(key)),
      verifier_(std::make_unique<HeadVerifier>(key_->PublicKeyPem())) {}

AuditSigningKey::~AuditSigningKey() = default;

std::unique_ptr<AuditSigningKey> AuditSigningKey::Generate() {
  return std::unique_ptr<AuditSigningKey>(
      new AuditSigningKey(Ed25519PrivateKey::Generate()));
}

std::unique_ptr<AuditSigningKey> AuditSigningKey::LoadOrCreate(
    const std::filesystem::path& file) {
  if (file.empty()) {
    throw StartupError(
        "no audit signing key configured: set audit_key_file (default: "
        "audit-signing.key next to key_file)");
  }
  return std::unique_ptr<AuditSigningKey>(
      new AuditSigningKey(Ed25519PrivateKey::LoadOrCreate(
          file, "audit signing key", " (set audit_key_file)")));
}

}  // namespace depot::audit
