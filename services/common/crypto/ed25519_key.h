#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace depot {

/// An Ed25519 public key (OpenSSL EVP) that checks signatures. Shared by
/// the audit log's tree heads and the reading room's declaration seals.
class Ed25519PublicKey {
 public:
  /// nullptr when the PEM is not an Ed25519 public key
  /// (-----BEGIN PUBLIC KEY-----); the caller says where to get the right
  /// one.
  static std::unique_ptr<Ed25519PublicKey> FromPem(const std::string& pem);
  ~Ed25519PublicKey();
  Ed25519PublicKey(const Ed25519PublicKey&) = delete;
  Ed25519PublicKey& operator=(const Ed25519PublicKey&) = delete;

  /// signature: 64 raw bytes; false for anything that does not verify.
  bool Verify(std::string_view message, std::string_view signature) const;
  /// Hex SHA-256 of the raw 32-byte public key.
  const std::string& key_id() const { return key_id_; }
  /// The PEM it was read from.
  const std::string& pem() const { return pem_; }

 private:
  struct Key;
  Ed25519PublicKey(std::unique_ptr<Key> key, std::string pem);
  std::unique_ptr<Key> key_;
  std::string key_id_;
  std::string pem_;
};

/// An Ed25519 private key (OpenSSL EVP). On a server it lives in a PEM
/// file of mode 0600, never in the database: someone who can rewrite the
/// database cannot sign for the result.
class Ed25519PrivateKey {
 public:
  /// A fresh key in memory (tests, benchmarks).
  static std::unique_ptr<Ed25519PrivateKey> Generate();
  /// Loads the PEM file, creating it (0600, and its directory) with a
  /// fresh key when it does not exist; two processes starting at once end
  /// up with one key. Throws StartupError when it cannot be created or is
  /// not an Ed25519 private key. The messages name the key as `what` (e.g.
  /// "audit signing key"); `unwritable_hint` follows the message for a
  /// directory that is not writable (e.g. " (set audit_key_file)").
  static std::unique_ptr<Ed25519PrivateKey> LoadOrCreate(
      const std::filesystem::path& file, const std::string& what,
      const std::string& unwritable_hint);
  ~Ed25519PrivateKey();
  Ed25519PrivateKey(const Ed25519PrivateKey&) = delete;
  Ed25519PrivateKey& operator=(const Ed25519PrivateKey&) = delete;

  /// 64 raw bytes.
  std::string Sign(std::string_view message) const;
  /// The public half in PEM (-----BEGIN PUBLIC KEY-----).
  std::string PublicKeyPem() const;

 private:
  struct Key;
  explicit Ed25519PrivateKey(std::unique_ptr<Key> key);
  std::unique_ptr<Key> key_;
};

}  // namespace depot
