#pragma once

#include <CLI/CLI.hpp>

#include "clients/cli/command.h"

namespace depot::cli {

/// `depot journal case|add|show|release-name|screen-words|public|internal|
/// applicants|dispose|settings`.
void AddJournalCommands(CLI::App* app, const Commands& commands);

// The parts of the journal group, each in a file of its own.

/// `add`, `show`, `release-name`.
void AddJournalEntryCommands(CLI::App* journal, const Commands& commands);
/// `screen-words`.
void AddScreenWordsCommand(CLI::App* journal, const Commands& commands);
/// `public` (with --preview), `internal`, `applicants`.
void AddJournalReportCommands(CLI::App* journal, const Commands& commands);
/// `dispose`, `settings`.
void AddJournalDisposalCommands(CLI::App* journal, const Commands& commands);

}  // namespace depot::cli
