#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "services/audit/domain/audit_log.h"
#include "services/common/audit_event.h"

namespace depot::audit {

/// Sealed events with first <= seq <= last.
struct SeqRange {
  int64_t first = 0;
  int64_t last = 0;
};

/// The audit logs as the audit domain sees them, inside one transaction.
/// `log` is always one of KnownLogs(); every call but LogPresent needs the
/// log to be present.
class AuditTransaction {
 public:
  virtual ~AuditTransaction() = default;
  /// Whether the log's tables (with the chain columns) exist here.
  virtual bool LogPresent(const std::string& log) = 0;
  /// Takes the log's sealer lock until the transaction ends. wait = false:
  /// returns false at once when another sealer holds it. Writers never
  /// take it.
  virtual bool LockSealer(const std::string& log, bool wait) = 0;
  /// seq and chain hash of the last sealed event (0 and ZeroHash() when
  /// none is sealed).
  virtual std::pair<int64_t, std::string> LastSealed(
      const std::string& log) = 0;
  /// Up to limit committed events without seq, in id order (seq and
  /// chain_hash unset).
  virtual std::vector<SealedEvent> Unsealed(const std::string& log,
                                            int limit) = 0;
  /// Stores seq and chain_hash of these events.
  virtual void Seal(const std::string& log,
                    const std::vector<SealedEvent>& events) = 0;
  virtual int64_t CountUnsealed(const std::string& log) = 0;
  virtual std::optional<SignedHead> LatestHead(const std::string& log) = 0;
  /// The limit heads of the largest sizes, in ascending size order.
  virtual std::vector<SignedHead> RecentHeads(const std::string& log,
                                              int limit) = 0;
  /// Keeps the head unless one of that size exists.
  virtual void AddHead(const std::string& log, const SignedHead& head) = 0;
  /// Every sealed event in seq order until visit returns false; may be
  /// called again in the same transaction.
  virtual void ForEachSealed(
      const std::string& log,
      const std::function<bool(const SealedEvent&)>& visit) = 0;
  /// Lowest and highest seq of the sealed events (0, 0 when none).
  virtual std::pair<int64_t, int64_t> SealedSeqBounds(const std::string& log) {
    std::pair<int64_t, int64_t> bounds{0, 0};
    ForEachSealed(log, [&](const SealedEvent& e) {
      if (bounds.first == 0) bounds.first = e.seq;
      bounds.second = e.seq;
      return true;
    });
    return bounds;
  }
  /// At most limit sealed events with after < seq <= last, in seq order:
  /// one page of an export.
  virtual std::vector<SealedEvent> SealedPage(const std::string& log,
                                              int64_t after, int64_t last,
                                              size_t limit) {
    std::vector<SealedEvent> page;
    ForEachSealed(log, [&](const SealedEvent& e) {
      if (e.seq <= after) return true;
      if (e.seq > last || page.size() == limit) return false;
      page.push_back(e);
      return true;
    });
    return page;
  }
  /// How many sealed events have seq <= last.
  virtual int64_t CountSealed(const std::string& log, int64_t last) {
    int64_t count = 0;
    ForEachSealed(log, [&](const SealedEvent& e) {
      if (e.seq > last) return false;
      ++count;
      return true;
    });
    return count;
  }
  /// How many ranges ForEachSealedInRanges reads at the same time (1: one
  /// after the other, so there is nothing to gain from splitting).
  virtual size_t ParallelReaders() const { return 1; }
  /// For each range, the sealed events in it in seq order, as
  /// visit(range index, event), until visit returns false for that range.
  /// A store with several readers reads the ranges concurrently (visit is
  /// then called from several threads at once, never twice at once for one
  /// range), all on this transaction's snapshot. Call it in RunSnapshot.
  virtual void ForEachSealedInRanges(
      const std::string& log, const std::vector<SeqRange>& ranges,
      const std::function<bool(size_t, const SealedEvent&)>& visit) {
    for (size_t i = 0; i < ranges.size(); ++i) {
      ForEachSealed(log, [&](const SealedEvent& e) {
        if (e.seq < ranges[i].first) return true;
        if (e.seq > ranges[i].last) return false;
        return visit(i, e);
      });
    }
  }
  /// Appends an audit event to the log (sealed later like any other).
  virtual void Audit(const std::string& log, const AuditEvent& event) = 0;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  /// One transaction: everything in it commits or nothing does.
  virtual void Run(const std::function<void(AuditTransaction&)>& work) = 0;
  /// One transaction on one snapshot (REPEATABLE READ): verification and
  /// export read the log twice and must see the same events both times.
  virtual void RunSnapshot(
      const std::function<void(AuditTransaction&)>& work) = 0;
};

}  // namespace depot::audit
