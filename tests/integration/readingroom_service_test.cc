// ReadingRoomService over gRPC: loans, the lending log and visitors'
// personal data (the fixture: readingroom_service_fixture.h).
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "tests/integration/readingroom_service_fixture.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

TEST_F(ReadingRoomServiceTest, LendsADepositedRecordAndTakesItBack) {
  int64_t visitor = ReadyVisitor("Kari Nordmann");
  v1::Loan loan;
  grpc::Status status = Open(visitor, {Record(0)}, &loan);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(loan.items_size(), 1);
  EXPECT_EQ(loan.items(0).organization_number(), testing::kOwnMunicipality);
  EXPECT_EQ(loan.items(0).category(), v1::REGISTER_CATEGORY_PUPIL_FILES);
  EXPECT_EQ(loan.items(0).box(), "box-0");
  EXPECT_EQ(loan.handed_out_by(), "desk");
  EXPECT_FALSE(loan.copying_allowed());

  v1::CheckOutRequest checkout;
  checkout.set_visitor_id(visitor);
  v1::Visit visit;
  status = Call(&Stub::CheckOut, checkout, &visit);
  EXPECT_EQ(status.error_code(), grpc::FAILED_PRECONDITION);
  EXPECT_TRUE(Has(status.error_message(),
                  "loan " + std::to_string(loan.loan_id()) + " (" + Record(0)))
      << status.error_message();

  ASSERT_TRUE(Return(loan.loan_id()).ok());
  EXPECT_TRUE(Call(&Stub::CheckOut, checkout, &visit).ok());
}

TEST_F(ReadingRoomServiceTest, RefusesWithTheReasonForEachFailedCondition) {
  // No declaration.
  int64_t visitor = Visitor("Ola Hansen");
  CheckIn(visitor);
  EXPECT_TRUE(Has(Refusal(visitor, {Record(0)}),
                  "signed no confidentiality declaration"));

  // An expired one.
  Sign(visitor, All(), "2020-01-01", "2020-12-31");
  EXPECT_TRUE(Has(Refusal(visitor, {Record(0)}), "expired"));

  // A revoked one.
  v1::Declaration declaration = Sign(visitor, All());
  v1::RevokeDeclarationRequest revoke;
  revoke.set_declaration_id(declaration.declaration_id());
  revoke.set_reason("signed by mistake");
  v1::Declaration revoked;
  ASSERT_TRUE(Call(&Stub::RevokeDeclaration, revoke, &revoked).ok());
  EXPECT_TRUE(Has(Refusal(visitor, {Record(0)}), "revoked"));

  // One whose scope misses one of the items.
  v1::DeclarationScope own;
  own.set_kind(v1::SCOPE_KIND_RECORDS);
  own.add_record_ids(pupil_records_[0]);
  Sign(visitor, own);
  std::string reason = Refusal(visitor, {Record(0), Record(1)});
  EXPECT_TRUE(Has(reason, "item " + Record(1) + " is outside the scope"))
      << reason;
  EXPECT_FALSE(Has(reason, "item " + Record(0) + " is outside")) << reason;

  // Special-category material without an archivist's approval.
  int64_t reader = ReadyVisitor("Per Olsen");
  std::string welfare = "record:" + std::to_string(welfare_records_[0]);
  reason = Refusal(reader, {welfare});
  EXPECT_TRUE(Has(reason, "item " + welfare +
                              " is special-category material (child-welfare)"))
      << reason;
  v1::ApproveSpecialAccessRequest approve;
  approve.set_visitor_id(reader);
  approve.add_item_refs(welfare);
  approve.set_reason("research project 2026/14");
  v1::SpecialApproval approval;
  ASSERT_EQ(Call(&Stub::ApproveSpecialAccess, approve, &approval).error_code(),
            grpc::PERMISSION_DENIED);  // the desk may not approve
  ASSERT_TRUE(
      Call(&Stub::ApproveSpecialAccess, approve, &approval, "archivist").ok());
  v1::Loan loan;
  ASSERT_TRUE(Open(reader, {welfare}, &loan, approval.approval_id()).ok());
  EXPECT_EQ(loan.approved_by(), "archivist");

  // An item already out.
  EXPECT_TRUE(
      Has(Refusal(visitor, {welfare}),
          "is on loan already (loan " + std::to_string(loan.loan_id()) + ")"));

  // A visitor not checked in.
  int64_t outside = Visitor("Eva Berg");
  Sign(outside, All());
  EXPECT_TRUE(Has(Refusal(outside, {Record(2)}), "is not checked in"));

  // An item DepositService does not have.
  EXPECT_TRUE(Has(Refusal(reader, {"record:999999"}),
                  "item record:999999 does not exist"));
  EXPECT_TRUE(Has(Refusal(reader, {"box:" + std::to_string(pupil_deposit_) +
                                   ":no-such-box"}),
                  "does not exist"));
}

TEST_F(ReadingRoomServiceTest, LendingLogListsEveryLoanOfAnItemInOrder) {
  int64_t kari = ReadyVisitor("Kari Nordmann");
  int64_t ola = ReadyVisitor("Ola Hansen");
  std::string box = "box:" + std::to_string(pupil_deposit_) + ":box-0";
  std::vector<int64_t> loans;
  for (auto [visitor, item] :
       std::vector<std::pair<int64_t, std::string>>{{kari, Record(3)},
                                                    {ola, Record(3)},
                                                    {kari, box},
                                                    {ola, Record(3)}}) {
    v1::Loan loan;
    grpc::Status status = Open(visitor, {item}, &loan);
    ASSERT_TRUE(status.ok()) << status.error_message();
    loans.push_back(loan.loan_id());
    if (loans.size() < 4) {
      ASSERT_TRUE(Return(loan.loan_id()).ok());
    }
  }
  v1::ItemLendingLogRequest request;
  request.set_item_ref(Record(3));
  v1::ItemLendingLogResponse log;
  EXPECT_EQ(Call(&Stub::ItemLendingLog, request, &log).error_code(),
            grpc::PERMISSION_DENIED);
  ASSERT_TRUE(Call(&Stub::ItemLendingLog, request, &log, "archivist").ok());
  ASSERT_EQ(log.entries_size(), 4);
  std::vector<std::string> names;
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(log.entries(i).loan_id(), loans[i]);
    names.push_back(log.entries(i).visitor_name());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Kari Nordmann", "Ola Hansen",
                                             "Kari Nordmann", "Ola Hansen"}));
  EXPECT_EQ(log.entries(2).item_ref(), box);
  EXPECT_EQ(log.entries(0).taken_back_by(), "desk");
  EXPECT_TRUE(log.entries(3).returned_at().empty());

  pqxx::connection connection(db_.dsn());
  pqxx::work tx(connection);
  EXPECT_EQ(
      tx.exec1(testing::sql::kCountLendingLogItemEventsWithSubject.text)[0]
          .as<int>(),
      2);
}

// The identity number a visitor gave for rights requests never comes back
// to the desk: only that one is on file.
TEST_F(ReadingRoomServiceTest, VisitorsIdentityNumberIsNeverShownAgain) {
  v1::RegisterVisitorRequest request;
  request.set_name("Ida Identitet");
  request.set_contact("ida@example.org");
  request.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
  request.set_birth_date("1985-03-14");
  request.set_national_id(testing::MakeFodselsnummer(14, 3, 1985, 123));
  v1::Visitor registered;
  ASSERT_TRUE(Call(&Stub::RegisterVisitor, request, &registered).ok());
  EXPECT_TRUE(registered.national_id().empty());
  EXPECT_TRUE(registered.has_national_id());
  EXPECT_EQ(registered.birth_date(), "1985-03-14");

  v1::GetVisitorRequest get;
  get.set_visitor_id(registered.visitor_id());
  v1::Visitor got;
  ASSERT_TRUE(Call(&Stub::GetVisitor, get, &got).ok());
  EXPECT_TRUE(got.national_id().empty());
  EXPECT_TRUE(got.has_national_id());

  v1::Visitor plain;
  v1::RegisterVisitorRequest without = request;
  without.clear_national_id();
  without.set_name("Per Utenid");
  ASSERT_TRUE(Call(&Stub::RegisterVisitor, without, &plain).ok());
  EXPECT_FALSE(plain.has_national_id());
}

TEST_F(ReadingRoomServiceTest, NoVisitorNameInClearTextInTheDatabase) {
  int64_t visitor = ReadyVisitor("Ærlig Østensjø-Uniknavn");
  v1::Loan loan;
  ASSERT_TRUE(Open(visitor, {Record(4)}, &loan).ok());
  v1::FindVisitorsRequest find;
  find.set_name("østensjø-uniknavn ærlig");
  v1::FindVisitorsResponse found;
  ASSERT_TRUE(Call(&Stub::FindVisitors, find, &found).ok());
  ASSERT_EQ(found.visitors_size(), 1);
  EXPECT_EQ(found.visitors(0).contact(), "+47 400 00 000");

  auto dump =
      testing::RunCommand({"/usr/lib/postgresql/15/bin/pg_dump",
                           "--dbname=" + db_.dsn(), "--schema=readingroom"});
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  ASSERT_TRUE(Has(dump.out, "readingroom.visitors"));
  EXPECT_FALSE(Has(dump.out, "Uniknavn"));
  EXPECT_FALSE(Has(dump.out, "400 00 000"));
}

}  // namespace
}  // namespace depot
