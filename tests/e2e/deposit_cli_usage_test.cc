// End to end: the depot CLI's deposit commands when things go wrong:
// usage errors, a server gone or breaking the stream, and every command's
// --help.
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include <csignal>

#include "tests/e2e/deposit_cli_fixture.h"

namespace depot {
namespace {

using testing::RunCli;

TEST_F(DepositCliTest, CategoriesCancelAndUsageErrors) {
  auto categories = RunCli(depotd_, "desk", {"deposit", "categories"});
  ASSERT_EQ(categories.exit_code, 0) << categories.err;
  EXPECT_TRUE(
      std::regex_search(categories.out, std::regex(R"(kindergarten\s+5\s+no)")))
      << categories.out;
  EXPECT_TRUE(std::regex_search(categories.out,
                                std::regex(R"(child-welfare\s+10\s+yes)")))
      << categories.out;

  std::string id = CreateDeposit();
  auto no_reason = RunCli(depotd_, "archivist", {"deposit", "cancel", id});
  EXPECT_EQ(no_reason.exit_code, 2);
  auto cancelled =
      RunCli(depotd_, "archivist",
             {"deposit", "cancel", id, "--reason", "Sent to the wrong depot"});
  ASSERT_EQ(cancelled.exit_code, 0) << cancelled.err;
  EXPECT_TRUE(Contains(cancelled.out, "Sent to the wrong depot"))
      << cancelled.out;
  auto again = RunCli(depotd_, "archivist",
                      {"deposit", "cancel", id, "--reason", "twice"});
  EXPECT_EQ(again.exit_code, 3) << again.err;

  auto unknown = RunCli(depotd_, "archivist",
                        {"deposit", "create", "--org-number",
                         testing::kOwnMunicipality, "--category", "pupils"});
  EXPECT_EQ(unknown.exit_code, 2);
  auto missing = RunCli(depotd_, "archivist", {"deposit", "show", "999"});
  EXPECT_EQ(missing.exit_code, 4) << missing.err;
  auto batch = RunCli(
      depotd_, "archivist",
      {"deposit", "transfer", id, (testing::SourceDir() / "README.md").string(),
       "--batch-size", "0"});
  EXPECT_EQ(batch.exit_code, 2) << batch.err;
  auto search = RunCli(depotd_, "archivist", {"record", "search"});
  EXPECT_EQ(search.exit_code, 2) << search.err;
}

TEST_F(DepositCliTest, ServerGoneBeforeTheTransferIsExitCodeSix) {
  std::string id = CreateDeposit();
  auto file = dir_.path() / "people.csv";
  WriteFile(file, MakePeople(3).csv);
  depotd_.process().Signal(SIGKILL);
  depotd_.process().WaitForExit(std::chrono::seconds(10));
  auto result = RunCli(depotd_, "archivist",
                       {"--timeout", "5", "deposit", "transfer", id,
                        file.string(), "--no-resume"});
  EXPECT_EQ(result.exit_code, 6) << result.err;
  EXPECT_TRUE(Contains(result.err, "unavailable: ")) << result.err;
  EXPECT_TRUE(Contains(result.err, "Run the same command again to resume"))
      << result.err;
}

// A server that takes the first batch and then breaks the stream, as a
// depotd that goes away in the middle of a transfer does.
class BreakingDepositService final : public v1::DepositService::Service {
 public:
  grpc::Status GetTransferProgress(grpc::ServerContext*,
                                   const v1::GetTransferProgressRequest*,
                                   v1::TransferProgress* progress) override {
    progress->set_next_position(1);
    return grpc::Status::OK;
  }
  grpc::Status TransferRecords(
      grpc::ServerContext*,
      grpc::ServerReader<v1::TransferRecordsRequest>* reader,
      v1::TransferSummary*) override {
    v1::TransferRecordsRequest message;
    reader->Read(&message);  // start
    reader->Read(&message);  // the first batch
    records_in_first_batch_ = message.batch().records_size();
    return grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection reset");
  }
  int records_in_first_batch_ = 0;
};

TEST(DepositCliBrokenStream, SaysHowFarItGotAndExitsSix) {
  BreakingDepositService service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(
      "127.0.0.1:0", MutualTlsServerCredentials(testing::ServerTls()), &port);
  builder.RegisterService(&service);
  auto server = builder.BuildAndStart();
  ASSERT_NE(port, 0);

  testing::TempDir dir;
  auto file = dir.path() / "people.csv";
  WriteFile(file, MakePeople(50).csv);
  auto tls = testing::ClientTls("archivist");
  auto result = testing::RunCommand(
      {(testing::BinaryDir() / "depot").string(), "deposit", "transfer", "7",
       file.string(), "--batch-size", "5"},
      {{"DEPOT_SERVER", "127.0.0.1:" + std::to_string(port)},
       {"DEPOT_CA", tls.ca.string()},
       {"DEPOT_CERT", tls.cert.string()},
       {"DEPOT_KEY", tls.key.string()},
       {"DEPOT_HOME", "/nonexistent"}});
  server->Shutdown();
  EXPECT_EQ(result.exit_code, 6) << result.err;
  EXPECT_EQ(service.records_in_first_batch_, 5);
  EXPECT_TRUE(Contains(result.err, "unavailable: connection reset"))
      << result.err;
  EXPECT_TRUE(std::regex_search(
      result.err, std::regex(R"(broke off after sending \d+ records \(up to )"
                             R"(line \d+ of .*people\.csv\))")))
      << result.err;
  EXPECT_TRUE(Contains(result.err, "Run the same command again to resume"))
      << result.err;
}

TEST(DepositCliHelp, EveryCommandHasHelp) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"deposit", "--help"},
        {"deposit", "create", "--help"},
        {"deposit", "show", "--help"},
        {"deposit", "list", "--help"},
        {"deposit", "close", "--help"},
        {"deposit", "cancel", "--help"},
        {"deposit", "categories", "--help"},
        {"deposit", "rejections", "--help"},
        {"deposit", "transfer", "--help"},
        {"record", "--help"},
        {"record", "search", "--help"},
        {"record", "exception", "--help"},
        {"record", "item", "--help"}}) {
    std::vector<std::string> argv = {(testing::BinaryDir() / "depot").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto result = testing::RunCommand(argv);
    EXPECT_EQ(result.exit_code, 0) << args[1];
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
  }
}

}  // namespace
}  // namespace depot
