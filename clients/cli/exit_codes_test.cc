// The CLI's exit code and failure class for each gRPC status.
#include "clients/cli/exit_codes.h"

#include <gtest/gtest.h>

namespace depot::cli {
namespace {

TEST(CliExitCodes, EachStatusHasTheDocumentedCode) {
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::OK), kExitOk);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::INVALID_ARGUMENT), kExitBadInput);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::OUT_OF_RANGE), kExitBadInput);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::FAILED_PRECONDITION), kExitRefused);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::NOT_FOUND), kExitNotFound);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::PERMISSION_DENIED), kExitPermission);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::UNAVAILABLE), kExitUnavailable);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::ALREADY_EXISTS), kExitConflict);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::INTERNAL), kExitOther);
}

// A server at its limit of streams per caller (or of database connections)
// answers RESOURCE_EXHAUSTED: a script should wait and retry, as for
// UNAVAILABLE, not give up as on an unknown error.
TEST(CliExitCodes, BusyServerMeansRetryLater) {
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::RESOURCE_EXHAUSTED),
            kExitUnavailable);
  EXPECT_STREQ(FailureClass(grpc::StatusCode::RESOURCE_EXHAUSTED), "busy");
}

}  // namespace
}  // namespace depot::cli
