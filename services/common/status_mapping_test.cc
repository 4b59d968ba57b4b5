#include "services/common/status_mapping.h"

#include <gtest/gtest.h>

#include "services/common/error.h"
#include "services/common/log_text.h"

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
           Case{ErrorCode::kResourceExhausted, grpc::RESOURCE_EXHAUSTED},
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

TEST(LogText, KeepsNamesOfDatabaseObjectsAndDropsValues) {
  EXPECT_EQ(WithoutQuotedValues(
                "ERROR:  duplicate key value violates unique constraint "
                "\"records_pkey\"\nDETAIL:  Key (id)=(Kari) already exists.\n"),
            "duplicate key value violates unique constraint \"records_pkey\"");
  EXPECT_EQ(WithoutQuotedValues("null value in column \"name\" of relation "
                                "\"people\" violates not-null constraint"),
            "null value in column \"name\" of relation \"people\" violates "
            "not-null constraint");
  EXPECT_EQ(WithoutQuotedValues("invalid input syntax for type integer: "
                                "\"Kari\""),
            "invalid input syntax for type integer: ...");
  EXPECT_EQ(WithoutQuotedValues("value \"Kari Nordmann\" is out of range"),
            "value \"...\" is out of range");
  EXPECT_EQ(WithoutQuotedValues("syntax error at or near 'Kari' here"),
            "syntax error at or near '...' here");
  EXPECT_EQ(WithoutQuotedValues("can't parse \x01 it"), "can't parse ? it");
  EXPECT_LE(WithoutQuotedValues(std::string(5000, 'a')).size(), 300u);
}

TEST(LogText, OurOwnErrorsAreLoggedAsWritten) {
  EXPECT_EQ(LoggableWhat(Error(ErrorCode::kInternal, "in statement x: y")),
            "in statement x: y");
  EXPECT_EQ(LoggableWhat(std::runtime_error("parse error: 'Kari'")),
            "parse error: ...");
}

}  // namespace
}  // namespace depot
