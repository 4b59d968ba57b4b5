#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "services/audit/domain/audit_log.h"
#include "services/audit/domain/signing_key.h"

namespace depot::audit {

/// Calls visit for every sealed event of a log in seq order until visit
/// returns false. Verification calls it a second time when it found
/// something wrong (to tell a reordering from a change), so every call must
/// yield the same events: one database snapshot, or one export file.
using EventSource =
    std::function<void(const std::function<bool(const SealedEvent&)>& visit)>;

/// Recomputes the chain from 32 zero bytes, checks seq continuity, every
/// stored chain hash, and the given signed heads (their signatures, and
/// their roots against the chain at their size). The same code runs in the
/// server (VerifyAudit) and in the offline CLI (depot audit verify
/// --offline), so both name the same first bad event:
///   removed    a seq is missing (or the events after it were renumbered);
///   inserted   an event is in the chain that was never sealed there;
///   reordered  an event sits at another seq than the one it was sealed at;
///   changed    an event no longer matches its chain hash;
///   head mismatch  a signed head does not verify or does not match the
///              chain (the chain was rewritten consistently after it).
Verification VerifyChain(std::string_view log, const EventSource& events,
                         std::vector<SignedHead> heads,
                         const HeadVerifier& verifier);

}  // namespace depot::audit
