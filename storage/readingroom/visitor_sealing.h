#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/common/crypto/keyring.h"
#include "services/common/crypto/subject_keystore.h"
#include "services/readingroom/domain/model.h"

namespace depot::storage {

/// What an erased visitor's name and contact read as.
inline constexpr char kErasedVisitorField[] = "[erased]";

/// How a visitor's personal fields are sealed at rest and opened again, and
/// the keyed hashes the store searches them by. Visitors with a key of
/// their own (key_id) are sealed with it, so that destroying the key erases
/// them from every backup too; older visitors with the keyring. The
/// associated data names the visitor and field
/// ("readingroom/visitor/<id>/<field>"), so a sealed value cannot be moved
/// to another row or column.
class VisitorSealing {
 public:
  /// keys: null when no subject key store is configured (visitors sealed
  /// with a subject key then cannot be read).
  VisitorSealing(const Keyring& keyring, SubjectKeyStore* keys)
      : keyring_(keyring), keys_(keys) {}

  /// A new subject key for a new visitor; "" without a key store.
  std::string NewKeyId() const;

  /// value sealed, in base64.
  std::string Seal(int64_t visitor_id, const std::string& field,
                   const std::string& value, const std::string& key_id) const;
  /// Sealed, or nullopt (NULL) when value is empty.
  std::optional<std::string> SealedOrNull(const readingroom::Visitor& visitor,
                                          const char* field,
                                          const std::string& value) const;
  /// nullopt when the visitor's key was destroyed (erased). Empty sealed
  /// text (an optional field not given) opens as "".
  std::optional<std::string> Open(int64_t visitor_id, const std::string& field,
                                  const std::string& sealed,
                                  const std::string& key_id) const;
  /// The opened name, or kErasedVisitorField.
  std::string NameOrErased(int64_t visitor_id, const std::string& sealed,
                           const std::string& key_id) const;

  /// Keyed index of the identity number, or nullopt (NULL) without one.
  std::optional<std::string> NationalIdIndex(
      const readingroom::Visitor& visitor) const;
  /// Keyed index of name and birth date, or nullopt (NULL) without a date.
  std::optional<std::string> PersonIndex(
      const readingroom::Visitor& visitor) const;
  /// Keyed hashes of the distinct folded words of a name.
  std::vector<std::string> NameTokens(const std::string& name) const;

 private:
  SubjectKeyStore& RequireKeys() const;

  const Keyring& keyring_;
  SubjectKeyStore* keys_;
};

}  // namespace depot::storage
