#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace depot {

/// Per-person encryption keys kept OUTSIDE the database, for
/// crypto-shredding: the erasable personal fields of one person are
/// encrypted with their own key, and erasure destroys the key. A database
/// dump taken before the erasure then holds only ciphertext that nothing
/// can open any more, so restoring it does not bring the fields back.
///
/// Layout: one directory (mode 0700), one file per key named by its id
/// (32 lower-case hex digits, random, never reused), mode 0600, holding 64
/// hex digits. Destroy unlinks the file and fsyncs the directory so the
/// removal survives a crash. The directory must be backed up apart from
/// the database (a restored old key directory would undo erasures too).
class SubjectKeyStore {
 public:
  using Key = std::array<unsigned char, 32>;

  /// Creates the directory when missing; throws StartupError when it
  /// cannot be created or is not a directory.
  explicit SubjectKeyStore(std::filesystem::path directory);

  /// A new random key; returns its id. The key file is written and synced
  /// before this returns.
  std::string Create();
  /// nullopt when the key was destroyed (or never existed).
  std::optional<Key> Find(const std::string& id) const;
  /// Removes the key for good; destroying a missing key is not an error.
  void Destroy(const std::string& id);
  bool Exists(const std::string& id) const { return Find(id).has_value(); }

  /// AES-256-GCM under the key `id`: nonce || ciphertext || tag. Throws
  /// depot::Error (internal) when the key is gone.
  std::string Encrypt(const std::string& id, std::string_view plaintext,
                      std::string_view associated_data) const;
  /// nullopt when the key is gone (the field was erased); throws
  /// depot::Error (internal) when the data was altered.
  std::optional<std::string> Decrypt(const std::string& id,
                                     std::string_view sealed,
                                     std::string_view associated_data) const;

  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path PathOf(const std::string& id) const;

  std::filesystem::path directory_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Key> cache_;
};

/// True when id has the form of a key id (32 lower-case hex digits).
bool IsSubjectKeyId(std::string_view id);

}  // namespace depot
