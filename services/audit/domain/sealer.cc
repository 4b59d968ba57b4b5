#include "services/audit/domain/sealer.h"

#include "services/audit/domain/canonical.h"
#include "services/common/time_format.h"

namespace depot::audit {

Sealer::Sealer(AuditStore& store, const AuditSigningKey& key, Clock clock,
               SealerOptions options)
    : store_(store), key_(key), clock_(std::move(clock)), options_(options) {}

Sealer::Pass Sealer::SealLog(const std::string& log, bool on_demand) {
  RequireKnownLog(log);
  Pass pass;
  ChainHasher hasher;
  for (int round = 0; round < options_.max_batches_per_pass; ++round) {
    bool present = false, locked = false, head_written = false;
    int64_t sealed = 0;
    bool last_round = round + 1 == options_.max_batches_per_pass;
    store_.Run([&](AuditTransaction& tx) {
      present = tx.LogPresent(log);
      if (!present) return;
      locked = tx.LockSealer(log, on_demand);
      if (!locked) return;
      auto [size, root] = tx.LastSealed(log);
      std::vector<SealedEvent> batch = tx.Unsealed(log, options_.batch);
      for (SealedEvent& event : batch) {
        event.seq = ++size;
        hasher.Next(root, event, &event.chain_hash);
        root = event.chain_hash;
      }
      if (!batch.empty()) tx.Seal(log, batch);
      sealed = static_cast<int64_t>(batch.size());
      bool more = sealed == options_.batch && !last_round;
      if (more) return;
      std::optional<SignedHead> latest = tx.LatestHead(log);
      int64_t now = MicrosSinceEpoch(clock_());
      bool covered = latest && latest->size == size;
      bool due =
          !latest || now - latest->signed_at_us >= options_.head_interval_us;
      if (!covered && (on_demand || due)) {
        SignedHead head{size, root, now, ""};
        head.signature = key_.Sign(HeadBytes(log, head));
        tx.AddHead(log, head);
        head_written = true;
      }
    });
    pass.present = present;
    pass.locked = locked;
    pass.sealed += sealed;
    pass.head_written |= head_written;
    if (!present || !locked || sealed < options_.batch) break;
  }
  return pass;
}

int64_t Sealer::SealAll() {
  int64_t sealed = 0;
  for (const std::string& log : KnownLogs()) {
    sealed += SealLog(log, false).sealed;
  }
  return sealed;
}

}  // namespace depot::audit
