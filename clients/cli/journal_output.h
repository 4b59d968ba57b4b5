#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "depot/v1/journal.pb.h"

namespace depot::cli {

/// "ordinary", "job-application", "personnel".
const char* CaseKindName(v1::CaseKind kind);
/// The journalposttype letter: I, U, N, X, S.
const char* EntryTypeLetter(v1::EntryType type);
v1::EntryType EntryTypeByLetter(const std::string& letter);
/// The journalstatus letter: J, E, A, U (J for anything else).
v1::EntryStatus EntryStatusByLetter(const std::string& letter);

/// "UO, offentleglova § 13 [NA,NM] until 2030-01-01", or "-".
std::string ScreeningText(const v1::Screening& screening);

/// The screening options shared by `journal case create` and `journal add`.
struct ScreeningArgs {
  std::string restriction;
  std::string authority;
  std::vector<std::string> metadata;
  std::string until;

  void AddTo(CLI::App* command);
  void Fill(v1::Screening* out) const;
};

/// A case or an entry as recorded, as `journal case show` and `journal
/// show` print them.
void PrintCase(const v1::JournalCase& c);
void PrintEntry(const v1::JournalEntry& e);

}  // namespace depot::cli
