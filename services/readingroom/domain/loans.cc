#include "services/readingroom/domain/loans.h"

#include <algorithm>

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/text_check.h"
#include "services/common/time_format.h"
#include "services/readingroom/domain/audit.h"
#include "services/readingroom/domain/item_ref.h"
#include "services/readingroom/domain/loan_checks.h"
#include "services/readingroom/domain/time_text.h"
#include "services/readingroom/domain/visitors.h"

namespace depot::readingroom {
namespace {

constexpr size_t kMaxReason = 500;

std::string LoanObject(int64_t id) { return "loan/" + std::to_string(id); }

std::string ItemList(const std::vector<std::string>& refs) {
  return Join(refs, " ");
}

}  // namespace

Loan RequireLoan(ReadingRoomTransaction& tx, int64_t loan_id) {
  auto loan = tx.FindLoan(loan_id);
  if (!loan) {
    throw NotFound("no loan " + std::to_string(loan_id) +
                   "; see the visitor's loans with depot loan log --visitor");
  }
  return *loan;
}

Loan Loans::Open(const Caller& caller, const OpenLoanRequest& request) {
  RequireId(request.visitor_id, "visitor_id");
  if (request.declaration_id < 0 || request.approval_id < 0) {
    throw InvalidArgument(
        "declaration_id and approval_id must not be negative");
  }
  std::vector<ItemRef> refs =
      ParseItemRefs(request.item_refs, "item_refs", false);
  // DepositService is asked before the transaction starts, so that no
  // database transaction waits on the network.
  std::vector<std::optional<ItemInfo>> found;
  found.reserve(refs.size());
  for (const ItemRef& ref : refs) found.push_back(catalog_.Find(ref.text));
  TimePoint now = TruncateToSeconds(clock_());

  std::vector<const ItemInfo*> items;
  std::vector<std::string> missing;
  for (size_t i = 0; i < refs.size(); ++i) {
    if (found[i]) {
      items.push_back(&*found[i]);
    } else {
      missing.push_back("item " + refs[i].text +
                        " does not exist: the depot has no such record or box "
                        "(check the reference)");
    }
  }
  std::vector<std::string> overlaps;
  std::vector<std::string> units = WantedUnits(items, &overlaps);

  Loan loan;
  store_.Run([&](ReadingRoomTransaction& tx) {
    LoanCheckData data =
        tx.LoadLoanCheck(request.visitor_id, request.declaration_id, units);
    if (!data.visitor) RequireVisitor(tx, request.visitor_id);  // NotFound
    const Visitor& visitor = *data.visitor;
    std::vector<std::string> problems;
    if (visitor.open_visit_id == 0) {
      problems.push_back("visitor " + std::to_string(visitor.id) +
                         " is not checked in: check them in first (depot "
                         "visitor checkin)");
    }
    problems.insert(problems.end(), missing.begin(), missing.end());
    int64_t declaration_id =
        ChooseDeclaration(data.declarations, visitor, request.declaration_id,
                          items, verifier_, now, &problems);
    problems.insert(problems.end(), overlaps.begin(), overlaps.end());
    CheckAvailable(data.units_out, items, &problems);
    auto approval =
        CheckApproval(tx, visitor, request.approval_id, items, now, &problems);
    if (!problems.empty()) {
      throw FailedPrecondition("loan refused: " + Join(problems, "; "));
    }
    loan.visitor_id = visitor.id;
    loan.visitor_subject = visitor.subject;
    loan.visit_id = visitor.open_visit_id;
    loan.declaration_id = declaration_id;
    for (const ItemInfo* item : items) loan.items.push_back({*item, {}, ""});
    loan.opened_at = now;
    loan.handed_out_by = caller.identity;
    if (approval) {
      loan.approval_id = approval->id;
      loan.approved_by = approval->approved_by;
    }
    loan = tx.InsertLoan(loan);
    std::vector<std::string> lent;
    for (const ItemRef& ref : refs) lent.push_back(ref.text);
    tx.Audit(Event(caller, "loan.open", LoanObject(loan.id), visitor.subject,
                   "items: " + ItemList(lent)));
  });
  return loan;
}

Loan Loans::Return(const Caller& caller, int64_t loan_id,
                   const std::vector<std::string>& item_refs) {
  RequireId(loan_id, "loan_id");
  std::vector<ItemRef> refs = ParseItemRefs(item_refs, "item_refs", true);
  TimePoint now = TruncateToSeconds(clock_());
  Loan loan;
  store_.Run([&](ReadingRoomTransaction& tx) {
    loan = RequireLoan(tx, loan_id);
    std::string name = "loan " + std::to_string(loan_id);
    if (loan.returned_at) {
      throw FailedPrecondition(name + " was returned already (at " +
                               FormatRfc3339(*loan.returned_at) + ")");
    }
    std::vector<std::string> returning;
    size_t out = 0;
    for (const LoanItem& item : loan.items) out += !item.returned_at;
    if (refs.empty()) {
      for (const LoanItem& item : loan.items) {
        if (!item.returned_at) returning.push_back(item.item.item_ref);
      }
    }
    for (const ItemRef& ref : refs) {
      auto item = std::find_if(
          loan.items.begin(), loan.items.end(),
          [&](const LoanItem& i) { return i.item.item_ref == ref.text; });
      if (item == loan.items.end()) {
        throw FailedPrecondition("item " + ref.text + " is not part of " +
                                 name);
      }
      if (item->returned_at) {
        throw FailedPrecondition("item " + ref.text + " of " + name +
                                 " was returned already");
      }
      returning.push_back(ref.text);
    }
    bool loan_returned = returning.size() == out;
    tx.ReturnItems(loan_id, returning, now, caller.identity, loan_returned);
    for (LoanItem& item : loan.items) {
      if (std::find(returning.begin(), returning.end(), item.item.item_ref) !=
          returning.end()) {
        item.returned_at = now;
        item.taken_back_by = caller.identity;
      }
    }
    if (loan_returned) loan.returned_at = now;
    tx.Audit(Event(caller, "loan.return", LoanObject(loan_id),
                   loan.visitor_subject, "items: " + ItemList(returning)));
  });
  return loan;
}

Loan Loans::Get(const Caller& caller, int64_t loan_id) {
  RequireId(loan_id, "loan_id");
  Loan loan;
  store_.Run([&](ReadingRoomTransaction& tx) {
    loan = RequireLoan(tx, loan_id);
    loan.copy_agreements = tx.CopyAgreementsOfLoan(loan_id);
    tx.Audit(
        Event(caller, "loan.read", LoanObject(loan_id), loan.visitor_subject));
  });
  return loan;
}

OverdueList Loans::Overdue(const Caller& caller,
                           const std::string& closing_time) {
  OverdueList list;
  list.closing_minutes = settings_.closing_minutes;
  if (!closing_time.empty()) {
    auto minutes = ParseClockTime(closing_time);
    if (!minutes) {
      throw InvalidArgument("closing_time must be HH:MM (24 hours), not " +
                            QuoteInput(closing_time));
    }
    list.closing_minutes = *minutes;
  }
  TimePoint now = clock_();
  store_.Run([&](ReadingRoomTransaction& tx) {
    for (Loan& loan : tx.OpenLoans()) {
      TimePoint closes =
          LocalTimeOn(LocalDay(loan.opened_at), list.closing_minutes);
      if (now < closes) continue;
      tx.Audit(Event(caller, "loan.overdue", LoanObject(loan.id),
                     loan.visitor_subject));
      list.loans.push_back({std::move(loan), closes});
    }
  });
  return list;
}

SpecialApproval Loans::Approve(const Caller& caller,
                               const ApprovalRequest& request) {
  RequireId(request.visitor_id, "visitor_id");
  std::vector<ItemRef> refs =
      ParseItemRefs(request.item_refs, "item_refs", false);
  std::string reason = Trim(request.reason);
  if (reason.empty()) {
    throw InvalidArgument(
        "reason is required: why the visitor may see this special-category "
        "material (no personal data)");
  }
  if (CharacterCount(reason) > kMaxReason) {
    throw InvalidArgument("reason is longer than 500 characters");
  }
  TimePoint now = TruncateToSeconds(clock_());
  Date through = LocalDay(now);
  if (!request.valid_through.empty()) {
    through = RequireDate("valid_through", request.valid_through);
  }
  SpecialApproval approval;
  approval.visitor_id = request.visitor_id;
  for (const ItemRef& ref : refs) approval.item_refs.push_back(ref.text);
  approval.reason = reason;
  approval.approved_by = caller.identity;
  approval.approved_at = now;
  approval.valid_until = LocalEndOfDay(through);
  if (approval.valid_until <= now) {
    throw InvalidArgument("valid_through " + FormatDate(through) +
                          " is in the past");
  }
  store_.Run([&](ReadingRoomTransaction& tx) {
    Visitor visitor = RequireVisitor(tx, request.visitor_id);
    approval = tx.InsertApproval(approval);
    tx.Audit(Event(
        caller, "loan.approve_special",
        "approval/" + std::to_string(approval.id), visitor.subject,
        "items: " + ItemList(approval.item_refs) + "; reason: " + reason));
  });
  return approval;
}

}  // namespace depot::readingroom
