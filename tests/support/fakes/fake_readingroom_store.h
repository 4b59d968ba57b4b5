#pragma once

#include <functional>
#include <map>
#include <set>

#include "services/readingroom/domain/item_catalog.h"
#include "services/readingroom/domain/item_ref.h"
#include "services/readingroom/domain/reading_room_store.h"
#include "tests/support/fake_clock.h"

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
  // The methods are defined by aggregate in fake_readingroom_visitors.cc,
  // fake_readingroom_loans.cc and fake_readingroom_rights.cc.
  class Transaction : public ReadingRoomTransaction {
   public:
    explicit Transaction(State s) : state(std::move(s)) {}

    Visitor InsertVisitor(const Visitor& visitor) override;
    std::optional<Visitor> FindVisitor(int64_t id) override;
    std::vector<Visitor> FindVisitorsByName(const std::string& name,
                                            int limit) override;
    void UpdateVisitor(const Visitor& visitor) override;

    Visit InsertVisit(int64_t visitor_id, TimePoint at,
                      const std::string& by) override;
    Visit CloseVisit(int64_t visit_id, TimePoint at,
                     const std::string& by) override;
    std::vector<Visit> VisitsBetween(TimePoint from, TimePoint to) override;
    std::vector<Visit> VisitsOf(int64_t visitor_id) override;

    std::vector<DeclarationText> ListTexts(bool with_text) override;
    std::optional<DeclarationText> FindText(int version) override;
    DeclarationText InsertText(const DeclarationText& text) override;

    int64_t ReserveDeclarationId() override { return state.next_id++; }
    void InsertDeclaration(const Declaration& declaration) override;
    std::optional<Declaration> FindDeclaration(int64_t id) override;
    std::vector<Declaration> DeclarationsOf(int64_t visitor_id,
                                            bool with_text) override;
    void RevokeDeclaration(int64_t id, TimePoint at, const std::string& by,
                           const std::string& reason) override;

    SpecialApproval InsertApproval(const SpecialApproval& approval) override;
    std::optional<SpecialApproval> FindApproval(int64_t id) override;

    LoanCheckData LoadLoanCheck(int64_t visitor_id, int64_t declaration_id,
                                const std::vector<std::string>& units) override;
    std::vector<UnitOnLoan> UnitsOnLoan(const std::vector<std::string>& units);
    Loan InsertLoan(const Loan& loan) override;
    std::optional<Loan> FindLoan(int64_t loan_id) override;
    void ReturnItems(int64_t loan_id, const std::vector<std::string>& refs,
                     TimePoint at, const std::string& by,
                     bool loan_returned) override;
    std::vector<Loan> OpenLoans() override;
    std::vector<Loan> OpenLoansOf(int64_t visitor_id) override;
    std::vector<Loan> LoansOf(int64_t visitor_id) override;

    CopyAgreement InsertCopyAgreement(const CopyAgreement& agreement) override;
    std::vector<CopyAgreement> CopyAgreementsOfLoan(int64_t loan_id) override;
    std::vector<CopyAgreement> CopyAgreementsOfVisitor(
        int64_t visitor_id) override;

    std::vector<LendingLogEntry> LendingLog(
        const std::vector<std::string>& units) override;

    void Audit(const AuditEvent& event) override;

    // Rights requests and retention.
    std::vector<Visitor> FindVisitorsByIdentity(
        const std::string& national_id_index,
        const std::string& person_index) override;
    void DeleteVisitor(int64_t visitor_id) override;
    std::vector<StoredAuditEvent> AuditEventsAbout(
        const std::vector<std::string>& pseudonyms) override;
    int64_t DeleteLoansReturnedBefore(TimePoint cutoff) override;
    int64_t DeleteDeclarationsEndedBefore(TimePoint cutoff) override;
    int64_t DeleteVisitsEndedBefore(TimePoint cutoff) override;
    std::vector<std::string> DeleteIdleVisitors(TimePoint cutoff) override;

    /// The keyed index the fake uses (set by the test: the keyring's).
    std::function<std::string(const std::string&)> index_of =
        [](const std::string& text) { return text; };
    State state;

   private:
    static std::set<std::string> Words(const std::string& folded);
    Visit Named(Visit visit) const;
    Declaration WithText(Declaration d) const;
    Loan Assembled(int64_t loan_id) const;
    void DropLoan(int64_t loan_id);
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

using depot::testing::FakeClock;

}  // namespace depot::readingroom
