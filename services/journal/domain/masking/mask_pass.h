#pragma once

#include <string_view>

#include "services/journal/domain/masking/mask_tables.h"
#include "services/journal/domain/masking/masker.h"

namespace depot::journal {

/// One pass of the masker over a text (masker.h has the rules). With
/// runs_only, masks only where two parts of a name stand together (what
/// MaskerBuilder uses to find which words of public names stay public).
MaskedText RunMaskPass(const MaskTables& tables, std::string_view text,
                       bool runs_only);

}  // namespace depot::journal
