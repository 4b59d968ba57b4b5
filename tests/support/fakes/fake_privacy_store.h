#pragma once

#include <algorithm>
#include <map>
#include <vector>

#include "services/common/error.h"
#include "services/privacy/domain/privacy_store.h"
#include "services/privacy/domain/subject_sources.h"

namespace depot::privacy {

/// PrivacyStore in memory. Work runs on a copy that replaces the state only
/// when it returns, so a throw leaves nothing half-written (as a rollback).
class FakePrivacyStore : public PrivacyStore {
 public:
  struct State {
    int64_t next_request_id = 1;
    std::map<int64_t, AccessRequest> requests;
    std::vector<ErasureRecord> erasures;
    std::vector<Breach> breaches;
    std::vector<AuditEvent> audit;
  };

  void Run(const std::function<void(PrivacyTransaction&)>& work) override {
    Transaction copy(state_);
    work(copy);
    state_ = copy.state;
  }
  const State& state() const { return state_; }
  State& mutable_state() { return state_; }

 private:
  class Transaction : public PrivacyTransaction {
   public:
    explicit Transaction(State s) : state(std::move(s)) {}

    int64_t NextAccessRequestId() override { return state.next_request_id++; }
    void InsertAccessRequest(const AccessRequest& r) override {
      state.requests[r.id] = r;
    }
    std::optional<AccessRequest> FindAccessRequest(int64_t id, bool) override {
      auto found = state.requests.find(id);
      if (found == state.requests.end()) return std::nullopt;
      return found->second;
    }
    void UpdateAccessRequest(const AccessRequest& r) override {
      state.requests[r.id] = r;
    }
    std::vector<AccessRequest> ListAccessRequests(
        const RequestFilter& filter) override {
      std::vector<AccessRequest> out;
      for (const auto& [id, r] : state.requests) {
        if (filter.open_only && IsClosed(r.status)) continue;
        if (filter.due_on_or_before && r.due_on > *filter.due_on_or_before) {
          continue;
        }
        out.push_back(r);
      }
      std::stable_sort(
          out.begin(), out.end(),
          [](const auto& a, const auto& b) { return a.due_on < b.due_on; });
      if (out.size() > static_cast<size_t>(filter.limit)) {
        out.resize(filter.limit);
      }
      return out;
    }
    std::vector<AccessRequest> AccessRequestsOfSubject(
        const std::string& subject) override {
      std::vector<AccessRequest> out;
      for (const auto& [id, r] : state.requests) {
        if (r.subject == subject) out.push_back(r);
      }
      return out;
    }
    std::vector<int64_t> ClosedRequestsBefore(TimePoint cutoff) override {
      std::vector<int64_t> ids;
      for (const auto& [id, r] : state.requests) {
        if (r.closed_at && *r.closed_at < cutoff) ids.push_back(id);
      }
      return ids;
    }
    void DeleteAccessRequests(const std::vector<int64_t>& ids) override {
      for (int64_t id : ids) state.requests.erase(id);
    }
    ErasureRecord InsertErasure(const ErasureRecord& e) override {
      ErasureRecord stored = e;
      stored.id = static_cast<int64_t>(state.erasures.size()) + 1;
      state.erasures.push_back(stored);
      return stored;
    }
    std::vector<ErasureRecord> ErasuresOfSubject(
        const std::string& subject) override {
      std::vector<ErasureRecord> out;
      for (const auto& e : state.erasures) {
        if (e.subject == subject) out.push_back(e);
      }
      return out;
    }
    std::vector<StoredAuditEvent> AuditEventsOfSubject(
        const std::string& subject) override {
      std::vector<StoredAuditEvent> out;
      for (size_t i = 0; i < state.audit.size(); ++i) {
        const AuditEvent& ev = state.audit[i];
        if (ev.subject != subject) continue;
        out.push_back({static_cast<int64_t>(i + 1), TimePoint{}, ev.actor,
                       ev.actor_role, ev.action, ev.object, ev.detail});
      }
      return out;
    }
    Breach InsertBreach(const Breach& b) override {
      Breach stored = b;
      stored.id = static_cast<int64_t>(state.breaches.size()) + 1;
      state.breaches.push_back(stored);
      return stored;
    }
    std::optional<Breach> FindBreach(int64_t id, bool) override {
      if (id < 1 || id > static_cast<int64_t>(state.breaches.size())) {
        return std::nullopt;
      }
      return state.breaches[id - 1];
    }
    void UpdateBreachNotification(const Breach& b) override {
      state.breaches[b.id - 1] = b;
    }
    std::vector<Breach> ListBreaches(bool open_only) override {
      std::vector<Breach> out;
      for (const auto& b : state.breaches) {
        if (open_only && b.notified_at) continue;
        out.push_back(b);
      }
      return out;
    }
    void Audit(const AuditEvent& event) override {
      state.audit.push_back(event);
    }

    State state;
  };

  State state_;
};

/// SubjectSources that answer from fixed data and count calls.
class FakeSubjectSources : public SubjectSources {
 public:
  std::vector<SubjectData> Collect(const SubjectIdentity& identity,
                                   const std::string& purpose) override {
    ++collect_calls;
    last_identity = identity;
    last_purpose = purpose;
    if (fail) throw Unavailable("JournalService did not answer");
    return data;
  }
  std::vector<ErasureOutcome> Erase(const SubjectIdentity& identity,
                                    const std::string&) override {
    last_identity = identity;
    return outcomes;
  }
  std::vector<RetentionCount> ApplyRetention(bool dry_run) override {
    ++retention_calls;
    last_dry_run = dry_run;
    if (fail) throw Unavailable("ReadingRoomService did not answer");
    return retention;
  }

  std::vector<SubjectData> data;
  std::vector<ErasureOutcome> outcomes;
  std::vector<RetentionCount> retention;
  bool fail = false;
  int collect_calls = 0;
  int retention_calls = 0;
  bool last_dry_run = false;
  SubjectIdentity last_identity;
  std::string last_purpose;
};

}  // namespace depot::privacy
