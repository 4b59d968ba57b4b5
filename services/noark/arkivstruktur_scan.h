#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/noark/mappe.h"

namespace depot::noark {

// The streaming passes of the self-checks over the files of an extraction:
// each reads a file once, with bounded memory whatever its size.

/// What one pass over arkivstruktur.xml found.
struct ArkivstrukturScan {
  std::optional<std::string> unreadable;  ///< a fatal XML error
  std::vector<Deviation> invalid;         ///< schema findings
  int64_t invalid_count = 0;
  /// Elements of the arkivstruktur namespace by local name, and
  /// "journalpost" for each registrering of that type.
  std::map<std::string, int64_t> counts;
  int64_t system_ids = 0;
};

/// Counts the elements of arkivstruktur.xml, validating it against `schema`
/// when one is given, and calls on_id with the text of every systemID.
ArkivstrukturScan ScanArkivstruktur(
    const std::filesystem::path& file, const std::filesystem::path& schema,
    const std::function<void(std::string_view)>& on_id);

/// Validates a whole file against a schema: the findings ("file line N:
/// what"), or why it could not be read.
std::vector<std::string> ValidateAgainst(const std::filesystem::path& file,
                                         const std::filesystem::path& schema);

/// The journalposts a loependeJournal.xml or offentligJournal.xml lists and
/// the number its journalhode states.
struct JournalCount {
  int64_t entries = 0;
  std::optional<int64_t> stated;
  std::optional<std::string> unreadable;
};

JournalCount CountJournal(const std::filesystem::path& file);

}  // namespace depot::noark
