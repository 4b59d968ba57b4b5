#pragma once

#include <map>

#include "services/audit/domain/audit_store.h"
#include "services/audit/domain/canonical.h"

namespace depot::audit {

/// AuditStore in memory. Work runs on a copy that replaces the state only
/// when the work returns normally, like a committed transaction.
class FakeAuditStore : public AuditStore {
 public:
  struct Log {
    std::vector<SealedEvent> rows;  // seq == 0: not sealed yet
    std::vector<SignedHead> heads;
    std::vector<AuditEvent> audited;
    int64_t next_id = 1;
  };
  struct State {
    std::map<std::string, Log> logs;  // absent log: no entry
    bool lock_held_elsewhere = false;
  };

  void Run(const std::function<void(AuditTransaction&)>& work) override {
    Transaction copy(state_);
    in_transaction_ = true;
    try {
      work(copy);
    } catch (...) {
      in_transaction_ = false;
      throw;
    }
    in_transaction_ = false;
    state_ = copy.state;
  }
  /// True while work runs: an export hands its pages out between
  /// transactions (a real one holds a database connection).
  bool in_transaction() const { return in_transaction_; }
  void RunSnapshot(
      const std::function<void(AuditTransaction&)>& work) override {
    Run(work);
  }

  State& state() { return state_; }
  /// A writer's INSERT: an event without seq.
  void Append(const std::string& log, const std::string& action) {
    Log& l = state_.logs[log];
    SealedEvent e;
    e.id = l.next_id++;
    e.occurred_at_us = 1'700'000'000'000'000 + e.id;
    e.actor = "archivist";
    e.actor_role = "archivist";
    e.action = action;
    e.object = "record/" + std::to_string(e.id);
    l.rows.push_back(e);
  }

 private:
  class Transaction : public AuditTransaction {
   public:
    explicit Transaction(State s) : state(std::move(s)) {}
    bool LogPresent(const std::string& log) override {
      return state.logs.contains(log);
    }
    bool LockSealer(const std::string&, bool wait) override {
      return wait || !state.lock_held_elsewhere;
    }
    std::pair<int64_t, std::string> LastSealed(
        const std::string& log) override {
      std::pair<int64_t, std::string> last{0, ZeroHash()};
      for (const auto& e : state.logs.at(log).rows) {
        if (e.seq > last.first) last = {e.seq, e.chain_hash};
      }
      return last;
    }
    std::vector<SealedEvent> Unsealed(const std::string& log,
                                      int limit) override {
      std::vector<SealedEvent> out;
      for (const auto& e : state.logs.at(log).rows) {
        if (e.seq == 0 && static_cast<int>(out.size()) < limit) {
          out.push_back(e);
        }
      }
      return out;
    }
    void Seal(const std::string& log,
              const std::vector<SealedEvent>& events) override {
      for (const auto& sealed : events) {
        for (auto& e : state.logs.at(log).rows) {
          if (e.id == sealed.id) {
            e.seq = sealed.seq;
            e.chain_hash = sealed.chain_hash;
          }
        }
      }
    }
    int64_t CountUnsealed(const std::string& log) override {
      int64_t n = 0;
      for (const auto& e : state.logs.at(log).rows) n += e.seq == 0;
      return n;
    }
    std::optional<SignedHead> LatestHead(const std::string& log) override {
      auto heads = RecentHeads(log, 1);
      if (heads.empty()) return std::nullopt;
      return heads.back();
    }
    std::vector<SignedHead> RecentHeads(const std::string& log,
                                        int limit) override {
      auto heads = state.logs.at(log).heads;
      std::sort(heads.begin(), heads.end(),
                [](const auto& a, const auto& b) { return a.size < b.size; });
      if (static_cast<int>(heads.size()) > limit) {
        heads.erase(heads.begin(), heads.end() - limit);
      }
      return heads;
    }
    void AddHead(const std::string& log, const SignedHead& head) override {
      for (const auto& h : state.logs.at(log).heads) {
        if (h.size == head.size) return;
      }
      state.logs.at(log).heads.push_back(head);
    }
    void ForEachSealed(
        const std::string& log,
        const std::function<bool(const SealedEvent&)>& visit) override {
      std::vector<SealedEvent> sealed;
      for (const auto& e : state.logs.at(log).rows) {
        if (e.seq != 0) sealed.push_back(e);
      }
      std::sort(sealed.begin(), sealed.end(),
                [](const auto& a, const auto& b) { return a.seq < b.seq; });
      for (const auto& e : sealed) {
        if (!visit(e)) return;
      }
    }
    void Audit(const std::string& log, const AuditEvent& event) override {
      state.logs.at(log).audited.push_back(event);
    }
    State state;
  };

  State state_;
  bool in_transaction_ = false;
};

}  // namespace depot::audit
