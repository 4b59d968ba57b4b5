#pragma once

#include "services/common/crypto/keyring.h"
#include "services/common/crypto/subject_keystore.h"
#include "services/readingroom/domain/reading_room_store.h"
#include "storage/pool.h"
#include "storage/readingroom/visitor_sealing.h"

namespace depot::storage {

/// ReadingRoomService's data in PostgreSQL schema `readingroom`, through
/// the statements of storage/readingroom/queries/. Visitor names and
/// contacts are sealed with the keyring (AES-256-GCM) or the visitor's own
/// subject key before they reach the database; name search goes through
/// keyed hashes of the words.
class PgReadingRoomStore : public readingroom::ReadingRoomStore {
 public:
  /// Registers the prepared statements with the pool.
  /// keys: the subject key store; new visitors get a key of their own in
  /// it (crypto-shredding). Null: visitors are sealed with the keyring only
  /// (and visitors sealed with a subject key cannot be read).
  PgReadingRoomStore(ConnectionPool& pool, const Keyring& keyring,
                     SubjectKeyStore* keys = nullptr);

  void Run(const std::function<void(readingroom::ReadingRoomTransaction&)>&
               work) override;

 private:
  ConnectionPool& pool_;
  VisitorSealing sealing_;
};

}  // namespace depot::storage
