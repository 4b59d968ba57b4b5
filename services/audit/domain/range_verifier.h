#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "services/audit/domain/audit_store.h"
#include "services/audit/domain/signing_key.h"

namespace depot::audit {

/// Reads the sealed events of each range in seq order as visit(range index,
/// event), the ranges possibly at the same time on several threads, all
/// from one snapshot; a range stops when visit returns false.
using RangeSource = std::function<void(
    const std::vector<SeqRange>& ranges,
    const std::function<bool(size_t, const SealedEvent&)>& visit)>;

/// Whether a log whose sealed events span seq 1..last verifies completely,
/// checked in `parts` seq ranges at once: every seq from 1 to last once and
/// in order, every stored chain hash equal to SHA-256(stored chain hash of
/// the event before || canonical(event)), every head signature valid and
/// every head root equal to the stored chain hash at its size.
///
/// That is exactly when VerifyChain finds nothing (it chains computed
/// hashes, which equal the stored ones as long as every check passed), but
/// each range needs only the stored hash of the event before it, so the
/// ranges are independent. true means the log verifies; false only says
/// that something is wrong: VerifyChain then names the first bad event.
bool ChainIntact(std::string_view log, int64_t last, size_t parts,
                 const RangeSource& source,
                 const std::vector<SignedHead>& heads,
                 const HeadVerifier& verifier);

}  // namespace depot::audit
