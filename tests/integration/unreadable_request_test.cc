// Requests gRPC cannot parse (truncated bytes, invalid UTF-8 in a string
// field) are answered with INVALID_ARGUMENT naming the request type, not
// with gRPC's own INTERNAL and an empty message.
#include <gtest/gtest.h>

#include "depot/v1/deposit.pb.h"
#include "services/depotd/depotd_modules.h"
#include "tests/support/in_process_server.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/raw_call.h"

namespace depot {
namespace {

using testing::CallRaw;

class UnreadableRequestTest : public ::testing::Test {
 protected:
  std::shared_ptr<grpc::Channel> Archivist() {
    return testing::ChannelAs(server_.port(), "archivist");
  }

  testing::TestDatabase db_;
  testing::InProcessServer server_{db_.dsn(), DepotdModules()};
};

// Field 3 (description, a string) holding the bytes FF FE.
std::string CreateDepositWithInvalidUtf8() {
  v1::CreateDepositRequest request;
  request.set_organization_number("964338531");
  std::string bytes = request.SerializeAsString();
  return bytes + std::string("\x1a\x02\xff\xfe", 4);
}

std::string TruncatedCreateDeposit() {
  v1::CreateDepositRequest request;
  request.set_organization_number("964338531");
  request.set_description("Elevmapper 1960-1975");
  std::string bytes = request.SerializeAsString();
  return bytes.substr(0, bytes.size() - 5);
}

TEST_F(UnreadableRequestTest, InvalidUtf8InAStringFieldIsInvalidArgument) {
  auto result = CallRaw(Archivist(), "/depot.v1.DepositService/CreateDeposit",
                        {CreateDepositWithInvalidUtf8()});
  EXPECT_EQ(result.status.error_code(), grpc::INVALID_ARGUMENT)
      << result.status.error_message();
  EXPECT_NE(result.status.error_message().find("depot.v1.CreateDepositRequest"),
            std::string::npos)
      << result.status.error_message();
  EXPECT_NE(result.status.error_message().find("UTF-8"), std::string::npos);
}

TEST_F(UnreadableRequestTest, TruncatedBytesAreInvalidArgument) {
  auto result = CallRaw(Archivist(), "/depot.v1.DepositService/CreateDeposit",
                        {TruncatedCreateDeposit()});
  EXPECT_EQ(result.status.error_code(), grpc::INVALID_ARGUMENT)
      << result.status.error_message();
  EXPECT_NE(result.status.error_message().find("depot.v1.CreateDepositRequest"),
            std::string::npos)
      << result.status.error_message();
}

TEST_F(UnreadableRequestTest, ServerStreamingRequestsToo) {
  // A tag for field 1 (deposit_id, varint) with no value after it.
  auto result = CallRaw(Archivist(), "/depot.v1.DepositService/ExportNoark5",
                        {std::string("\x08", 1)});
  EXPECT_EQ(result.status.error_code(), grpc::INVALID_ARGUMENT)
      << result.status.error_message();
  EXPECT_NE(result.status.error_message().find("depot.v1.ExportNoark5Request"),
            std::string::npos)
      << result.status.error_message();
}

TEST_F(UnreadableRequestTest, WellFormedRequestsAreAnsweredAsBefore) {
  v1::GetDepositRequest request;
  request.set_deposit_id(4711);
  auto result = CallRaw(Archivist(), "/depot.v1.DepositService/GetDeposit",
                        {request.SerializeAsString()});
  EXPECT_EQ(result.status.error_code(), grpc::NOT_FOUND)
      << result.status.error_message();
}

}  // namespace
}  // namespace depot
