#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "services/common/crypto/ed25519_key.h"
#include "services/readingroom/domain/model.h"

namespace depot::readingroom {

/// Version tag that opens the canonical encoding.
inline constexpr char kDeclarationEncoding[] = "depot-declaration-v1";

/// The fields of a declaration that the seal covers, as text: exactly what
/// the canonical encoding holds. The offline verifier fills it from an
/// exported file without reinterpreting any value.
struct SealedFields {
  std::string declaration_id;  ///< decimal
  std::string visitor_id;      ///< decimal
  std::string text_version;    ///< decimal
  std::string text_sha256;     ///< 64 lower-case hex digits
  std::string scope_kind;      ///< all | depositor | category | records
  std::vector<std::string> scope_values;
  std::string valid_from;   ///< RFC 3339, UTC, whole seconds
  std::string valid_until;  ///< RFC 3339, UTC, whole seconds
  std::string signed_at;    ///< RFC 3339, UTC, whole seconds
  std::string witnessed_by;
  std::string signature_scan_sha256;  ///< hex or empty
  std::string seal_key_id;            ///< hex SHA-256 of the raw public key
};

SealedFields SealedFieldsOf(const Declaration& declaration);

/// The canonical byte encoding (documented in docs/integrators.md): each
/// field as a 4-byte big-endian length followed by its UTF-8 bytes, in this
/// order: the tag "depot-declaration-v1", declaration_id, visitor_id,
/// text_version, text_sha256, scope_kind, the number of scope values, each
/// scope value (records in ascending numeric order, other values in
/// ascending byte order), valid_from, valid_until, signed_at, witnessed_by,
/// signature_scan_sha256, seal_key_id.
std::string CanonicalDeclarationBytes(const SealedFields& fields);

/// Checks Ed25519 seals against one public key.
class SealVerifier {
 public:
  /// Throws InvalidArgument when the PEM is not an Ed25519 public key.
  explicit SealVerifier(const std::string& public_key_pem);
  ~SealVerifier();
  SealVerifier(const SealVerifier&) = delete;
  SealVerifier& operator=(const SealVerifier&) = delete;

  /// seal_hex: 128 lower-case hex digits. False for anything that does not
  /// verify, including malformed hex. Seals that verified are remembered
  /// (by SHA-256 of message and seal), since every loan checks its
  /// declaration again; the answer for given bytes never changes.
  bool Verify(std::string_view message, const std::string& seal_hex) const;
  const std::string& key_id() const { return key_->key_id(); }
  const std::string& public_key_pem() const { return key_->pem(); }

 private:
  std::unique_ptr<Ed25519PublicKey> key_;
  mutable std::mutex verified_mutex_;
  mutable std::unordered_set<std::string> verified_;
};

/// The depot's Ed25519 sealing key (see Ed25519PrivateKey). The private
/// key lives in a PEM file (mode 0600), never in the database.
class SealKey {
 public:
  /// Loads the PEM file, creating it with a fresh key when it does not
  /// exist. Throws StartupError when it is unreadable or not Ed25519.
  static std::unique_ptr<SealKey> LoadOrCreate(
      const std::filesystem::path& file);
  /// A fresh key in memory (tests).
  static std::unique_ptr<SealKey> Generate();
  ~SealKey();

  /// Lower-case hex Ed25519 signature (128 digits).
  std::string Seal(std::string_view message) const;
  const SealVerifier& verifier() const { return *verifier_; }

 private:
  explicit SealKey(std::unique_ptr<Ed25519PrivateKey> key);
  std::unique_ptr<Ed25519PrivateKey> key_;
  std::unique_ptr<SealVerifier> verifier_;
};

/// The outcome of checking one declaration (online and offline alike).
struct DeclarationCheck {
  bool seal_valid = false;
  bool text_intact = false;
  bool revoked = false;
  bool within_validity = false;
  std::vector<std::string> problems;  ///< one line per failed check
  bool valid() const {
    return seal_valid && text_intact && !revoked && within_validity;
  }
};

/// Checks the seal over the stored fields, the stored text against the
/// sealed hash, revocation and the validity period at now.
/// text: the text as stored now; revoked_at_text: empty unless revoked.
DeclarationCheck CheckSealedDeclaration(
    const SealedFields& fields, const std::string& seal_hex,
    const std::string& text, bool revoked, TimePoint valid_from,
    TimePoint valid_until, const SealVerifier& verifier, TimePoint now);
DeclarationCheck CheckDeclaration(const Declaration& declaration,
                                  const SealVerifier& verifier, TimePoint now);

}  // namespace depot::readingroom
