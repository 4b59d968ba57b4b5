#pragma once

#include <algorithm>
#include <map>
#include <set>

#include "services/common/error.h"
#include "services/deposits/domain/deposit_store.h"

namespace depot::deposits {

/// DepositStore in memory. Work runs on a copy that replaces the state only
/// when the work returns normally, like a committed transaction.
class FakeDepositStore : public DepositStore {
 public:
  void Run(const std::function<void(DepositTransaction&)>& work) override {
    Transaction copy(state_);
    work(copy);
    state_ = copy.state;
  }
  void Read(const std::function<void(DepositTransaction&)>& work) override {
    Run(work);
  }

  struct StoredRow {
    int64_t id;
    int64_t deposit_id;
    SealedRecord sealed;
  };
  struct State {
    std::map<int64_t, Depositor> depositors;
    int64_t next_id = 1;
    std::map<int64_t, Deposit> deposits;
    std::map<int64_t, StoredRow> records;  // by record id
    std::map<std::pair<int64_t, std::string>, Rejection> rejections;
    std::map<std::pair<int64_t, std::string>, RecordException> exceptions;
    std::map<std::pair<int64_t, std::string>, TransferState> transfers;
    std::vector<AuditEvent> audit;
    struct Correction {
      int64_t record_id;
      std::string fields, reason, by;
    };
    std::vector<Correction> corrections;
  };
  const State& state() const { return state_; }

 private:
  class Transaction : public DepositTransaction {
   public:
    explicit Transaction(State state) : state(std::move(state)) {}
    Depositor InsertDepositor(const NewDepositor& d) override {
      for (const auto& [id, existing] : state.depositors) {
        if (existing.organisation_number == d.organisation_number) {
          throw AlreadyExists("duplicate organisation number");
        }
      }
      Depositor stored{state.next_id++, d.organisation_number, d.name, *d.kind,
                       std::chrono::system_clock::now()};
      state.depositors[stored.id] = stored;
      return stored;
    }
    std::optional<Depositor> FindDepositor(const std::string& number) override {
      for (const auto& [id, d] : state.depositors) {
        if (d.organisation_number == number) return d;
      }
      return std::nullopt;
    }
    std::vector<Depositor> ListDepositors(
        int64_t after_id, int limit,
        const std::optional<std::string>& only) override {
      std::vector<Depositor> out;
      for (auto it = state.depositors.upper_bound(after_id);
           it != state.depositors.end() && static_cast<int>(out.size()) < limit;
           ++it) {
        if (!only || it->second.organisation_number == *only) {
          out.push_back(it->second);
        }
      }
      return out;
    }

    Deposit InsertDeposit(const NewDeposit& d) override {
      Deposit deposit;
      deposit.id = state.next_id++;
      deposit.organisation_number = d.organisation_number;
      deposit.category = d.category;
      deposit.description = d.description;
      deposit.deposit_date = d.deposit_date;
      deposit.created_by = d.created_by;
      state.deposits[deposit.id] = deposit;
      return deposit;
    }
    std::optional<Deposit> FindDeposit(int64_t id, DepositLock) override {
      auto it = state.deposits.find(id);
      if (it == state.deposits.end()) return std::nullopt;
      return it->second;
    }
    std::vector<Deposit> ListDeposits(
        int64_t after_id, int limit,
        const std::optional<std::string>& only) override {
      std::vector<Deposit> out;
      for (auto it = state.deposits.upper_bound(after_id);
           it != state.deposits.end() && static_cast<int>(out.size()) < limit;
           ++it) {
        if (!only || it->second.organisation_number == *only) {
          out.push_back(it->second);
        }
      }
      return out;
    }
    void SetDepositState(int64_t id, DepositState s,
                         const std::string& reason) override {
      state.deposits[id].state = s;
      state.deposits[id].cancel_reason = reason;
    }
    int64_t DeleteRecords(int64_t deposit_id) override {
      int64_t removed = std::erase_if(state.records, [&](const auto& entry) {
        return entry.second.deposit_id == deposit_id;
      });
      state.deposits[deposit_id].accepted_records = 0;
      return removed;
    }
    bool HasRecord(int64_t deposit_id, const std::string& source_id) {
      for (const auto& [id, row] : state.records) {
        if (row.deposit_id == deposit_id &&
            row.sealed.source_record_id == source_id) {
          return true;
        }
      }
      return false;
    }
    BatchOutcome StoreBatch(int64_t deposit_id,
                            const std::vector<SealedRecord>& accepted,
                            const std::vector<Rejection>& rejected,
                            const BatchSource& source,
                            const AuditEvent& audit) override {
      BatchOutcome outcome;
      int64_t cleared = 0;
      for (const SealedRecord& r : accepted) {
        if (HasRecord(deposit_id, r.source_record_id)) continue;
        int64_t id = state.next_id++;
        state.records[id] = {id, deposit_id, r};
        cleared += state.rejections.erase({deposit_id, r.source_record_id});
        AuditEvent event = audit;
        event.subject = r.subject;
        state.audit.push_back(event);
        ++outcome.accepted;
      }
      for (Rejection r : rejected) {
        if (HasRecord(deposit_id, r.source_record_id)) continue;
        r.id = state.next_id;
        if (state.rejections
                .emplace(std::make_pair(deposit_id, r.source_record_id), r)
                .second) {
          ++state.next_id;
          ++outcome.rejected;
        }
      }
      outcome.duplicates =
          static_cast<int64_t>(accepted.size() + rejected.size()) -
          outcome.accepted - outcome.rejected;
      Deposit& d = state.deposits[deposit_id];
      d.accepted_records += outcome.accepted;
      d.rejected_records += outcome.rejected - cleared;
      auto transfer = state.transfers.find({deposit_id, source.transfer_id});
      if (transfer != state.transfers.end()) {
        TransferState& t = transfer->second;
        t.next_position = std::max(t.next_position, source.next_position);
        t.received += source.received;
        t.accepted += outcome.accepted;
        t.rejected += outcome.rejected;
        t.duplicates += outcome.duplicates;
      }
      return outcome;
    }
    std::optional<TransferState> FindTransfer(
        int64_t deposit_id, const std::string& transfer_id) override {
      auto it = state.transfers.find({deposit_id, transfer_id});
      if (it == state.transfers.end()) return std::nullopt;
      return it->second;
    }
    void InsertTransfer(int64_t deposit_id,
                        const TransferState& transfer) override {
      TransferState stored;
      stored.transfer_id = transfer.transfer_id;
      stored.source_sha256 = transfer.source_sha256;
      stored.started_by = transfer.started_by;
      if (!state.transfers
               .emplace(std::pair(deposit_id, transfer.transfer_id), stored)
               .second) {
        throw std::logic_error("the transfer exists already");
      }
    }
    std::vector<std::string> ExceptionsAmong(
        int64_t deposit_id, const std::vector<std::string>& ids) override {
      std::vector<std::string> out;
      for (const auto& id : ids) {
        if (state.exceptions.contains({deposit_id, id})) out.push_back(id);
      }
      return out;
    }
    std::optional<Rejection> FindRejection(int64_t deposit_id,
                                           const std::string& id) override {
      auto it = state.rejections.find({deposit_id, id});
      if (it == state.rejections.end()) return std::nullopt;
      return it->second;
    }
    void InsertException(const RecordException& e) override {
      if (!state.exceptions
               .emplace(std::make_pair(e.deposit_id, e.source_record_id), e)
               .second) {
        throw AlreadyExists("exception exists");
      }
    }
    std::vector<Rejection> ListRejections(int64_t deposit_id,
                                          int64_t after_position,
                                          int64_t after_id,
                                          int limit) override {
      std::vector<Rejection> out;
      for (const auto& [key, r] : state.rejections) {
        if (key.first == deposit_id &&
            std::pair(r.position, r.id) > std::pair(after_position, after_id)) {
          out.push_back(r);
        }
      }
      std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::pair(a.position, a.id) < std::pair(b.position, b.id);
      });
      if (static_cast<int>(out.size()) > limit) out.resize(limit);
      return out;
    }
    StoredRecord Stored(const StoredRow& row) {
      const Deposit& d = state.deposits[row.deposit_id];
      return {row.id, row.deposit_id, d.organisation_number, d.category,
              row.sealed};
    }
    std::vector<StoredRecord> SearchRecords(const RecordQuery& q,
                                            int64_t after_id,
                                            int limit) override {
      std::vector<StoredRecord> out;
      for (auto it = state.records.upper_bound(after_id);
           it != state.records.end() && static_cast<int>(out.size()) < limit;
           ++it) {
        const SealedRecord& r = it->second.sealed;
        const Deposit& d = state.deposits[it->second.deposit_id];
        if (!q.national_id_index.empty() &&
            r.national_id_index != q.national_id_index)
          continue;
        if (!q.person_index.empty() && r.person_index != q.person_index)
          continue;
        if (!q.organisation_number.empty() &&
            d.organisation_number != q.organisation_number)
          continue;
        if (q.category && static_cast<int>(d.category) != q.category) continue;
        if (q.deposit_id && d.id != q.deposit_id) continue;
        if (!q.box.empty() && r.box != q.box) continue;
        out.push_back(Stored(it->second));
      }
      return out;
    }
    std::optional<StoredRecord> FindRecord(int64_t record_id) override {
      auto it = state.records.find(record_id);
      if (it == state.records.end()) return std::nullopt;
      return Stored(it->second);
    }
    std::vector<StoredRecord> RecordsInBox(int64_t deposit_id,
                                           const std::string& box) override {
      std::vector<StoredRecord> out;
      for (const auto& [id, row] : state.records) {
        if (row.deposit_id == deposit_id && row.sealed.box == box) {
          out.push_back(Stored(row));
        }
      }
      return out;
    }
    void Audit(const std::vector<AuditEvent>& events) override {
      state.audit.insert(state.audit.end(), events.begin(), events.end());
    }
    void UpdateRecord(int64_t record_id, const SealedRecord& sealed) override {
      auto it = state.records.find(record_id);
      if (it == state.records.end()) throw NotFound("no record");
      it->second.sealed = sealed;
    }
    void InsertCorrection(int64_t record_id, const std::string& fields,
                          const std::string& reason,
                          const std::string& by) override {
      state.corrections.push_back({record_id, fields, reason, by});
    }
    std::vector<StoredAuditEvent> AuditEventsAbout(
        const std::vector<std::string>& pseudonyms) override {
      std::vector<StoredAuditEvent> out;
      for (size_t i = 0; i < state.audit.size(); ++i) {
        const AuditEvent& e = state.audit[i];
        if (e.subject.empty() || std::find(pseudonyms.begin(), pseudonyms.end(),
                                           e.subject) == pseudonyms.end()) {
          continue;
        }
        out.push_back({static_cast<int64_t>(i + 1),
                       {},
                       e.actor,
                       e.actor_role,
                       e.action,
                       e.object,
                       e.detail});
      }
      return out;
    }
    State state;
  };
  State state_;
};

}  // namespace depot::deposits
