// What depotd's log holds when the database refuses a request: the
// statement, SQLSTATE and constraint, never the values the database quotes
// back (docs/operators.md promises no request contents in the log).
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <pqxx/pqxx>

#include "depot/v1/deposit.grpc.pb.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

constexpr char kRecognisable[] = "Zyxwvut Recognisable";

TEST(DepotdLog, DatabaseErrorsAreLoggedWithoutTheirData) {
  testing::TestDatabase db;
  // A real PostgreSQL refusal whose DETAIL quotes the whole row (the name
  // is kRecognisable's).
  testing::RunSql(db.dsn(),
                  testing::sql::kAddCheckRefusingRecognisableDepositor);
  testing::DepotdProcess depotd({db.dsn(), "", "", {}, ""});
  ASSERT_TRUE(depotd.WaitUntilServing()) << depotd.process().Log();

  v1::RegisterDepositorRequest request;
  request.set_organization_number("964338531");
  request.set_name(kRecognisable);
  request.set_kind(v1::DEPOSITOR_KIND_MUNICIPALITY);
  v1::Depositor response;
  grpc::ClientContext context;
  grpc::Status status = v1::DepositService::NewStub(
                            testing::ChannelAs(depotd.port(), "archivist"))
                            ->RegisterDepositor(&context, request, &response);
  ASSERT_EQ(status.error_code(), grpc::INTERNAL) << status.error_message();

  depotd.process().Signal(SIGTERM);
  ASSERT_EQ(depotd.process().WaitForExit(std::chrono::seconds(10)), 0);
  std::string log = depotd.process().Log();
  EXPECT_NE(log.find("internal error (incident"), std::string::npos) << log;
  EXPECT_NE(log.find("SQLSTATE 23514"), std::string::npos) << log;
  EXPECT_NE(log.find("depositors_test_refusal"), std::string::npos) << log;
  EXPECT_EQ(log.find("Zyxwvut"), std::string::npos) << log;
  EXPECT_EQ(log.find("DETAIL"), std::string::npos) << log;
}

}  // namespace
}  // namespace depot
