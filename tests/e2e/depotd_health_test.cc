// depotd's health service tells the truth: it answers for each service it
// hosts and for the whole server, and follows the database (NOT_SERVING
// while PostgreSQL is down, SERVING again once it is back), which Watch
// clients see as it happens.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "support/grpc/health/v1/health.grpc.pb.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"

namespace depot {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

constexpr const char* kServices[] = {
    "",
    "depot.v1.DepositService",
    "depot.v1.ReadingRoomService",
    "depot.v1.JournalService",
    "depot.v1.PrivacyService",
    "depot.v1.AuditService",
};

grpc::Status Check(Health::Stub& stub, const std::string& service,
                   HealthCheckResponse* response) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  HealthCheckRequest request;
  request.set_service(service);
  return stub.Check(&context, request, response);
}

HealthCheckResponse::ServingStatus StatusOf(Health::Stub& stub,
                                            const std::string& service) {
  HealthCheckResponse response;
  grpc::Status status = Check(stub, service, &response);
  EXPECT_TRUE(status.ok()) << "'" << service << "': " << status.error_code()
                           << " " << status.error_message();
  return response.status();
}

TEST(DepotdHealth, AnswersPerServiceAndFollowsTheDatabase) {
  testing::PrivateCluster cluster;
  testing::TestDatabase db(cluster.AdminDsn());
  testing::DepotdProcess depotd(
      {db.dsn(), "", "", {"--health-check-interval-ms=200"}, ""});
  ASSERT_TRUE(depotd.WaitUntilServing()) << depotd.process().Log();
  auto stub = Health::NewStub(testing::ChannelAs(depotd.port(), "desk"));

  for (const char* service : kServices) {
    EXPECT_EQ(StatusOf(*stub, service), HealthCheckResponse::SERVING)
        << "'" << service << "'";
  }
  HealthCheckResponse unknown;
  EXPECT_EQ(Check(*stub, "depot.v1.NoSuchService", &unknown).error_code(),
            grpc::NOT_FOUND);

  // Watch sends the status now, then each change. The deadline only keeps
  // a broken server from hanging the test.
  grpc::ClientContext watch_context;
  watch_context.set_deadline(std::chrono::system_clock::now() +
                             std::chrono::minutes(2));
  HealthCheckRequest watched;
  watched.set_service("depot.v1.DepositService");
  auto watch = stub->Watch(&watch_context, watched);
  HealthCheckResponse seen;
  ASSERT_TRUE(watch->Read(&seen));
  EXPECT_EQ(seen.status(), HealthCheckResponse::SERVING);

  cluster.Stop();
  ASSERT_TRUE(watch->Read(&seen)) << depotd.process().Log();
  EXPECT_EQ(seen.status(), HealthCheckResponse::NOT_SERVING);
  for (const char* service : kServices) {
    EXPECT_EQ(StatusOf(*stub, service), HealthCheckResponse::NOT_SERVING)
        << "'" << service << "'";
  }

  cluster.Start();
  ASSERT_TRUE(watch->Read(&seen)) << depotd.process().Log();
  EXPECT_EQ(seen.status(), HealthCheckResponse::SERVING);
  for (const char* service : kServices) {
    EXPECT_EQ(StatusOf(*stub, service), HealthCheckResponse::SERVING)
        << "'" << service << "'";
  }
  watch_context.TryCancel();
  while (watch->Read(&seen)) {
  }
  watch->Finish();
}

}  // namespace
}  // namespace depot
