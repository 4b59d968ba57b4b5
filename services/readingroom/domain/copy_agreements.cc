#include "services/readingroom/domain/copy_agreements.h"

#include <algorithm>

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/text_check.h"
#include "services/readingroom/domain/audit.h"
#include "services/readingroom/domain/item_ref.h"
#include "services/readingroom/domain/loans.h"
#include "services/readingroom/domain/time_text.h"
#include "services/readingroom/domain/visitors.h"

namespace depot::readingroom {
namespace {

constexpr size_t kMaxPurpose = 500;

}  // namespace

CopyAgreement CopyAgreements::Record(const Caller& caller,
                                     const CopyAgreementRequest& request) {
  RequireId(request.loan_id, "loan_id");
  std::vector<ItemRef> refs =
      ParseItemRefs(request.item_refs, "item_refs", true);
  if (!request.method) {
    throw InvalidArgument("method is required: photo, scan or photocopy");
  }
  std::string purpose = Trim(request.purpose);
  if (purpose.empty()) {
    throw InvalidArgument("purpose is required: what the copies are for");
  }
  if (CharacterCount(purpose) > kMaxPurpose) {
    throw InvalidArgument("purpose is longer than 500 characters");
  }
  CopyAgreement agreement;
  agreement.loan_id = request.loan_id;
  agreement.method = *request.method;
  agreement.purpose = purpose;
  agreement.approved_by = caller.identity;
  agreement.approved_at = TruncateToSeconds(clock_());
  store_.Run([&](ReadingRoomTransaction& tx) {
    Loan loan = RequireLoan(tx, request.loan_id);
    std::string name = "loan " + std::to_string(loan.id);
    if (loan.returned_at) {
      throw FailedPrecondition(name +
                               " was returned: copying is agreed on a loan "
                               "that is still out");
    }
    agreement.item_refs.clear();
    if (refs.empty()) {
      for (const LoanItem& item : loan.items) {
        agreement.item_refs.push_back(item.item.item_ref);
      }
    }
    for (const ItemRef& ref : refs) {
      bool part = std::any_of(
          loan.items.begin(), loan.items.end(),
          [&](const LoanItem& item) { return item.item.item_ref == ref.text; });
      if (!part) {
        throw FailedPrecondition("item " + ref.text + " is not part of " +
                                 name);
      }
      agreement.item_refs.push_back(ref.text);
    }
    agreement = tx.InsertCopyAgreement(agreement);
    tx.Audit(Event(caller, "copy.agree",
                   "copy-agreement/" + std::to_string(agreement.id),
                   loan.visitor_subject,
                   std::string("loan ") + std::to_string(loan.id) + ", " +
                       CopyMethodName(agreement.method)));
  });
  return agreement;
}

std::vector<CopyAgreement> CopyAgreements::List(const Caller& caller,
                                                int64_t loan_id,
                                                int64_t visitor_id) {
  if ((loan_id > 0) == (visitor_id > 0)) {
    throw InvalidArgument("give exactly one of loan_id and visitor_id");
  }
  std::vector<CopyAgreement> agreements;
  store_.Run([&](ReadingRoomTransaction& tx) {
    if (loan_id > 0) {
      Loan loan = RequireLoan(tx, loan_id);
      agreements = tx.CopyAgreementsOfLoan(loan_id);
      tx.Audit(Event(caller, "copy.list", "loan/" + std::to_string(loan_id),
                     loan.visitor_subject));
    } else {
      Visitor visitor = RequireVisitor(tx, visitor_id);
      agreements = tx.CopyAgreementsOfVisitor(visitor_id);
      tx.Audit(Event(caller, "copy.list",
                     "visitor/" + std::to_string(visitor_id), visitor.subject));
    }
  });
  return agreements;
}

}  // namespace depot::readingroom
