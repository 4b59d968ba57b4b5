#include "services/audit/domain/audit_logs.h"

#include <algorithm>

#include "services/audit/domain/range_verifier.h"

namespace depot::audit {
namespace {

// Verification reads a log in parallel seq ranges of at least this many
// events; below it, opening the extra connections costs more than it saves.
constexpr int64_t kEventsPerReader = 50'000;

}  // namespace

AuditLogs::AuditLogs(AuditStore& store, const AuditSigningKey& key,
                     Sealer& sealer)
    : store_(store), key_(key), sealer_(sealer) {}

TreeHeadView AuditLogs::TreeHead(const std::string& log) {
  RequireKnownLog(log);
  TreeHeadView view;
  view.log = log;
  if (!sealer_.SealLog(log, true).present) return view;
  store_.Run([&](AuditTransaction& tx) {
    view.present = tx.LogPresent(log);
    if (!view.present) return;
    view.head = tx.LatestHead(log);
    view.pending = tx.CountUnsealed(log);
  });
  return view;
}

VerifyOutcome AuditLogs::Verify(const std::string& log) {
  RequireKnownLog(log);
  VerifyOutcome outcome;
  outcome.log = log;
  store_.RunSnapshot([&](AuditTransaction& tx) {
    outcome.present = tx.LogPresent(log);
    if (!outcome.present) return;
    outcome.unsealed = tx.CountUnsealed(log);
    std::vector<SignedHead> heads = tx.RecentHeads(log, kHeadsChecked);
    outcome.latest_head.reset();
    if (!heads.empty()) outcome.latest_head = heads.back();
    // A large log is first checked in seq ranges read and hashed at the
    // same time; only when that finds something wrong (or cannot be used)
    // does the sequential walk run, to name the first bad event.
    auto [first, last] = tx.SealedSeqBounds(log);
    size_t readers = std::min<int64_t>(
        static_cast<int64_t>(tx.ParallelReaders()), last / kEventsPerReader);
    if (readers >= 2 && first == 1) {
      RangeSource ranges = [&](const auto& parts, const auto& visit) {
        tx.ForEachSealedInRanges(log, parts, visit);
      };
      if (ChainIntact(log, last, readers, ranges, heads, key_.verifier())) {
        outcome.verification.events_checked = last;
        outcome.verification.heads_checked = static_cast<int64_t>(heads.size());
        return;
      }
    }
    EventSource events = [&](const auto& visit) {
      tx.ForEachSealed(log, visit);
    };
    outcome.verification =
        VerifyChain(log, events, std::move(heads), key_.verifier());
  });
  return outcome;
}

void AuditLogs::Export(const Caller& caller, const std::string& log,
                       ExportSink& sink) {
  RequireKnownLog(log);
  // One view without one long transaction: the events sealed when the
  // export starts (seq <= last) and the heads then, read a page per short
  // transaction so that no connection waits for the client. Sealing only
  // appends (a later seal gets a higher seq) and sealed events do not
  // change, so the pages are exactly what the first transaction saw; a
  // change by tampering shows when the export is verified.
  bool present = false;
  int64_t last = 0;
  std::vector<SignedHead> heads;
  store_.RunSnapshot([&](AuditTransaction& tx) {
    present = tx.LogPresent(log);
    if (!present) return;
    heads = tx.RecentHeads(log, kHeadsChecked);
    last = tx.SealedSeqBounds(log).second;
    // The export hands out every pseudonym in the log: who took it is
    // itself an audit event (sealed with the others later), recorded
    // before anything leaves.
    tx.Audit(log, {caller.identity, caller.RoleLabel(), "audit.export",
                   "audit/" + log, "",
                   "events=" + std::to_string(tx.CountSealed(log, last)) +
                       " heads=" + std::to_string(heads.size())});
  });
  sink.Begin(log, present);
  if (!present) return;
  int64_t after = 0;
  while (after < last) {
    std::vector<SealedEvent> page;
    store_.Run([&](AuditTransaction& tx) {
      page = tx.SealedPage(log, after, last, kExportBatch);
    });
    if (page.empty()) break;
    sink.Events(page);  // after the transaction: the client may be slow
    after = page.back().seq;
  }
  sink.Heads(heads);
}

}  // namespace depot::audit
