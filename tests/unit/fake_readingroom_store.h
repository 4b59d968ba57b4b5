#pragma once

#include <algorithm>
#include <map>
#include <set>

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/readingroom/domain/item_catalog.h"
#include "services/readingroom/domain/item_ref.h"
#include "services/readingroom/domain/reading_room_store.h"

namespace depot::readingroom {

/// ReadingRoomStore in memory. Work runs on a copy that replaces the state
/// only when the work returns normally, like a committed transaction.
class FakeReadingRoomStore : public ReadingRoomStore {
 public:
  void Run(const std::function<void(ReadingRoomTransaction&)>& work) override {
    Transaction copy(state_);
    if (index_) copy.index_of = index_;
    work(copy);
    state_ = copy.state;
  }
  /// The keyed index identity lookups compare (the keyring's BlindIndex).
  void set_index(std::function<std::string(const std::string&)> index) {
    index_ = std::move(index);
  }

  struct StoredItem {
    LoanItem item;
    std::vector<std::string> units;
  };
  struct State {
    std::map<int64_t, Visitor> visitors;
    std::map<int64_t, Visit> visits;
    std::map<int, DeclarationText> texts;
    std::map<int64_t, Declaration> declarations;  // without text
    std::map<int64_t, SpecialApproval> approvals;
    std::map<int64_t, Loan> loans;  // items in loan_items
    std::map<int64_t, std::vector<StoredItem>> loan_items;
    std::set<std::string> out;  // units out
    std::map<int64_t, CopyAgreement> agreements;
    std::vector<AuditEvent> audit;
    int64_t next_id = 1;
  };
  const State& state() const { return state_; }
  /// Direct access, as an intruder with database access would have.
  State& mutable_state() { return state_; }

 private:
  class Transaction : public ReadingRoomTransaction {
   public:
    explicit Transaction(State s) : state(std::move(s)) {}

    // Rights requests and retention.
    std::vector<Visitor> FindVisitorsByIdentity(
        const std::string& national_id_index,
        const std::string& person_index) override {
      std::vector<Visitor> found;
      for (const auto& [id, v] : state.visitors) {
        bool by_number = !national_id_index.empty() && !v.national_id.empty() &&
                         index_of(v.national_id) == national_id_index;
        bool by_person =
            !person_index.empty() && !v.birth_date.empty() &&
            index_of(SubjectKeyFromNameAndBirthDate(v.name, v.birth_date)) ==
                person_index;
        if (by_number || by_person) found.push_back(*FindVisitor(id));
      }
      return found;
    }
    void DeleteVisitor(int64_t visitor_id) override {
      for (auto it = state.loans.begin(); it != state.loans.end();) {
        if (it->second.visitor_id == visitor_id) {
          DropLoan(it->first);
          it = state.loans.erase(it);
        } else {
          ++it;
        }
      }
      std::erase_if(state.visits,
                    [&](const auto& e) { return e.second.visitor_id == visitor_id; });
      std::erase_if(state.declarations,
                    [&](const auto& e) { return e.second.visitor_id == visitor_id; });
      std::erase_if(state.approvals,
                    [&](const auto& e) { return e.second.visitor_id == visitor_id; });
      state.visitors.erase(visitor_id);
    }
    std::vector<StoredAuditEvent> AuditEventsAbout(
        const std::vector<std::string>& pseudonyms) override {
      std::vector<StoredAuditEvent> out;
      for (size_t i = 0; i < state.audit.size(); ++i) {
        const AuditEvent& e = state.audit[i];
        if (e.subject.empty() ||
            std::find(pseudonyms.begin(), pseudonyms.end(), e.subject) ==
                pseudonyms.end()) {
          continue;
        }
        out.push_back({static_cast<int64_t>(i + 1), {}, e.actor, e.actor_role,
                       e.action, e.object, e.detail});
      }
      return out;
    }
    int64_t DeleteLoansReturnedBefore(TimePoint cutoff) override {
      int64_t n = 0;
      for (auto it = state.loans.begin(); it != state.loans.end();) {
        if (it->second.returned_at && *it->second.returned_at < cutoff) {
          DropLoan(it->first);
          it = state.loans.erase(it);
          ++n;
        } else {
          ++it;
        }
      }
      return n;
    }
    int64_t DeleteDeclarationsEndedBefore(TimePoint cutoff) override {
      return static_cast<int64_t>(std::erase_if(state.declarations, [&](const auto& e) {
        const Declaration& d = e.second;
        TimePoint end = d.revoked_at ? std::min(*d.revoked_at, d.valid_until)
                                     : d.valid_until;
        if (end >= cutoff) return false;
        for (const auto& [id, loan] : state.loans) {
          if (loan.declaration_id == d.id) return false;
        }
        return true;
      }));
    }
    int64_t DeleteVisitsEndedBefore(TimePoint cutoff) override {
      return static_cast<int64_t>(std::erase_if(state.visits, [&](const auto& e) {
        const Visit& v = e.second;
        if (!v.checked_out_at || *v.checked_out_at >= cutoff) return false;
        for (const auto& [id, loan] : state.loans) {
          if (loan.visit_id == v.id) return false;
        }
        return true;
      }));
    }
    std::vector<std::string> DeleteIdleVisitors(TimePoint cutoff) override {
      std::vector<std::string> keys;
      for (auto it = state.visitors.begin(); it != state.visitors.end();) {
        const Visitor& v = it->second;
        TimePoint last = std::max(v.registered_at,
                                  v.corrected_at.value_or(v.registered_at));
        bool busy = last >= cutoff;
        for (const auto& [id, visit] : state.visits) busy |= visit.visitor_id == v.id;
        for (const auto& [id, loan] : state.loans) busy |= loan.visitor_id == v.id;
        for (const auto& [id, d] : state.declarations) busy |= d.visitor_id == v.id;
        if (busy) {
          ++it;
        } else {
          keys.push_back(v.key_id);
          it = state.visitors.erase(it);
        }
      }
      return keys;
    }
    /// The keyed index the fake uses (set by the test: the keyring's).
    std::function<std::string(const std::string&)> index_of =
        [](const std::string& text) { return text; };

   private:
    void DropLoan(int64_t loan_id) {
      for (const StoredItem& item : state.loan_items[loan_id]) {
        for (const std::string& unit : item.units) state.out.erase(unit);
      }
      state.loan_items.erase(loan_id);
      std::erase_if(state.agreements,
                    [&](const auto& e) { return e.second.loan_id == loan_id; });
    }

   public:

    Visitor InsertVisitor(const Visitor& visitor) override {
      Visitor stored = visitor;
      stored.id = state.next_id++;
      state.visitors[stored.id] = stored;
      return stored;
    }
    std::optional<Visitor> FindVisitor(int64_t id) override {
      auto found = state.visitors.find(id);
      if (found == state.visitors.end()) return std::nullopt;
      Visitor visitor = found->second;
      visitor.open_visit_id = 0;
      for (const auto& [visit_id, visit] : state.visits) {
        if (visit.visitor_id == id && !visit.checked_out_at) {
          visitor.open_visit_id = visit_id;
        }
      }
      return visitor;
    }
    std::vector<Visitor> FindVisitorsByName(const std::string& name,
                                            int limit) override {
      std::vector<Visitor> found;
      auto words = Words(FoldName(name));
      for (const auto& [id, visitor] : state.visitors) {
        auto have = Words(FoldName(visitor.name));
        bool all =
            std::all_of(words.begin(), words.end(),
                        [&](const std::string& w) { return have.contains(w); });
        if (all && static_cast<int>(found.size()) < limit) {
          found.push_back(*FindVisitor(id));
        }
      }
      return found;
    }
    void UpdateVisitor(const Visitor& visitor) override {
      state.visitors[visitor.id] = visitor;
    }

    Visit InsertVisit(int64_t visitor_id, TimePoint at,
                      const std::string& by) override {
      if (FindVisitor(visitor_id)->open_visit_id != 0) {
        throw FailedPrecondition("checked in already");
      }
      Visit visit;
      visit.id = state.next_id++;
      visit.visitor_id = visitor_id;
      visit.checked_in_at = at;
      visit.checked_in_by = by;
      state.visits[visit.id] = visit;
      return visit;
    }
    Visit CloseVisit(int64_t visit_id, TimePoint at,
                     const std::string& by) override {
      Visit& visit = state.visits.at(visit_id);
      visit.checked_out_at = at;
      visit.checked_out_by = by;
      return visit;
    }
    std::vector<Visit> VisitsBetween(TimePoint from, TimePoint to) override {
      std::vector<Visit> found;
      for (const auto& [id, visit] : state.visits) {
        if (visit.checked_in_at >= from && visit.checked_in_at < to) {
          found.push_back(Named(visit));
        }
      }
      return found;
    }
    std::vector<Visit> VisitsOf(int64_t visitor_id) override {
      std::vector<Visit> found;
      for (const auto& [id, visit] : state.visits) {
        if (visit.visitor_id == visitor_id) found.push_back(Named(visit));
      }
      return found;
    }

    std::vector<DeclarationText> ListTexts(bool with_text) override {
      std::vector<DeclarationText> texts;
      for (auto [version, text] : state.texts) {
        if (!with_text) text.text.clear();
        texts.push_back(text);
      }
      return texts;
    }
    std::optional<DeclarationText> FindText(int version) override {
      if (version == 0 && !state.texts.empty()) {
        return state.texts.rbegin()->second;
      }
      auto found = state.texts.find(version);
      if (found == state.texts.end()) return std::nullopt;
      return found->second;
    }
    DeclarationText InsertText(const DeclarationText& text) override {
      DeclarationText stored = text;
      stored.version =
          state.texts.empty() ? 1 : state.texts.rbegin()->first + 1;
      state.texts[stored.version] = stored;
      return stored;
    }

    int64_t ReserveDeclarationId() override { return state.next_id++; }
    void InsertDeclaration(const Declaration& declaration) override {
      Declaration stored = declaration;
      stored.text.clear();
      state.declarations[stored.id] = stored;
    }
    std::optional<Declaration> FindDeclaration(int64_t id) override {
      auto found = state.declarations.find(id);
      if (found == state.declarations.end()) return std::nullopt;
      return WithText(found->second);
    }
    std::vector<Declaration> DeclarationsOf(int64_t visitor_id,
                                            bool with_text) override {
      std::vector<Declaration> found;
      for (auto it = state.declarations.rbegin();
           it != state.declarations.rend(); ++it) {
        if (it->second.visitor_id != visitor_id) continue;
        found.push_back(with_text ? WithText(it->second) : it->second);
      }
      return found;
    }
    void RevokeDeclaration(int64_t id, TimePoint at, const std::string& by,
                           const std::string& reason) override {
      Declaration& d = state.declarations.at(id);
      d.revoked_at = at;
      d.revoked_by = by;
      d.revoke_reason = reason;
    }

    SpecialApproval InsertApproval(const SpecialApproval& approval) override {
      SpecialApproval stored = approval;
      stored.id = state.next_id++;
      state.approvals[stored.id] = stored;
      return stored;
    }
    std::optional<SpecialApproval> FindApproval(int64_t id) override {
      auto found = state.approvals.find(id);
      if (found == state.approvals.end()) return std::nullopt;
      return found->second;
    }

    LoanCheckData LoadLoanCheck(
        int64_t visitor_id, int64_t declaration_id,
        const std::vector<std::string>& units) override {
      LoanCheckData data;
      data.visitor = FindVisitor(visitor_id);
      if (declaration_id > 0) {
        if (auto found = FindDeclaration(declaration_id)) {
          data.declarations.push_back(*found);
        }
      } else {
        data.declarations = DeclarationsOf(visitor_id, true);
      }
      data.units_out = UnitsOnLoan(units);
      return data;
    }
    std::vector<UnitOnLoan> UnitsOnLoan(const std::vector<std::string>& units) {
      std::vector<UnitOnLoan> found;
      for (const auto& [loan_id, items] : state.loan_items) {
        for (const StoredItem& item : items) {
          if (item.item.returned_at) continue;
          for (const std::string& unit : item.units) {
            if (std::find(units.begin(), units.end(), unit) != units.end()) {
              found.push_back({unit, loan_id, item.item.item.item_ref});
            }
          }
        }
      }
      return found;
    }
    Loan InsertLoan(const Loan& loan) override {
      Loan stored = loan;
      stored.id = state.next_id++;
      std::vector<StoredItem> items;
      for (const LoanItem& item : loan.items) {
        auto units = LoanUnits(item.item);
        for (const std::string& unit : units) {
          if (!state.out.insert(unit).second) {
            throw FailedPrecondition("unit out already");
          }
        }
        items.push_back({item, units});
      }
      state.loan_items[stored.id] = items;
      stored.items.clear();
      state.loans[stored.id] = stored;
      return Assembled(stored.id);
    }
    std::optional<Loan> FindLoan(int64_t loan_id) override {
      if (!state.loans.contains(loan_id)) return std::nullopt;
      return Assembled(loan_id);
    }
    void ReturnItems(int64_t loan_id, const std::vector<std::string>& refs,
                     TimePoint at, const std::string& by,
                     bool loan_returned) override {
      for (StoredItem& item : state.loan_items[loan_id]) {
        if (std::find(refs.begin(), refs.end(), item.item.item.item_ref) ==
                refs.end() ||
            item.item.returned_at) {
          continue;
        }
        item.item.returned_at = at;
        item.item.taken_back_by = by;
        for (const std::string& unit : item.units) state.out.erase(unit);
      }
      if (loan_returned) state.loans[loan_id].returned_at = at;
    }
    std::vector<Loan> OpenLoans() override {
      std::vector<Loan> found;
      for (const auto& [id, loan] : state.loans) {
        if (!loan.returned_at) {
          Loan named = Assembled(id);
          named.visitor_name = state.visitors.at(loan.visitor_id).name;
          found.push_back(named);
        }
      }
      return found;
    }
    std::vector<Loan> OpenLoansOf(int64_t visitor_id) override {
      std::vector<Loan> found;
      for (const Loan& loan : OpenLoans()) {
        if (loan.visitor_id == visitor_id) found.push_back(loan);
      }
      return found;
    }
    std::vector<Loan> LoansOf(int64_t visitor_id) override {
      std::vector<Loan> found;
      for (const auto& [id, loan] : state.loans) {
        if (loan.visitor_id == visitor_id) found.push_back(Assembled(id));
      }
      return found;
    }

    CopyAgreement InsertCopyAgreement(const CopyAgreement& agreement) override {
      CopyAgreement stored = agreement;
      stored.id = state.next_id++;
      state.agreements[stored.id] = stored;
      return stored;
    }
    std::vector<CopyAgreement> CopyAgreementsOfLoan(int64_t loan_id) override {
      std::vector<CopyAgreement> found;
      for (const auto& [id, agreement] : state.agreements) {
        if (agreement.loan_id == loan_id) found.push_back(agreement);
      }
      return found;
    }
    std::vector<CopyAgreement> CopyAgreementsOfVisitor(
        int64_t visitor_id) override {
      std::vector<CopyAgreement> found;
      for (const auto& [id, agreement] : state.agreements) {
        if (state.loans.at(agreement.loan_id).visitor_id == visitor_id) {
          found.push_back(agreement);
        }
      }
      return found;
    }

    std::vector<LendingLogEntry> LendingLog(
        const std::vector<std::string>& units) override {
      std::vector<LendingLogEntry> entries;
      for (const auto& [loan_id, items] : state.loan_items) {
        const Loan& loan = state.loans.at(loan_id);
        for (const StoredItem& item : items) {
          bool hit = std::any_of(
              item.units.begin(), item.units.end(), [&](const std::string& u) {
                return std::find(units.begin(), units.end(), u) != units.end();
              });
          if (!hit) continue;
          const Visitor& visitor = state.visitors.at(loan.visitor_id);
          entries.push_back({loan_id, item.item.item.item_ref, visitor.id,
                             visitor.name, visitor.subject, loan.opened_at,
                             loan.handed_out_by, item.item.returned_at,
                             item.item.taken_back_by});
        }
      }
      std::stable_sort(entries.begin(), entries.end(),
                       [](const LendingLogEntry& a, const LendingLogEntry& b) {
                         return a.opened_at < b.opened_at;
                       });
      return entries;
    }

    void Audit(const AuditEvent& event) override {
      state.audit.push_back(event);
    }

    State state;

   private:
    static std::set<std::string> Words(const std::string& folded) {
      std::set<std::string> words;
      size_t start = 0;
      while (start < folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.insert(folded.substr(start, end - start));
        start = end + 1;
      }
      return words;
    }
    Visit Named(Visit visit) const {
      const Visitor& visitor = state.visitors.at(visit.visitor_id);
      visit.visitor_name = visitor.name;
      visit.visitor_subject = visitor.subject;
      return visit;
    }
    Declaration WithText(Declaration d) const {
      auto text = state.texts.find(d.text_version);
      d.text = text == state.texts.end() ? "" : text->second.text;
      return d;
    }
    Loan Assembled(int64_t loan_id) const {
      Loan loan = state.loans.at(loan_id);
      loan.items.clear();
      for (const StoredItem& item : state.loan_items.at(loan_id)) {
        loan.items.push_back(item.item);
      }
      loan.visitor_subject = state.visitors.at(loan.visitor_id).subject;
      return loan;
    }
  };

  State state_;
  std::function<std::string(const std::string&)> index_;
};

/// Items by reference, as DepositService would describe them.
class FakeItemCatalog : public ItemCatalog {
 public:
  std::optional<ItemInfo> Find(const std::string& item_ref) override {
    ++calls;
    auto found = items.find(item_ref);
    if (found == items.end()) return std::nullopt;
    return found->second;
  }
  void AddRecord(int64_t record_id, const std::string& org,
                 const std::string& category, bool special,
                 int64_t deposit_id = 1, const std::string& box = "A") {
    ItemInfo item;
    item.item_ref = RecordUnit(record_id);
    item.deposit_id = deposit_id;
    item.organisation_number = org;
    item.category = category;
    item.special_category = special;
    item.box = box;
    item.record_ids = {record_id};
    items[item.item_ref] = item;
  }
  void AddBox(int64_t deposit_id, const std::string& box,
              const std::string& org, const std::string& category, bool special,
              std::vector<int64_t> record_ids) {
    ItemInfo item;
    item.item_ref = "box:" + std::to_string(deposit_id) + ":" + box;
    item.is_box = true;
    item.deposit_id = deposit_id;
    item.organisation_number = org;
    item.category = category;
    item.special_category = special;
    item.box = box;
    item.record_ids = std::move(record_ids);
    items[item.item_ref] = item;
  }
  std::map<std::string, ItemInfo> items;
  int calls = 0;
};

/// A clock the test moves by hand.
class FakeClock : public Clock {
 public:
  explicit FakeClock(TimePoint now) : now_(now) {}
  TimePoint Now() const override { return now_; }
  void Advance(std::chrono::seconds by) { now_ += by; }
  void Set(TimePoint now) { now_ = now; }

 private:
  TimePoint now_;
};

}  // namespace depot::readingroom
