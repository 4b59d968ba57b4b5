#pragma once

// ReadingRoomService on an in-process server with DepositService: real
// mTLS (the reading room asks DepositService for items as `service`), real
// PostgreSQL. Pupil files of one municipality and child-welfare files of
// another are deposited before each test.
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
#include "tests/support/sql.h"

namespace depot {

class ReadingRoomServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Pupil files of one municipality (records in box-0) and child-welfare
    // files (special category) of another.
    pupil_deposit_ =
        testing::CreateDeposit(testing::ChannelAs(server_.port(), "archivist"),
                               testing::kOwnMunicipality,
                               v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
    welfare_deposit_ = testing::CreateDeposit(
        testing::ChannelAs(server_.port(), "archivist"),
        testing::kOtherMunicipality, v1::REGISTER_CATEGORY_CHILD_WELFARE,
        "2026-06-30");
    v1::TransferSummary summary;
    ASSERT_TRUE(
        testing::Transfer(testing::ChannelAs(server_.port(), "archivist"),
                          pupil_deposit_,
                          testing::MakeRecords(1, 5, "2010-01-01"), 5, &summary)
            .ok());
    ASSERT_EQ(summary.accepted(), 5);
    ASSERT_TRUE(
        testing::Transfer(testing::ChannelAs(server_.port(), "archivist"),
                          welfare_deposit_,
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
    auto stub = v1::DepositService::NewStub(
        testing::ChannelAs(server_.port(), "archivist"));
    EXPECT_TRUE(stub->SearchRecords(&context, search, &found).ok());
    std::vector<int64_t> ids;
    for (const auto& record : found.records())
      ids.push_back(record.record_id());
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::unique_ptr<v1::ReadingRoomService::Stub> Room(
      const std::string& as = "desk") {
    return v1::ReadingRoomService::NewStub(
        testing::ChannelAs(server_.port(), as));
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

  template <typename... Params>
  void Sql(const storage::SqlQuery& statement, const Params&... params) {
    testing::RunSql(db_.dsn(), statement, params...);
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

/// Whether a status message contains a part.
inline bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace depot
