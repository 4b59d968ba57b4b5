#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

namespace depot {

/// The secret keys of a depot server. They come from a key file or the
/// environment, never from the database, so a database dump alone reveals
/// no identity number and links no pseudonym to a person.
///
/// Key file: `key = value` lines with 64 hex digits (32 bytes) each:
///   identity_encryption = ...   AES-256-GCM for identity numbers and names
///   identity_index = ...        HMAC-SHA-256 blind index of identity numbers
///   subject_pseudonym = ...     HMAC-SHA-256 pseudonyms in audit events
/// Environment variables DEPOT_KEY_IDENTITY_ENCRYPTION, DEPOT_KEY_IDENTITY_INDEX
/// and DEPOT_KEY_SUBJECT_PSEUDONYM override the file.
class Keyring {
 public:
  using Key = std::array<unsigned char, 32>;

  /// Throws StartupError naming the missing or malformed key.
  static Keyring Load(const std::filesystem::path& key_file);
  /// Fresh random keys (tests; ops/dev-keys writes a file of the same kind).
  static Keyring Random();

  /// HMAC-SHA-256 (hex) of a national identity number for lookups.
  std::string BlindIndex(std::string_view national_id) const;
  /// HMAC-SHA-256 (hex) of a subject key (see subject_key.h) for audit
  /// events: the same person always gets the same pseudonym.
  std::string Pseudonym(std::string_view subject_key) const;
  /// AES-256-GCM: random 12-byte nonce || ciphertext || 16-byte tag.
  /// associated_data binds the ciphertext to its place (e.g. a record id)
  /// so it cannot be moved to another row unnoticed.
  std::string Encrypt(std::string_view plaintext,
                      std::string_view associated_data) const;
  /// Throws depot::Error (internal) when the data was altered or the key is
  /// wrong.
  std::string Decrypt(std::string_view sealed,
                      std::string_view associated_data) const;

  /// Writes a new key file with random keys (mode 0600); refuses to
  /// overwrite an existing one.
  static void WriteNewKeyFile(const std::filesystem::path& key_file);

 private:
  Key encryption_{};
  Key index_{};
  Key pseudonym_{};
};

/// HMAC-SHA-256 of data under key, lower-case hex.
std::string HmacSha256Hex(const Keyring::Key& key, std::string_view data);

}  // namespace depot
