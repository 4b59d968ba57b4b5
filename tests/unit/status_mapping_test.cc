#include "services/common/status_mapping.h"

#include <gtest/gtest.h>

#include "services/common/error.h"

namespace depot {
namespace {


template <typename E>
grpc::Status StatusOf(const E& error) {
  try {
    throw error;
  } catch (...) {
    return ToGrpcStatus(std::current_exception());
  }
}

TEST(StatusMapping, MapsEveryDomainCode) {
  struct Case {
    ErrorCode code;
    grpc::StatusCode expected;
  };
  for (auto [code, expected] : {
           Case{ErrorCode::kInvalidArgument, grpc::INVALID_ARGUMENT},
           Case{ErrorCode::kFailedPrecondition, grpc::FAILED_PRECONDITION},
           Case{ErrorCode::kNotFound, grpc::NOT_FOUND},
           Case{ErrorCode::kAlreadyExists, grpc::ALREADY_EXISTS},
           Case{ErrorCode::kPermissionDenied, grpc::PERMISSION_DENIED},
           Case{ErrorCode::kConflict, grpc::ABORTED},
           Case{ErrorCode::kUnavailable, grpc::UNAVAILABLE},
       }) {
    grpc::Status status = StatusOf(Error(code, "what to fix"));
    EXPECT_EQ(status.error_code(), expected);
    EXPECT_EQ(status.error_message(), "what to fix");
  }
}

TEST(StatusMapping, InternalErrorsHideTheirDetails) {
  grpc::Status status = StatusOf(std::runtime_error("relation secret_table"));
  EXPECT_EQ(status.error_code(), grpc::INTERNAL);
  EXPECT_EQ(status.error_message().find("secret_table"), std::string::npos);
  EXPECT_NE(status.error_message().find("incident"), std::string::npos);

  grpc::Status internal = StatusOf(Error(ErrorCode::kInternal, "row 42 bad"));
  EXPECT_EQ(internal.error_code(), grpc::INTERNAL);
  EXPECT_EQ(internal.error_message().find("row 42"), std::string::npos);
}

}  // namespace
}  // namespace depot
