#pragma once

#include <algorithm>
#include <map>

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

  struct State {
    std::map<int64_t, Depositor> depositors;
    int64_t next_id = 1;
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
    State state;
  };
  State state_;
};

}  // namespace depot::deposits
