#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/journal/domain/journal_types.h"
#include "storage/journal/journal_sealer.h"

namespace depot::storage {

/// The entries of schema `journal` in one transaction, with their
/// correspondents and documents: numbering, writing, and finding them by
/// number, case or a correspondent's identity. See JournalTransaction for
/// the contract of each method.
class PgJournalEntries {
 public:
  PgJournalEntries(pqxx::dbtransaction& tx, const JournalSealer& sealer)
      : tx_(tx), sealer_(sealer) {}

  int NextSequence(int year);
  journal::JournalEntry Insert(const journal::JournalEntry& entry);
  std::optional<journal::JournalEntry> Find(int year, int sequence,
                                            bool with_content);
  std::vector<journal::JournalEntry> OfCase(int64_t case_id);
  std::vector<journal::JournalEntry> OfIdentity(
      const std::string& national_id_index, const std::string& person_index);
  int64_t CountNameOnlyCorrespondents(const std::string& folded_name);

 private:
  void InsertCorrespondent(const journal::JournalEntry& entry, int position,
                           journal::Correspondent* correspondent);
  void InsertDocument(const journal::JournalEntry& entry, int position,
                      journal::Document* document);
  void LoadContent(journal::JournalEntry* entry);

  pqxx::dbtransaction& tx_;
  const JournalSealer& sealer_;
};

}  // namespace depot::storage
