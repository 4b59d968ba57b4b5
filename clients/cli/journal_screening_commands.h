#pragma once

#include <CLI/CLI.hpp>
#include <ostream>

#include "clients/cli/connection.h"
#include "clients/cli/depositor_commands.h"
#include "depot/v1/journal.pb.h"

namespace depot::cli {

/// `depot journal screen-words ENTRY --word W... --authority A`.
void AddScreenWordsCommand(CLI::App* group, const ConnectionOptions& options,
                           Action* action);

/// `depot journal public --preview`: the archivist's preview of the public
/// journal, as a table or (json) entry by entry as JSON. Returns the exit
/// code.
int PrintPublicPreview(const Connection& connection,
                       const v1::PublicJournalRequest& request, bool json,
                       std::ostream& out);

/// The public text with each mask shown as [******: what it hides].
std::string ShowMasks(const v1::PreviewText& text);

}  // namespace depot::cli
