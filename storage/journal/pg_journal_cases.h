#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "services/journal/domain/journal_types.h"
#include "storage/journal/journal_sealer.h"

namespace depot::storage {

/// The cases of schema `journal` in one transaction: their numbers and
/// rows, and what their public text depends on (correspondents, released
/// names, words marked to screen). See JournalTransaction for the contract
/// of each method.
class PgJournalCases {
 public:
  PgJournalCases(pqxx::dbtransaction& tx, const JournalSealer& sealer)
      : tx_(tx), sealer_(sealer) {}

  int NextSequence(int year);
  journal::JournalCase Insert(const journal::JournalCase& journal_case);
  std::optional<journal::JournalCase> Find(int year, int sequence,
                                           bool for_update);
  void MarkClosed(int64_t case_id, journal::TimePoint closed_at,
                  const std::string& closed_by);
  int NextNumberInCase(int64_t case_id);

  void InsertRelease(const journal::NameRelease& release);
  void InsertScreenedWords(int64_t case_id, const journal::JournalEntry& entry,
                           const journal::ScreenedWords& words);
  journal::CaseParties LoadParties(int64_t case_id);

 private:
  std::vector<journal::CaseParties::Party> Parties(int64_t case_id);
  std::vector<std::string> ReleasedNames(int64_t case_id);

  pqxx::dbtransaction& tx_;
  const JournalSealer& sealer_;
};

}  // namespace depot::storage
