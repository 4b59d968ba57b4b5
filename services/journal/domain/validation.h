#pragma once

#include <optional>
#include <string>
#include <utility>

#include "services/journal/domain/journal_types.h"

namespace depot::journal {

// Input checks shared by the journal's operations. Each throws
// InvalidArgument naming the field; messages never repeat the value (it
// may be a name).

/// Trimmed text of at most max_chars characters, without control
/// characters (line breaks only where multi_line), valid UTF-8; required:
/// not empty.
std::string CleanText(const std::string& field, const std::string& value,
                      size_t max_chars, bool required, bool multi_line = false);

/// A checked screening: known codes, access restriction normalized to its
/// Noark 5 name, authority required with it, codes without duplicates.
Screening CleanScreening(const std::string& field,
                         const ScreeningInput& screening);

/// "2026/12" -> (2026, 12).
std::pair<int, int> ParseCaseNumber(const std::string& text);
/// "2026/000045" or "2026/45" -> (2026, 45).
std::pair<int, int> ParseJournalNumber(const std::string& text);

/// A day given as text: nullopt when empty; InvalidArgument when it is not
/// YYYY-MM-DD.
std::optional<Date> ParseDayField(const std::string& field,
                                  const std::string& text);

/// Lower-case 64-digit hex, or InvalidArgument.
std::string CleanSha256(const std::string& field, const std::string& text);

}  // namespace depot::journal
