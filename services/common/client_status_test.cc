// ErrorFromClientStatus: what a failed call to another depot service
// becomes in the calling service's domain.
#include "services/common/client_status.h"

#include <gtest/gtest.h>

namespace depot {
namespace {

TEST(ClientStatus, UnavailableAndDeadlineAskForARetry) {
  for (grpc::StatusCode code :
       {grpc::StatusCode::UNAVAILABLE, grpc::StatusCode::DEADLINE_EXCEEDED}) {
    Error error = ErrorFromClientStatus(grpc::Status(code, "connect failed"),
                                        "JournalService did not answer");
    EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
    EXPECT_STREQ(error.what(),
                 "JournalService did not answer (connect failed); retry "
                 "shortly");
  }
}

TEST(ClientStatus, InvalidArgumentIsRelayedOnlyWhenAsked) {
  grpc::Status status(grpc::StatusCode::INVALID_ARGUMENT, "bad item");
  Error relayed = ErrorFromClientStatus(status, "DepositService failed",
                                        InvalidArgumentFrom::kRelay);
  EXPECT_EQ(relayed.code(), ErrorCode::kInvalidArgument);
  EXPECT_STREQ(relayed.what(), "DepositService failed (bad item)");

  Error ours = ErrorFromClientStatus(status, "DepositService failed");
  EXPECT_EQ(ours.code(), ErrorCode::kInternal);
  EXPECT_STREQ(ours.what(), "DepositService failed (bad item), code 3");
}

TEST(ClientStatus, ConfigurationProblemsAreInternalWithTheCode) {
  Error error = ErrorFromClientStatus(
      grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "not allowed"),
      "ReadingRoomService did not answer", InvalidArgumentFrom::kRelay);
  EXPECT_EQ(error.code(), ErrorCode::kInternal);
  EXPECT_STREQ(error.what(),
               "ReadingRoomService did not answer (not allowed), code 7");
}

}  // namespace
}  // namespace depot
