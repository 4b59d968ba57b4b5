// "No valid declaration, no loan", and the rest of the loan rules, against
// the in-memory store, a fake DepositService catalog and a hand-moved clock.
#include "tests/support/fakes/readingroom_fixture.h"

namespace depot::readingroom {
namespace {

using std::chrono::hours;

class LoansTest : public ReadingRoomFixture {};

TEST_F(LoansTest, OpensALoanWhenEveryConditionHolds) {
  int64_t visitor = ReadyVisitor();
  Loan loan = Lend(visitor, {"record:13"});
  EXPECT_GT(loan.id, 0);
  EXPECT_EQ(loan.visitor_id, visitor);
  ASSERT_EQ(loan.items.size(), 1u);
  EXPECT_EQ(loan.items[0].item.organisation_number, kOtherOrg);
  EXPECT_EQ(loan.handed_out_by, "desk-kari");
  EXPECT_GT(loan.declaration_id, 0);
  EXPECT_GT(loan.visit_id, 0);
  EXPECT_EQ(store_.state().audit.back().action, "loan.open");
  EXPECT_FALSE(store_.state().audit.back().subject.empty());
}

TEST_F(LoansTest, RefusedWithoutADeclaration) {
  int64_t visitor = AddVisitor();
  visitors_.CheckIn(Desk(), visitor);
  std::string reason = RefusalOf(visitor, {"record:11"});
  EXPECT_TRUE(Contains(reason, "signed no confidentiality declaration"))
      << reason;
  EXPECT_TRUE(store_.state().loans.empty());
}

TEST_F(LoansTest, RefusedWithAnExpiredDeclaration) {
  int64_t visitor = AddVisitor();
  visitors_.CheckIn(Desk(), visitor);
  SignRequest request{visitor, 0, ScopeKind::kAll, {}, "", "2026-03-05", ""};
  declarations_.Sign(Desk(), request);
  EXPECT_GT(Lend(visitor, {"record:11"}).id, 0);
  clock_.Advance(hours(24 * 4));
  std::string reason = RefusalOf(visitor, {"record:12"});
  EXPECT_TRUE(Contains(reason, "expired")) << reason;
}

TEST_F(LoansTest, DefaultValidityIsThreeYearsAndConfigurable) {
  int64_t visitor = AddVisitor();
  Declaration declaration = SignAll(visitor);
  EXPECT_EQ(declaration.valid_until, AddYears(declaration.valid_from, 3));
  settings_.declaration_validity_years = 1;
  Declaration shorter = SignAll(visitor);
  EXPECT_EQ(shorter.valid_until, AddYears(shorter.valid_from, 1));
}

TEST_F(LoansTest, RefusedWithARevokedDeclaration) {
  int64_t visitor = AddVisitor();
  visitors_.CheckIn(Desk(), visitor);
  Declaration declaration = SignAll(visitor);
  declarations_.Revoke(Desk(), declaration.id, "signed under a wrong name");
  std::string reason = RefusalOf(visitor, {"record:11"});
  EXPECT_TRUE(Contains(reason, "revoked")) << reason;
  EXPECT_TRUE(Contains(reason, "declaration " + std::to_string(declaration.id)))
      << reason;
}

TEST_F(LoansTest, RefusedWhenTheScopeMissesOneItem) {
  int64_t visitor = AddVisitor();
  visitors_.CheckIn(Desk(), visitor);
  SignRequest request{visitor, 0, ScopeKind::kDepositor, {kOrg}, "", "", ""};
  declarations_.Sign(Desk(), request);
  std::string reason = RefusalOf(visitor, {"record:11", "record:13"});
  EXPECT_TRUE(Contains(reason, "item record:13 is outside the scope"))
      << reason;
  EXPECT_FALSE(Contains(reason, "item record:11")) << reason;
  EXPECT_GT(Lend(visitor, {"record:11"}).id, 0);
}

TEST_F(LoansTest, RecordsScopeCoversABoxOnlyWhenEveryRecordIsListed) {
  int64_t visitor = AddVisitor();
  visitors_.CheckIn(Desk(), visitor);
  declarations_.Sign(Desk(),
                     {visitor, 0, ScopeKind::kRecords, {"11"}, "", "", ""});
  std::string reason = RefusalOf(visitor, {"box:1:A"});
  EXPECT_TRUE(Contains(reason, "item box:1:A is outside the scope")) << reason;
  declarations_.Sign(
      Desk(), {visitor, 0, ScopeKind::kRecords, {"12", "11"}, "", "", ""});
  EXPECT_GT(Lend(visitor, {"box:1:A"}).id, 0);
}

TEST_F(LoansTest, CategoryScope) {
  int64_t visitor = AddVisitor();
  visitors_.CheckIn(Desk(), visitor);
  declarations_.Sign(Desk(),
                     {visitor, 0, ScopeKind::kCategory, {"pupil"}, "", "", ""});
  std::string reason = RefusalOf(visitor, {"record:21"});
  EXPECT_TRUE(Contains(reason, "item record:21 is outside the scope"))
      << reason;
  EXPECT_GT(Lend(visitor, {"record:12"}).id, 0);
}

TEST_F(LoansTest, RefusedWhenTheStoredTextWasAltered) {
  int64_t visitor = ReadyVisitor();
  store_.mutable_state().texts.at(1).text += " Except for friends.";
  std::string reason = RefusalOf(visitor, {"record:11"});
  EXPECT_TRUE(Contains(reason, "text was altered")) << reason;
}

TEST_F(LoansTest, RefusedWhenTheStoredDeclarationWasAltered) {
  int64_t visitor = ReadyVisitor();
  auto& declarations = store_.mutable_state().declarations;
  ASSERT_EQ(declarations.size(), 1u);
  // Someone with database access stretches the validity by a year.
  declarations.begin()->second.valid_until += hours(24 * 365);
  std::string reason = RefusalOf(visitor, {"record:11"});
  EXPECT_TRUE(Contains(reason, "seal does not match")) << reason;
}

TEST_F(LoansTest, RefusedWhenTheSealWasAltered) {
  int64_t visitor = ReadyVisitor();
  std::string& seal = store_.mutable_state().declarations.begin()->second.seal;
  seal[10] = seal[10] == '0' ? '1' : '0';
  std::string reason = RefusalOf(visitor, {"record:11"});
  EXPECT_TRUE(Contains(reason, "seal does not match")) << reason;
}

TEST_F(LoansTest, RefusedWhenTheVisitorIsNotCheckedIn) {
  int64_t visitor = AddVisitor();
  SignAll(visitor);
  std::string reason = RefusalOf(visitor, {"record:11"});
  EXPECT_TRUE(Contains(reason, "is not checked in")) << reason;
}

TEST_F(LoansTest, RefusedWhenTheItemIsOutAlready) {
  int64_t first = ReadyVisitor("Kari Nordmann");
  int64_t second = ReadyVisitor("Ola Hansen");
  Loan loan = Lend(first, {"record:11"});
  std::string reason = RefusalOf(second, {"record:11"});
  EXPECT_TRUE(Contains(reason, "item record:11 is on loan already (loan " +
                                   std::to_string(loan.id) + ")"))
      << reason;
  // The box holding the record is out too, in part.
  reason = RefusalOf(second, {"box:1:A"});
  EXPECT_TRUE(Contains(reason, "item box:1:A is on loan already")) << reason;
  loans_.Return(Desk(), loan.id, {});
  EXPECT_GT(Lend(second, {"box:1:A"}).id, 0);
  // And now the record cannot go out on its own.
  reason = RefusalOf(first, {"record:12"});
  EXPECT_TRUE(Contains(reason, "as box:1:A")) << reason;
}

TEST_F(LoansTest, RefusedForAnItemTheDepotDoesNotHave) {
  int64_t visitor = ReadyVisitor();
  std::string reason = RefusalOf(visitor, {"record:99"});
  EXPECT_TRUE(Contains(reason, "item record:99 does not exist")) << reason;
}

TEST_F(LoansTest, SpecialCategoryNeedsAnArchivistsApproval) {
  int64_t visitor = ReadyVisitor();
  std::string reason = RefusalOf(visitor, {"record:21"});
  EXPECT_TRUE(Contains(reason,
                       "item record:21 is special-category material "
                       "(child-welfare)"))
      << reason;
  EXPECT_TRUE(Contains(reason, "approval")) << reason;

  SpecialApproval other = loans_.Approve(
      Archivist(), {visitor, {"record:11"}, "research project 2026/14", ""});
  reason = RefusalOf(visitor, {"record:21"}, 0, other.id);
  EXPECT_TRUE(Contains(reason, "does not name it")) << reason;

  SpecialApproval approval = loans_.Approve(
      Archivist(), {visitor, {"record:21"}, "research project 2026/14", ""});
  Loan loan = Lend(visitor, {"record:21"}, approval.id);
  EXPECT_EQ(loan.approval_id, approval.id);
  EXPECT_EQ(loan.approved_by, "archivist-ola");
}

TEST_F(LoansTest, ApprovalForAnotherVisitorOrExpiredDoesNotCount) {
  int64_t visitor = ReadyVisitor("Kari Nordmann");
  int64_t other = ReadyVisitor("Ola Hansen");
  SpecialApproval approval =
      loans_.Approve(Archivist(), {other, {"record:21"}, "research", ""});
  std::string reason = RefusalOf(visitor, {"record:21"}, 0, approval.id);
  EXPECT_TRUE(Contains(reason, "is not an approval for visitor")) << reason;
  clock_.Advance(hours(48));
  reason = RefusalOf(other, {"record:21"}, 0, approval.id);
  EXPECT_TRUE(Contains(reason, "expired")) << reason;
}

TEST_F(LoansTest, EveryFailedConditionIsNamedWithItsItem) {
  int64_t visitor = AddVisitor();
  std::string reason = RefusalOf(visitor, {"record:11", "record:21"});
  EXPECT_TRUE(Contains(reason, "not checked in")) << reason;
  EXPECT_TRUE(Contains(reason, "signed no confidentiality declaration"))
      << reason;
  EXPECT_TRUE(Contains(reason, "item record:21 is special-category")) << reason;
}

TEST_F(LoansTest, ChosenDeclarationMustBeTheVisitors) {
  int64_t visitor = ReadyVisitor("Kari Nordmann");
  int64_t other = AddVisitor("Ola Hansen");
  Declaration foreign = SignAll(other);
  std::string reason = RefusalOf(visitor, {"record:11"}, foreign.id);
  EXPECT_TRUE(Contains(reason, "is not a declaration of visitor")) << reason;
}

TEST_F(LoansTest, BadInputIsInvalidArgument) {
  int64_t visitor = ReadyVisitor();
  for (std::vector<std::string> items : {std::vector<std::string>{},
                                         {"record:x"},
                                         {"shelf:1"},
                                         {"box:1:"},
                                         {"record:11", "record:11"}}) {
    Error error = ErrorOf([&] { Lend(visitor, items); });
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << error.what();
  }
  EXPECT_EQ(ErrorOf([&] { Lend(0, {"record:11"}); }).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(ErrorOf([&] { Lend(visitor + 100, {"record:11"}); }).code(),
            ErrorCode::kNotFound);
}

TEST_F(LoansTest, ReturnTakesItemsBackOnceAndFreesThem) {
  int64_t visitor = ReadyVisitor();
  Loan loan = Lend(visitor, {"record:11", "record:13"});
  clock_.Advance(hours(1));
  Loan partly = loans_.Return(Archivist(), loan.id, {"record:13"});
  EXPECT_FALSE(partly.returned_at);
  EXPECT_TRUE(partly.items[1].returned_at);
  EXPECT_EQ(partly.items[1].taken_back_by, "archivist-ola");
  EXPECT_EQ(
      ErrorOf([&] { loans_.Return(Desk(), loan.id, {"record:13"}); }).code(),
      ErrorCode::kFailedPrecondition);
  EXPECT_EQ(
      ErrorOf([&] { loans_.Return(Desk(), loan.id, {"record:12"}); }).code(),
      ErrorCode::kFailedPrecondition);
  Loan back = loans_.Return(Desk(), loan.id, {});
  EXPECT_TRUE(back.returned_at);
  EXPECT_EQ(ErrorOf([&] { loans_.Return(Desk(), loan.id, {}); }).code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(ErrorOf([&] { loans_.Return(Desk(), 999, {}); }).code(),
            ErrorCode::kNotFound);
  EXPECT_GT(Lend(visitor, {"record:11"}).id, 0);
}

TEST_F(LoansTest, CheckOutIsRefusedWhileLoansAreOutWithTheList) {
  int64_t visitor = ReadyVisitor();
  Loan loan = Lend(visitor, {"record:11", "record:12"});
  Error error = ErrorOf([&] { visitors_.CheckOut(Desk(), visitor); });
  EXPECT_EQ(error.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(error.what(), "loan " + std::to_string(loan.id) +
                                         " (record:11 record:12)"))
      << error.what();
  loans_.Return(Desk(), loan.id, {});
  Visit visit = visitors_.CheckOut(Desk(), visitor);
  EXPECT_TRUE(visit.checked_out_at);
  EXPECT_EQ(visit.checked_out_by, "desk-kari");
}

TEST_F(LoansTest, OverdueAfterClosingTimeOfTheDayTheLoanWasOpened) {
  Date today = LocalDay(clock_.now);
  clock_.now = LocalTimeOn(today, 10 * 60);
  int64_t visitor = ReadyVisitor();
  Loan loan = Lend(visitor, {"record:11"});
  EXPECT_TRUE(loans_.Overdue(Desk(), "").loans.empty());
  clock_.now = LocalTimeOn(today, 15 * 60 + 29);
  EXPECT_TRUE(loans_.Overdue(Desk(), "").loans.empty());
  clock_.now = LocalTimeOn(today, 15 * 60 + 30);
  OverdueList overdue = loans_.Overdue(Desk(), "");
  ASSERT_EQ(overdue.loans.size(), 1u);
  EXPECT_EQ(overdue.loans[0].loan.id, loan.id);
  EXPECT_EQ(overdue.loans[0].loan.visitor_name, "Kari Nordmann");
  EXPECT_EQ(overdue.loans[0].overdue_since, LocalTimeOn(today, 15 * 60 + 30));
  // A later closing time passed in the request.
  EXPECT_TRUE(loans_.Overdue(Desk(), "16:00").loans.empty());
  EXPECT_EQ(ErrorOf([&] { loans_.Overdue(Desk(), "4pm"); }).code(),
            ErrorCode::kInvalidArgument);
  loans_.Return(Desk(), loan.id, {});
  EXPECT_TRUE(loans_.Overdue(Desk(), "").loans.empty());
}

TEST_F(LoansTest, CopyingOnlyByAgreementRecordedOnTheLoan) {
  int64_t visitor = ReadyVisitor();
  Loan loan = Lend(visitor, {"record:11", "record:12"});
  EXPECT_TRUE(loans_.Get(Desk(), loan.id).copy_agreements.empty());
  CopyAgreement agreement = copies_.Record(
      Archivist(),
      {loan.id, {"record:12"}, CopyMethod::kPhoto, "family history book"});
  EXPECT_EQ(agreement.approved_by, "archivist-ola");
  EXPECT_EQ(agreement.item_refs, std::vector<std::string>{"record:12"});
  Loan shown = loans_.Get(Desk(), loan.id);
  ASSERT_EQ(shown.copy_agreements.size(), 1u);
  EXPECT_EQ(shown.copy_agreements[0].method, CopyMethod::kPhoto);
  EXPECT_EQ(copies_.List(Desk(), 0, visitor).size(), 1u);

  EXPECT_EQ(ErrorOf([&] {
              copies_.Record(Archivist(),
                             {loan.id, {"record:13"}, CopyMethod::kScan, "x"});
            }).code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(ErrorOf([&] {
              copies_.Record(Archivist(),
                             {loan.id, {}, std::nullopt, "family history"});
            }).code(),
            ErrorCode::kInvalidArgument);
  loans_.Return(Desk(), loan.id, {});
  EXPECT_EQ(
      ErrorOf([&] {
        copies_.Record(Archivist(), {loan.id, {}, CopyMethod::kScan, "late"});
      }).code(),
      ErrorCode::kFailedPrecondition);
}

TEST_F(LoansTest, LendingLogOfAnItemListsEveryLoanInOrderAcrossVisitors) {
  int64_t kari = ReadyVisitor("Kari Nordmann");
  int64_t ola = ReadyVisitor("Ola Hansen");
  Loan first = Lend(kari, {"record:11"});
  clock_.Advance(hours(1));
  loans_.Return(Archivist(), first.id, {});
  clock_.Advance(hours(1));
  Loan second = Lend(ola, {"box:1:A"});  // holds record 11
  clock_.Advance(hours(1));
  loans_.Return(Desk(), second.id, {});
  clock_.Advance(hours(1));
  Loan third = Lend(kari, {"record:11"});
  Lend(ola, {"record:13"});  // another item: not in the log

  auto log = lending_log_.ForItem(Archivist(), "record:11");
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].loan_id, first.id);
  EXPECT_EQ(log[0].visitor_name, "Kari Nordmann");
  EXPECT_EQ(log[0].handed_out_by, "desk-kari");
  EXPECT_EQ(log[0].taken_back_by, "archivist-ola");
  EXPECT_TRUE(log[0].returned_at);
  EXPECT_EQ(log[1].loan_id, second.id);
  EXPECT_EQ(log[1].item_ref, "box:1:A");
  EXPECT_EQ(log[1].visitor_name, "Ola Hansen");
  EXPECT_EQ(log[2].loan_id, third.id);
  EXPECT_FALSE(log[2].returned_at);

  // Each read is audited, one event per borrower, under their pseudonym.
  size_t reads = 0;
  for (const AuditEvent& event : store_.state().audit) {
    if (event.action == "lending_log.item") {
      ++reads;
      EXPECT_EQ(event.object, "item/record:11");
      EXPECT_FALSE(event.subject.empty());
      EXPECT_EQ(event.detail.find("Kari"), std::string::npos);
    }
  }
  EXPECT_EQ(reads, 2u);

  auto box_log = lending_log_.ForItem(Archivist(), "box:1:A");
  EXPECT_EQ(box_log.size(), 3u);  // the box and the records in it

  VisitorHistory history = lending_log_.ForVisitor(Archivist(), kari);
  EXPECT_EQ(history.loans.size(), 2u);
  EXPECT_EQ(history.visits.size(), 1u);
}

TEST_F(LoansTest, LoanIsAskedOfTheCatalogOncePerItem) {
  int64_t visitor = ReadyVisitor();
  int before = catalog_.calls;
  Lend(visitor, {"record:11", "record:13"});
  EXPECT_EQ(catalog_.calls - before, 2);
}

}  // namespace
}  // namespace depot::readingroom
