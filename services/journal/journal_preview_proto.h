#pragma once

#include "depot/v1/journal.pb.h"
#include "services/journal/domain/preview.h"

namespace depot::journal {

/// The preview's texts (masked spans with what they hide, flagged words)
/// into the message; the entry itself is converted as PublicJournal's.
void PreviewToProto(const EntryPreview& preview, v1::PreviewEntry* out);

}  // namespace depot::journal
