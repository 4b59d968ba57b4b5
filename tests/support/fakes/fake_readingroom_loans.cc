// FakeReadingRoomStore's special approvals, loans, copy agreements and
// lending log.
#include <algorithm>

#include "services/common/error.h"
#include "services/readingroom/domain/item_ref.h"
#include "tests/support/fakes/fake_readingroom_store.h"

namespace depot::readingroom {

SpecialApproval FakeReadingRoomStore::Transaction::InsertApproval(
    const SpecialApproval& approval) {
  SpecialApproval stored = approval;
  stored.id = state.next_id++;
  state.approvals[stored.id] = stored;
  return stored;
}

std::optional<SpecialApproval> FakeReadingRoomStore::Transaction::FindApproval(
    int64_t id) {
  auto found = state.approvals.find(id);
  if (found == state.approvals.end()) return std::nullopt;
  return found->second;
}

LoanCheckData FakeReadingRoomStore::Transaction::LoadLoanCheck(
    int64_t visitor_id, int64_t declaration_id,
    const std::vector<std::string>& units) {
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

std::vector<UnitOnLoan> FakeReadingRoomStore::Transaction::UnitsOnLoan(
    const std::vector<std::string>& units) {
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

Loan FakeReadingRoomStore::Transaction::InsertLoan(const Loan& loan) {
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

std::optional<Loan> FakeReadingRoomStore::Transaction::FindLoan(
    int64_t loan_id) {
  if (!state.loans.contains(loan_id)) return std::nullopt;
  return Assembled(loan_id);
}

void FakeReadingRoomStore::Transaction::ReturnItems(
    int64_t loan_id, const std::vector<std::string>& refs, TimePoint at,
    const std::string& by, bool loan_returned) {
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

std::vector<Loan> FakeReadingRoomStore::Transaction::OpenLoans() {
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

std::vector<Loan> FakeReadingRoomStore::Transaction::OpenLoansOf(
    int64_t visitor_id) {
  std::vector<Loan> found;
  for (const Loan& loan : OpenLoans()) {
    if (loan.visitor_id == visitor_id) found.push_back(loan);
  }
  return found;
}

std::vector<Loan> FakeReadingRoomStore::Transaction::LoansOf(
    int64_t visitor_id) {
  std::vector<Loan> found;
  for (const auto& [id, loan] : state.loans) {
    if (loan.visitor_id == visitor_id) found.push_back(Assembled(id));
  }
  return found;
}

CopyAgreement FakeReadingRoomStore::Transaction::InsertCopyAgreement(
    const CopyAgreement& agreement) {
  CopyAgreement stored = agreement;
  stored.id = state.next_id++;
  state.agreements[stored.id] = stored;
  return stored;
}

std::vector<CopyAgreement>
FakeReadingRoomStore::Transaction::CopyAgreementsOfLoan(int64_t loan_id) {
  std::vector<CopyAgreement> found;
  for (const auto& [id, agreement] : state.agreements) {
    if (agreement.loan_id == loan_id) found.push_back(agreement);
  }
  return found;
}

std::vector<CopyAgreement>
FakeReadingRoomStore::Transaction::CopyAgreementsOfVisitor(int64_t visitor_id) {
  std::vector<CopyAgreement> found;
  for (const auto& [id, agreement] : state.agreements) {
    if (state.loans.at(agreement.loan_id).visitor_id == visitor_id) {
      found.push_back(agreement);
    }
  }
  return found;
}

std::vector<LendingLogEntry> FakeReadingRoomStore::Transaction::LendingLog(
    const std::vector<std::string>& units) {
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

Loan FakeReadingRoomStore::Transaction::Assembled(int64_t loan_id) const {
  Loan loan = state.loans.at(loan_id);
  loan.items.clear();
  for (const StoredItem& item : state.loan_items.at(loan_id)) {
    loan.items.push_back(item.item);
  }
  loan.visitor_subject = state.visitors.at(loan.visitor_id).subject;
  return loan;
}

void FakeReadingRoomStore::Transaction::DropLoan(int64_t loan_id) {
  for (const StoredItem& item : state.loan_items[loan_id]) {
    for (const std::string& unit : item.units) state.out.erase(unit);
  }
  state.loan_items.erase(loan_id);
  std::erase_if(state.agreements,
                [&](const auto& e) { return e.second.loan_id == loan_id; });
}

}  // namespace depot::readingroom
