#pragma once

#include "services/common/crypto/keyring.h"
#include "services/common/crypto/subject_keystore.h"
#include "services/journal/domain/journal_store.h"
#include "storage/journal/journal_sealer.h"
#include "storage/pool.h"

namespace depot::storage {

/// JournalService's data in PostgreSQL schema `journal`. Screened personal
/// data is sealed at rest (journal_sealer.h); keys is the per-document key
/// store of crypto-shredding, or nullptr to seal documents with the
/// keyring alone.
class PgJournalStore : public journal::JournalStore {
 public:
  /// Registers the prepared statements with the pool.
  PgJournalStore(ConnectionPool& pool, const Keyring& keyring,
                 SubjectKeyStore* keys = nullptr);

  void Run(
      const std::function<void(journal::JournalTransaction&)>& work) override;
  void RunSnapshot(
      const std::function<void(journal::JournalTransaction&)>& work) override;

  /// Seals the rows written before the journal sealed its text (migration
  /// 203) and empties their clear columns; returns how many rows it
  /// sealed. Run at start-up, before serving; safe with several servers
  /// starting at once.
  int64_t SealClearText();

 private:
  ConnectionPool& pool_;
  JournalSealer sealer_;
};

}  // namespace depot::storage
