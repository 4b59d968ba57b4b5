// ReadingRoomService on an in-process server with DepositService: real
// mTLS (the reading room asks DepositService for items as `service`), real
// PostgreSQL.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "depot/v1/readingroom.grpc.pb.h"
#include "services/deposits/deposit_module.h"
#include "services/readingroom/domain/time_text.h"
#include "services/readingroom/readingroom_module.h"
#include "services/readingroom/readingroom_proto.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/records.h"

namespace depot {
namespace {

using testing::ChannelAs;

class ReadingRoomServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Pupil files of one municipality (records in box-0) and child-welfare
    // files (special category) of another.
    pupil_deposit_ = testing::CreateDeposit(
        ChannelAs(server_.port(), "archivist"), testing::kOwnMunicipality,
        v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
    welfare_deposit_ = testing::CreateDeposit(
        ChannelAs(server_.port(), "archivist"), testing::kOtherMunicipality,
        v1::REGISTER_CATEGORY_CHILD_WELFARE, "2026-06-30");
    v1::TransferSummary summary;
    ASSERT_TRUE(testing::Transfer(
                    ChannelAs(server_.port(), "archivist"), pupil_deposit_,
                    testing::MakeRecords(1, 5, "2010-01-01"), 5, &summary)
                    .ok());
    ASSERT_EQ(summary.accepted(), 5);
    ASSERT_TRUE(testing::Transfer(
                    ChannelAs(server_.port(), "archivist"), welfare_deposit_,
                    testing::MakeRecords(1, 2, "2010-01-01"), 5, &summary)
                    .ok());
    pupil_records_ = RecordIds(pupil_deposit_);
    welfare_records_ = RecordIds(welfare_deposit_);
    ASSERT_EQ(pupil_records_.size(), 5u);
    ASSERT_EQ(welfare_records_.size(), 2u);
  }

  std::vector<int64_t> RecordIds(int64_t deposit) {
    v1::SearchRecordsRequest search;
    search.set_deposit_id(deposit);
    v1::SearchRecordsResponse found;
    grpc::ClientContext context;
    auto stub =
        v1::DepositService::NewStub(ChannelAs(server_.port(), "archivist"));
    EXPECT_TRUE(stub->SearchRecords(&context, search, &found).ok());
    std::vector<int64_t> ids;
    for (const auto& record : found.records())
      ids.push_back(record.record_id());
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::unique_ptr<v1::ReadingRoomService::Stub> Room(
      const std::string& as = "desk") {
    return v1::ReadingRoomService::NewStub(ChannelAs(server_.port(), as));
  }

  template <typename Request, typename Response>
  grpc::Status Call(grpc::Status (v1::ReadingRoomService::Stub::*method)(
                        grpc::ClientContext*, const Request&, Response*),
                    const Request& request, Response* response,
                    const std::string& as = "desk") {
    auto stub = Room(as);
    grpc::ClientContext context;
    return ((*stub).*method)(&context, request, response);
  }

  int64_t Visitor(const std::string& name) {
    v1::RegisterVisitorRequest request;
    request.set_name(name);
    request.set_contact("+47 400 00 000");
    request.set_id_document_kind(v1::ID_DOCUMENT_KIND_PASSPORT);
    v1::Visitor visitor;
    EXPECT_TRUE(Call(&Stub::RegisterVisitor, request, &visitor).ok());
    return visitor.visitor_id();
  }

  void CheckIn(int64_t visitor) {
    v1::CheckInRequest request;
    request.set_visitor_id(visitor);
    v1::Visit visit;
    ASSERT_TRUE(Call(&Stub::CheckIn, request, &visit).ok());
  }

  v1::Declaration Sign(int64_t visitor, v1::DeclarationScope scope,
                       const std::string& from = "",
                       const std::string& until = "") {
    v1::SignDeclarationRequest request;
    request.set_visitor_id(visitor);
    *request.mutable_scope() = scope;
    request.set_valid_from(from);
    request.set_valid_until(until);
    v1::Declaration declaration;
    grpc::Status status = Call(&Stub::SignDeclaration, request, &declaration);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return declaration;
  }

  static v1::DeclarationScope All() {
    v1::DeclarationScope scope;
    scope.set_kind(v1::SCOPE_KIND_ALL);
    return scope;
  }

  int64_t ReadyVisitor(const std::string& name) {
    int64_t visitor = Visitor(name);
    CheckIn(visitor);
    Sign(visitor, All());
    return visitor;
  }

  grpc::Status Open(int64_t visitor, std::vector<std::string> items,
                    v1::Loan* loan, int64_t approval = 0) {
    v1::OpenLoanRequest request;
    request.set_visitor_id(visitor);
    for (const auto& item : items) request.add_item_refs(item);
    request.set_approval_id(approval);
    return Call(&Stub::OpenLoan, request, loan);
  }

  grpc::Status Return(int64_t loan_id) {
    v1::ReturnLoanRequest request;
    request.set_loan_id(loan_id);
    v1::Loan loan;
    return Call(&Stub::ReturnLoan, request, &loan);
  }

  std::string Refusal(int64_t visitor, std::vector<std::string> items) {
    v1::Loan loan;
    grpc::Status status = Open(visitor, std::move(items), &loan);
    EXPECT_EQ(status.error_code(), grpc::FAILED_PRECONDITION)
        << status.error_message();
    return status.error_message();
  }

  std::string Record(size_t i) {
    return "record:" + std::to_string(pupil_records_.at(i));
  }

  void Sql(const std::string& statement) {
    pqxx::connection connection(db_.dsn());
    pqxx::work tx(connection);
    tx.exec(statement);
    tx.commit();
  }

  using Stub = v1::ReadingRoomService::Stub;
  testing::TestDatabase db_;
  testing::InProcessServer server_{
      db_.dsn(),
      {deposits::MakeDepositModule, readingroom::MakeReadingRoomModule}};
  int64_t pupil_deposit_ = 0;
  int64_t welfare_deposit_ = 0;
  std::vector<int64_t> pupil_records_;
  std::vector<int64_t> welfare_records_;
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

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

TEST_F(ReadingRoomServiceTest, RefusesADeclarationAlteredInTheDatabase) {
  int64_t visitor = Visitor("Kari Nordmann");
  CheckIn(visitor);
  v1::Declaration declaration = Sign(visitor, All());
  v1::Loan loan;
  ASSERT_TRUE(Open(visitor, {Record(0)}, &loan).ok());
  ASSERT_TRUE(Return(loan.loan_id()).ok());

  // The text a visitor signed, edited after the fact.
  Sql("UPDATE readingroom.declaration_texts SET body = body || ' (amended)'");
  std::string reason = Refusal(visitor, {Record(0)});
  EXPECT_TRUE(Has(reason, "text was altered")) << reason;
  Sql("UPDATE readingroom.declaration_texts SET body = "
      "left(body, length(body) - 10)");
  ASSERT_TRUE(Open(visitor, {Record(0)}, &loan).ok()) << "restored";
  ASSERT_TRUE(Return(loan.loan_id()).ok());

  // The declaration row itself: its validity stretched.
  Sql("UPDATE readingroom.declarations SET valid_until = valid_until + "
      "interval '1 day'");
  reason = Refusal(visitor, {Record(0)});
  EXPECT_TRUE(Has(reason, "seal does not match")) << reason;
  Sql("UPDATE readingroom.declarations SET valid_until = valid_until - "
      "interval '1 day'");

  // The seal replaced by another.
  Sql("UPDATE readingroom.declarations SET seal = translate(seal, 'abc', "
      "'bca')");
  reason = Refusal(visitor, {Record(0)});
  EXPECT_TRUE(Has(reason, "seal does not match")) << reason;
  (void)declaration;
}

TEST_F(ReadingRoomServiceTest, VerifiesOnlineAndOfflineAndBothFailAfterAFlip) {
  int64_t visitor = Visitor("Kari Nordmann");
  v1::DeclarationScope scope;
  scope.set_kind(v1::SCOPE_KIND_CATEGORY);
  scope.add_categories(v1::REGISTER_CATEGORY_PUPIL_FILES);
  scope.add_categories(v1::REGISTER_CATEGORY_CHILD_WELFARE);
  v1::Declaration signed_ = Sign(visitor, scope);

  auto verify_online = [&] {
    v1::VerifyDeclarationRequest request;
    request.set_declaration_id(signed_.declaration_id());
    v1::DeclarationVerification result;
    EXPECT_TRUE(Call(&Stub::VerifyDeclaration, request, &result).ok());
    return result;
  };
  v1::SealPublicKey key;
  ASSERT_TRUE(Call(&Stub::GetSealPublicKey, v1::GetSealPublicKeyRequest(), &key,
                   "auditor")
                  .ok());
  readingroom::SealVerifier offline_verifier(key.public_key_pem());
  auto verify_offline = [&] {
    v1::GetDeclarationRequest request;
    request.set_declaration_id(signed_.declaration_id());
    v1::Declaration exported;
    EXPECT_TRUE(Call(&Stub::GetDeclaration, request, &exported).ok());
    auto now = std::chrono::system_clock::now();
    return readingroom::CheckSealedDeclaration(
        readingroom::SealedFieldsFromProto(exported), exported.seal(),
        exported.text(), !exported.revoked_at().empty(),
        *readingroom::ParseRfc3339(exported.valid_from()),
        *readingroom::ParseRfc3339(exported.valid_until()), offline_verifier,
        now);
  };

  v1::DeclarationVerification online = verify_online();
  EXPECT_TRUE(online.valid()) << online.problems_size();
  EXPECT_TRUE(verify_offline().valid());

  // One byte of the stored record: the witness's name.
  Sql("UPDATE readingroom.declarations SET witnessed_by = 'desl' WHERE "
      "witnessed_by = 'desk'");
  online = verify_online();
  EXPECT_FALSE(online.valid());
  EXPECT_FALSE(online.seal_valid());
  EXPECT_FALSE(verify_offline().valid());
  EXPECT_FALSE(verify_offline().seal_valid);
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
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM readingroom.audit_events WHERE "
                     "action = 'lending_log.item' AND subject IS NOT NULL")[0]
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
