// A municipal system cannot tell another organisation's deposit from one
// that does not exist: every call naming a deposit answers both with the
// same NOT_FOUND and a message of the same shape, and changes nothing.
#include <regex>

#include "tests/integration/depot_fixture.h"
#include "tests/support/records.h"

namespace depot {
namespace {

class DepositVisibilityTest : public testing::DepotFixture {
 protected:
  void SetUp() override {
    others_ = testing::CreateDeposit(ChannelFor("archivist"),
                                     testing::kOtherMunicipality,
                                     v1::REGISTER_CATEGORY_PUPIL_FILES, "");
    missing_ = others_ + 1000;
  }

  // Every call of DepositService that names a deposit, as the own
  // municipality's system.
  std::map<std::string, grpc::Status> CallsNaming(int64_t deposit) {
    auto stub = Deposits(testing::OwnMunicipality());
    std::map<std::string, grpc::Status> statuses;
    {
      v1::GetDepositRequest request;
      request.set_deposit_id(deposit);
      v1::Deposit response;
      grpc::ClientContext context;
      statuses["GetDeposit"] = stub->GetDeposit(&context, request, &response);
    }
    {
      v1::CloseDepositRequest request;
      request.set_deposit_id(deposit);
      v1::Deposit response;
      grpc::ClientContext context;
      statuses["CloseDeposit"] =
          stub->CloseDeposit(&context, request, &response);
    }
    {
      v1::CancelDepositRequest request;
      request.set_deposit_id(deposit);
      request.set_reason("sent to the wrong depot");
      v1::Deposit response;
      grpc::ClientContext context;
      statuses["CancelDeposit"] =
          stub->CancelDeposit(&context, request, &response);
    }
    {
      v1::ListRejectionsRequest request;
      request.set_deposit_id(deposit);
      v1::ListRejectionsResponse response;
      grpc::ClientContext context;
      statuses["ListRejections"] =
          stub->ListRejections(&context, request, &response);
    }
    {
      v1::SearchRecordsRequest request;
      request.set_deposit_id(deposit);
      v1::SearchRecordsResponse response;
      grpc::ClientContext context;
      statuses["SearchRecords"] =
          stub->SearchRecords(&context, request, &response);
    }
    {
      v1::GetTransferProgressRequest request;
      request.set_deposit_id(deposit);
      v1::TransferProgress response;
      grpc::ClientContext context;
      statuses["GetTransferProgress"] =
          stub->GetTransferProgress(&context, request, &response);
    }
    {
      v1::TransferSummary summary;
      statuses["TransferRecords"] = testing::Transfer(
          ChannelFor(testing::OwnMunicipality()), deposit,
          testing::MakeRecords(1, 1, "2000-01-01"), 10, &summary);
    }
    return statuses;
  }

  int64_t others_ = 0;
  int64_t missing_ = 0;
};

// The message with the deposit's number taken out.
std::string Shape(const std::string& message, int64_t deposit) {
  return std::regex_replace(message, std::regex(std::to_string(deposit)), "N");
}

TEST_F(DepositVisibilityTest, AnotherOrganisationsDepositLooksNonexistent) {
  auto others = CallsNaming(others_);
  auto missing = CallsNaming(missing_);
  for (const auto& [call, status] : others) {
    const grpc::Status& absent = missing.at(call);
    EXPECT_EQ(absent.error_code(), grpc::NOT_FOUND)
        << call << ": " << absent.error_message();
    EXPECT_EQ(status.error_code(), absent.error_code())
        << call << ": " << status.error_message();
    EXPECT_EQ(Shape(status.error_message(), others_),
              Shape(absent.error_message(), missing_))
        << call;
    EXPECT_NE(
        status.error_message().find("no deposit " + std::to_string(others_)),
        std::string::npos)
        << call << ": " << status.error_message();
  }

  v1::GetDepositRequest request;
  request.set_deposit_id(others_);
  v1::Deposit untouched;
  grpc::ClientContext context;
  ASSERT_TRUE(Deposits()->GetDeposit(&context, request, &untouched).ok());
  EXPECT_EQ(untouched.state(), v1::DEPOSIT_STATE_OPEN);
}

TEST_F(DepositVisibilityTest, ASearchInADepositThatDoesNotExistIsNotFound) {
  v1::SearchRecordsRequest request;
  request.set_deposit_id(missing_);
  v1::SearchRecordsResponse response;
  grpc::ClientContext context;
  grpc::Status status = Deposits()->SearchRecords(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::NOT_FOUND) << status.error_message();
}

}  // namespace
}  // namespace depot
