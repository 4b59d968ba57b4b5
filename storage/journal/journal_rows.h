#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "services/journal/domain/journal_types.h"
#include "storage/journal/journal_sealer.h"

namespace depot::storage {

// Rows of schema `journal` to the domain's types and back: the sealed
// columns opened here, nowhere else.

std::string JoinCodes(const std::vector<std::string>& codes);
std::vector<std::string> SplitCodes(const std::string& joined);

/// A nullable text parameter: NULL for "".
std::optional<std::string> NullIfEmpty(const std::string& text);
/// A nullable date parameter: its text, or NULL.
std::optional<std::string> DayOrNull(const std::optional<Date>& day);

/// A sealed text column's value: the sealed column opened, or (a row
/// written before the journal sealed its text, not yet sealed at start-up)
/// the clear one; "" when both are NULL.
std::string SealedOrClear(const JournalSealer& sealer,
                          const pqxx::field& sealed, const pqxx::field& clear,
                          const std::string& place);
std::string SealedOrClear(const JournalSealer& sealer,
                          const nlohmann::json& sealed,
                          const nlohmann::json& clear,
                          const std::string& place);

/// text sealed for its place, or NULL for "".
std::optional<std::string> SealedOrNull(const JournalSealer& sealer,
                                        const std::string& text,
                                        const std::string& place);

/// A row of journal.case_rows.
journal::JournalCase ToCase(const pqxx::row& row, const JournalSealer& sealer);
/// A row of journal.entry_rows: an entry with its correspondents and
/// documents (without content).
journal::JournalEntry ToEntry(const pqxx::row& row,
                              const JournalSealer& sealer);
/// Every row of a result of journal.entry_rows.
std::vector<journal::JournalEntry> ToEntries(const pqxx::result& result,
                                             const JournalSealer& sealer);
/// A row of case_screened_words.sql, words opened.
journal::ScreenedWords ToScreenedWords(const pqxx::row& row,
                                       const JournalSealer& sealer);
/// The screening columns of a row, optionally with a prefix ("e_").
journal::Screening ScreeningFrom(const pqxx::row& row,
                                 const std::string& prefix = "");

}  // namespace depot::storage
