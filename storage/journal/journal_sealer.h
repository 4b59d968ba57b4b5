#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "services/common/crypto/keyring.h"
#include "services/common/crypto/subject_keystore.h"

namespace depot::storage {

/// Seals the journal's screened personal data at rest: names of
/// correspondents, titles of cases and entries, document descriptions,
/// contents and references, released names and their reasons, words marked
/// to screen. AES-256-GCM under the server keyring (keys outside the
/// database), each ciphertext bound to its place (the journal or case
/// number and the position), so a ciphertext copied to another row does
/// not open. A document's content and reference are sealed under a key of
/// their own when a subject key store is configured: disposal destroys the
/// key, so the content is gone from every backup too (crypto-shredding).
class JournalSealer {
 public:
  JournalSealer(const Keyring& keyring, SubjectKeyStore* keys)
      : keyring_(keyring), keys_(keys) {}

  /// base64 text for a text column.
  std::string Seal(std::string_view text, const std::string& place) const;
  /// What Seal made; throws Error(kInternal) when it was altered or moved.
  std::string Open(std::string_view sealed, const std::string& place) const;

  /// A new key for one document's content ("" without a key store).
  std::string NewDocumentKey() const;
  /// Raw ciphertext for a bytea column, under the document's key (or the
  /// keyring when key_id is "").
  std::string SealDocument(std::string_view bytes, const std::string& place,
                           const std::string& key_id) const;
  /// nullopt when the document's key was destroyed.
  std::optional<std::string> OpenDocument(std::string_view sealed,
                                          const std::string& place,
                                          const std::string& key_id) const;
  /// Destroys a document's key after its disposal committed.
  void DestroyDocumentKey(const std::string& key_id) const;

  /// Keyed index of a correspondent's folded name (FoldName): what the
  /// count of same-name correspondents in a rights request looks up.
  std::string NameIndex(std::string_view folded_name) const;
  /// Keyed index of a released name within its case: the uniqueness of a
  /// release, without the name.
  std::string ReleaseIndex(int64_t case_id, std::string_view canonical) const;

 private:
  SubjectKeyStore& RequireKeys() const;

  const Keyring& keyring_;
  SubjectKeyStore* keys_;
};

// The places ciphertexts are bound to.
std::string CasePlace(int year, int sequence, const char* field);
std::string EntryPlace(int year, int sequence, const char* field);
std::string CorrespondentPlace(int year, int sequence, int position);
std::string DocumentPlace(int year, int sequence, int position,
                          const char* field);
std::string ReleasePlace(int64_t case_id, const std::string& index,
                         const char* field);
std::string ScreenedWordsPlace(int year, int sequence, int marking);

}  // namespace depot::storage
