#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/journal/domain/journal_types.h"
#include "storage/journal/journal_sealer.h"

namespace depot::storage {

/// The disposal of application documents in one transaction, and the
/// settings that decide it (the retention period). See JournalTransaction
/// for the contract of each method.
class PgJournalDisposals {
 public:
  PgJournalDisposals(pqxx::dbtransaction& tx, const JournalSealer& sealer)
      : tx_(tx), sealer_(sealer) {}

  std::vector<journal::DisposalCandidate> Candidates();
  void Record(const journal::DisposalRecord& disposal);
  /// Keys of documents disposed of by Record: to destroy once the
  /// transaction committed.
  const std::vector<std::string>& doomed_keys() const { return doomed_keys_; }

  journal::JournalSettings LoadSettings();
  void SaveSettings(const journal::JournalSettings& settings);

 private:
  pqxx::dbtransaction& tx_;
  const JournalSealer& sealer_;
  std::vector<std::string> doomed_keys_;
};

}  // namespace depot::storage
