#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace depot::audit {

/// The logs the audit service knows: one per service schema, in the order
/// the sealer visits them.
const std::vector<std::string>& KnownLogs();
/// Throws InvalidArgument naming the known logs unless log is one of them.
void RequireKnownLog(std::string_view log);
/// A fixed advisory-lock key per log: one sealer at a time per log, across
/// every depotd process on the database.
int64_t SealerLockKey(std::string_view log);

/// One event of a log as the chain covers it. Text fields hold exactly the
/// stored text (subject: empty when NULL).
struct SealedEvent {
  int64_t seq = 0;             ///< position in the chain, from 1
  int64_t id = 0;              ///< the row's identity value
  int64_t occurred_at_us = 0;  ///< microseconds since 1970-01-01 UTC
  std::string actor;
  std::string actor_role;
  std::string action;
  std::string object;
  std::string subject;
  std::string detail;
  std::string chain_hash;  ///< 32 raw bytes (SHA-256)
};

/// A signed tree head: the log had `size` sealed events and the chain hash
/// of the last one was `root` when the key signed it.
struct SignedHead {
  int64_t size = 0;
  std::string root;  ///< 32 raw bytes
  int64_t signed_at_us = 0;
  std::string signature;  ///< 64 raw bytes (Ed25519)
};

/// What verification found first.
struct AuditProblem {
  int64_t seq = 0;
  int64_t event_id = 0;  ///< 0 when the event is missing
  std::string
      what;  ///< changed | removed | inserted | reordered | head mismatch
  std::string detail;
};

struct Verification {
  int64_t events_checked = 0;
  int64_t heads_checked = 0;
  std::optional<AuditProblem> first_bad;
  bool ok() const { return !first_bad.has_value(); }
};

}  // namespace depot::audit
