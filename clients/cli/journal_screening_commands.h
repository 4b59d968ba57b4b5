#pragma once

#include <ostream>
#include <string>

#include "clients/cli/connection.h"
#include "depot/v1/journal.pb.h"

namespace depot::cli {

/// `depot journal public --preview`: the archivist's preview of the public
/// journal, as a table or (json) entry by entry as JSON. Returns the exit
/// code.
int PrintPublicPreview(const Connection& connection,
                       const v1::PublicJournalRequest& request, bool json,
                       std::ostream& out);

/// The public text with each mask shown as [******: what it hides].
std::string ShowMasks(const v1::PreviewText& text);

}  // namespace depot::cli
