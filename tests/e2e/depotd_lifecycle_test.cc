// depotd's life: start-up refusals, surviving a database restart, graceful
// shutdown on SIGTERM.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <fstream>
#include <pqxx/pqxx>
#include <regex>
#include <thread>

#include "depot/v1/deposit.grpc.pb.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

using testing::DepotdProcess;

grpc::Status List(int port,
                  std::chrono::seconds timeout = std::chrono::seconds(10)) {
  static std::map<int, std::shared_ptr<grpc::Channel>> channels;
  auto& channel = channels[port];
  if (!channel) channel = testing::ChannelAs(port, "archivist");
  v1::ListDepositorsResponse response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + timeout);
  return v1::DepositService::NewStub(channel)->ListDepositors(
      &context, v1::ListDepositorsRequest(), &response);
}

// Runs depotd expecting it to refuse to start; returns its output.
std::string RefusedStart(const DepotdProcess::Options& options) {
  DepotdProcess depotd(options);
  auto status = depotd.process().WaitForExit(std::chrono::seconds(30));
  EXPECT_TRUE(status.has_value()) << "depotd kept running";
  EXPECT_EQ(status.value_or(0), 1);
  return depotd.process().Log();
}

void ExpectOneClearLine(const std::string& log, const std::string& needle) {
  EXPECT_NE(log.find("depotd: "), std::string::npos) << log;
  EXPECT_NE(log.find(needle), std::string::npos) << log;
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1) << log;
}

TEST(DepotdStartup, RefusesWhenTheDatabaseIsUnreachable) {
  int closed_port = testing::FreePort();
  std::string log =
      RefusedStart({"host=127.0.0.1 port=" + std::to_string(closed_port) +
                        " user=depot dbname=depot",
                    "",
                    "",
                    {},
                    ""});
  ExpectOneClearLine(log, "cannot connect to PostgreSQL");
}

TEST(DepotdStartup, RefusesWrongCredentials) {
  testing::TestDatabase db;
  {
    pqxx::connection admin(testing::SharedAdminDsn());
    pqxx::nontransaction tx(admin);
    tx.exec(testing::sql::kCreateRoleDepotAppUnlessPresent.text);
  }
  testing::TempDir dir;
  std::ofstream(dir.path() / "password") << "wrong-password\n";
  std::string dsn = testing::WithDatabase(testing::SharedAdminDsn(), db.name());
  dsn = std::regex_replace(dsn, std::regex("user=\\S+"), "user=depot_app");
  std::string log =
      RefusedStart({dsn, (dir.path() / "password").string(), "", {}, ""});
  ExpectOneClearLine(log, "password authentication failed");
  EXPECT_EQ(log.find("wrong-password"), std::string::npos) << "password leaked";
}

TEST(DepotdStartup, RefusesWhenAnAppliedMigrationWasEdited) {
  testing::TestDatabase db(testing::SharedAdminDsn(), false);
  testing::TempDir migrations;
  std::filesystem::copy(testing::SourceDir() / "storage" / "migrations",
                        migrations.path(),
                        std::filesystem::copy_options::recursive);
  {
    DepotdProcess first({db.dsn(), "", migrations.path().string(), {}, ""});
    ASSERT_TRUE(first.WaitUntilServing()) << first.process().Log();
    first.process().Signal(SIGTERM);
    ASSERT_EQ(first.process().WaitForExit(std::chrono::seconds(10)), 0);
  }
  std::ofstream(migrations.path() / "001_deposits_depositors.sql",
                std::ios::app)
      << "\n-- an edit after the fact\n";
  std::string log =
      RefusedStart({db.dsn(), "", migrations.path().string(), {}, ""});
  ExpectOneClearLine(log, "001_deposits_depositors.sql was changed");
}

TEST(DepotdRuntime, SurvivesAPostgresRestartWithoutRestarting) {
  testing::PrivateCluster cluster;
  testing::TestDatabase db(cluster.AdminDsn());
  DepotdProcess depotd({db.dsn(), "", "", {}, ""});
  ASSERT_TRUE(depotd.WaitUntilServing()) << depotd.process().Log();
  ASSERT_TRUE(List(depotd.port()).ok());

  cluster.Stop();
  grpc::Status during = List(depotd.port());
  EXPECT_EQ(during.error_code(), grpc::UNAVAILABLE) << during.error_message();
  EXPECT_NE(during.error_message().find("database"), std::string::npos);

  cluster.Start();
  grpc::Status after = List(depotd.port());
  EXPECT_TRUE(after.ok()) << after.error_message();
  EXPECT_TRUE(depotd.process().Running());
}

TEST(DepotdRuntime, SigtermDrainsInFlightCallsAndExitsZeroWithinFiveSeconds) {
  testing::TestDatabase db;
  DepotdProcess depotd({db.dsn(), "", "", {}, ""});
  ASSERT_TRUE(depotd.WaitUntilServing()) << depotd.process().Log();

  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, unavailable{0}, other{0}, late{0};
  // Set when SIGTERM is sent. A call that starts after it was not in flight
  // at the signal: gRPC itself may cancel such a call if it reaches the
  // server in the instant the transport shuts down, and that is allowed.
  std::atomic<int64_t> signalled_at{INT64_MAX};
  auto now_ns = [] {
    return std::chrono::steady_clock::now().time_since_epoch().count();
  };
  std::vector<std::thread> callers;
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&] {
      auto channel = testing::ChannelAs(depotd.port(), "archivist");
      auto stub = v1::DepositService::NewStub(channel);
      while (!stop) {
        v1::ListDepositorsResponse response;
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() +
                             std::chrono::seconds(10));
        int64_t started = now_ns();
        grpc::Status status = stub->ListDepositors(
            &context, v1::ListDepositorsRequest(), &response);
        if (status.ok()) {
          ++ok;
        } else if (status.error_code() == grpc::UNAVAILABLE) {
          ++unavailable;
        } else if (status.error_code() == grpc::CANCELLED &&
                   started > signalled_at) {
          ++late;
        } else {
          ++other;
          ADD_FAILURE() << status.error_code() << " " << status.error_message();
        }
      }
    });
  }
  while (ok < 50) std::this_thread::sleep_for(std::chrono::milliseconds(10));

  auto signalled = std::chrono::steady_clock::now();
  signalled_at = now_ns();
  depotd.process().Signal(SIGTERM);
  auto exit_code = depotd.process().WaitForExit(std::chrono::seconds(5));
  auto took = std::chrono::steady_clock::now() - signalled;
  stop = true;
  for (auto& caller : callers) caller.join();

  ASSERT_TRUE(exit_code.has_value()) << "depotd did not exit within 5 s";
  EXPECT_EQ(*exit_code, 0) << depotd.process().Log();
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_EQ(other, 0);
  EXPECT_GT(unavailable, 0) << "calls after shutdown must get UNAVAILABLE";
}

}  // namespace
}  // namespace depot
