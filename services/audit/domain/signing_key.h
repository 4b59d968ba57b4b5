#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "services/common/crypto/ed25519_key.h"

namespace depot::audit {

/// Checks Ed25519 tree-head signatures against one public key (OpenSSL EVP).
/// Used by the server and, with an exported log, by the offline verifier.
class HeadVerifier {
 public:
  /// Throws InvalidArgument when the PEM is not an Ed25519 public key.
  explicit HeadVerifier(const std::string& public_key_pem);
  ~HeadVerifier();
  HeadVerifier(const HeadVerifier&) = delete;
  HeadVerifier& operator=(const HeadVerifier&) = delete;

  /// signature: 64 raw bytes; false for anything that does not verify.
  bool Verify(std::string_view message, std::string_view signature) const;
  /// Hex SHA-256 of the raw 32-byte public key.
  const std::string& key_id() const { return key_->key_id(); }
  const std::string& public_key_pem() const { return key_->pem(); }

 private:
  std::unique_ptr<Ed25519PublicKey> key_;
};

/// The Ed25519 key that signs tree heads. The private key lives in a PEM
/// file of mode 0600 (config key audit_key_file), never in the database:
/// someone who can rewrite the database cannot sign a head for the result.
class AuditSigningKey {
 public:
  /// Loads the PEM file, creating it (0600) with a fresh key when it does
  /// not exist. Throws StartupError when it is unreadable or not Ed25519.
  static std::unique_ptr<AuditSigningKey> LoadOrCreate(
      const std::filesystem::path& file);
  /// A fresh key in memory (tests, benchmarks).
  static std::unique_ptr<AuditSigningKey> Generate();
  ~AuditSigningKey();

  /// 64 raw bytes.
  std::string Sign(std::string_view message) const {
    return key_->Sign(message);
  }
  const HeadVerifier& verifier() const { return *verifier_; }

 private:
  explicit AuditSigningKey(std::unique_ptr<Ed25519PrivateKey> key);
  std::unique_ptr<Ed25519PrivateKey> key_;
  std::unique_ptr<HeadVerifier> verifier_;
};

}  // namespace depot::audit
