#pragma once

#include <cstdint>
#include <string>

#include "services/audit/domain/audit_store.h"
#include "services/audit/domain/signing_key.h"
#include "services/common/clock.h"

namespace depot::audit {

struct SealerOptions {
  int batch = 5000;  ///< events per transaction
  int max_batches_per_pass = 20;
  /// A periodic head is signed when the chain grew and the last head is at
  /// least this old; on demand (GetTreeHead) always.
  int64_t head_interval_us = 10'000'000;
};

/// Chains committed events: assigns seq and chain hash in id order, in
/// bounded batches, holding the log's sealer lock only for one batch.
/// Writers only INSERT rows without seq and never wait for it.
class Sealer {
 public:
  Sealer(AuditStore& store, const AuditSigningKey& key, Clock clock,
         SealerOptions options = {});

  struct Pass {
    bool present = false;
    bool locked = false;  ///< false: another sealer was at work
    int64_t sealed = 0;
    bool head_written = false;
  };
  /// One pass over one log. on_demand: waits for the lock (at most one
  /// batch of another sealer) and signs a head for the current size unless
  /// one exists.
  Pass SealLog(const std::string& log, bool on_demand);
  /// A background pass over every known log; returns events sealed.
  int64_t SealAll();

 private:
  AuditStore& store_;
  const AuditSigningKey& key_;
  Clock clock_;  ///< head times; tests move it
  SealerOptions options_;
};

}  // namespace depot::audit
