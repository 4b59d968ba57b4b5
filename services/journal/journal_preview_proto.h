#pragma once

#include "depot/v1/journal.pb.h"
#include "services/journal/domain/preview.h"

namespace depot::journal {

/// The previewed entry, converted as PublicJournal's, with its texts
/// (masked spans with what they hide, flagged words).
void ToProto(const EntryPreview& preview, v1::PreviewEntry* out);

}  // namespace depot::journal
