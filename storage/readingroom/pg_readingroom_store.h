#pragma once

#include "services/common/crypto/keyring.h"
#include "services/readingroom/domain/reading_room_store.h"
#include "storage/pool.h"

namespace depot::storage {

/// ReadingRoomService's data in PostgreSQL schema `readingroom`. Visitor
/// names and contacts are sealed with the keyring (AES-256-GCM) before they
/// reach the database; name search goes through keyed hashes of the words.
class PgReadingRoomStore : public readingroom::ReadingRoomStore {
 public:
  /// Registers the prepared statements with the pool.
  PgReadingRoomStore(ConnectionPool& pool, const Keyring& keyring);

  void Run(const std::function<void(readingroom::ReadingRoomTransaction&)>&
               work) override;

 private:
  ConnectionPool& pool_;
  const Keyring& keyring_;
};

}  // namespace depot::storage
