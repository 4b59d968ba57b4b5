// End to end: depotd as a process, driven by the depot CLI over mTLS.
#include <gtest/gtest.h>

#include "tests/support/depotd.h"
#include "tests/support/postgres.h"

namespace depot {
namespace {

using testing::RunCli;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
  }
  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
};

TEST_F(CliTest, AddShowAndListDepositors) {
  auto added = RunCli(depotd_, "archivist",
                      {"depositor", "add", "--org-number", "964338531",
                       "--name", "Bergen kommune", "--kind", "municipality"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("registered depositor 964338531"), std::string::npos);
  ASSERT_EQ(RunCli(depotd_, "archivist",
                   {"depositor", "add", "--org-number", "938587418", "--name",
                    "Vestland fylkeskommune", "--kind", "county"})
                .exit_code,
            0);

  auto list = RunCli(depotd_, "archivist", {"depositor", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("ORGANISATION"), std::string::npos);
  EXPECT_NE(list.out.find("Bergen kommune"), std::string::npos);
  EXPECT_NE(list.out.find("county"), std::string::npos);

  auto json = RunCli(depotd_, "archivist", {"--json", "depositor", "show",
                                            "938587418"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"organization_number\": \"938587418\""),
            std::string::npos)
      << json.out;
  EXPECT_NE(json.out.find("DEPOSITOR_KIND_COUNTY"), std::string::npos);
}

TEST_F(CliTest, EachFailureClassHasItsExitCodeAndMessage) {
  auto bad = RunCli(depotd_, "archivist",
                    {"depositor", "add", "--org-number", "964338532", "--name",
                     "Typo"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad input: "), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("check digit"), std::string::npos);

  ASSERT_EQ(RunCli(depotd_, "archivist",
                   {"depositor", "add", "--org-number", "964338531", "--name",
                    "Bergen"})
                .exit_code,
            0);
  auto duplicate = RunCli(depotd_, "archivist",
                          {"depositor", "add", "--org-number", "964338531",
                           "--name", "Bergen"});
  EXPECT_EQ(duplicate.exit_code, 7);

  auto missing = RunCli(depotd_, "archivist", {"depositor", "show", "974760673"});
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_NE(missing.err.find("not found: "), std::string::npos);

  auto denied = RunCli(depotd_, "desk", {"depositor", "list"});
  EXPECT_EQ(denied.exit_code, 5);
  EXPECT_NE(denied.err.find("permission denied: role desk may not call "
                            "depot.v1.DepositService/ListDepositors"),
            std::string::npos)
      << denied.err;

  auto usage = RunCli(depotd_, "archivist", {"depositor", "add"});
  EXPECT_EQ(usage.exit_code, 2);
}

TEST_F(CliTest, UnreachableServerIsExitCodeSix) {
  auto env = depotd_.CliEnv("archivist");
  env["DEPOT_SERVER"] = "127.0.0.1:" + std::to_string(testing::FreePort());
  auto result = testing::RunCommand(
      {(testing::BinaryDir() / "depot").string(), "--timeout", "3",
       "depositor", "list"},
      env);
  EXPECT_EQ(result.exit_code, 6) << result.err;
  EXPECT_NE(result.err.find("unavailable: "), std::string::npos);
}

// Page sizes, limits and batch sizes are whole numbers in the range the
// server takes: anything else is refused (exit 2, naming the flag and the
// range) before a call is made, so nothing is listed.
TEST_F(CliTest, CountsOutsideTheirRangeAreRefusedBeforeAnyCall) {
  ASSERT_EQ(RunCli(depotd_, "archivist",
                   {"depositor", "add", "--org-number", "964338531", "--name",
                    "Bergen kommune"})
                .exit_code,
            0);
  for (const char* bad : {"-1", "0", "1001", "ten", "1.5", "99999999999"}) {
    auto list =
        RunCli(depotd_, "archivist", {"depositor", "list", "--page-size", bad});
    EXPECT_EQ(list.exit_code, 2) << bad << ": " << list.err;
    EXPECT_EQ(list.out.find("Bergen"), std::string::npos)
        << "--page-size " << bad << " listed depositors:\n"
        << list.out;
    EXPECT_NE(list.err.find("--page-size: must be a whole number from 1 to "
                            "1000"),
              std::string::npos)
        << bad << ": " << list.err;
  }
  auto page =
      RunCli(depotd_, "archivist", {"depositor", "list", "--page-size", "1"});
  EXPECT_EQ(page.exit_code, 0) << page.err;
  EXPECT_NE(page.out.find("Bergen"), std::string::npos) << page.out;

  testing::TempDir dir;
  std::string file = (dir.path() / "records.csv").string();
  testing::RunCommand({"/bin/sh", "-c", "echo > " + file});
  struct Count {
    std::vector<std::string> command;
    std::string flag;
    std::string max;
  };
  const std::vector<Count> counts = {
      {{"privacy", "requests"}, "--limit", "1000"},
      {{"privacy", "request", "list"}, "--limit", "1000"},
      {{"visitor", "find", "Kari"}, "--limit", "1000"},
      {{"record", "search", "--deposit", "1"}, "--limit", "100000"},
      {{"deposit", "transfer", "1", file}, "--batch-size", "10000"},
      {{"deposit", "import-noark5", dir.path().string(), "--deposit", "1"},
       "--batch-size",
       "10000"}};
  for (const Count& count : counts) {
    for (const char* bad : {"-1", "0"}) {
      std::vector<std::string> args = count.command;
      args.push_back(count.flag);
      args.push_back(bad);
      auto result = RunCli(depotd_, "archivist", args);
      EXPECT_EQ(result.exit_code, 2)
          << count.command[0] << " " << count.command[1] << " " << count.flag
          << " " << bad << ": " << result.out << result.err;
      EXPECT_NE(
          result.err.find(count.flag + ": must be a whole number from 1 to " +
                          count.max),
          std::string::npos)
          << count.command[0] << " " << count.command[1] << ": " << result.err;
    }
  }
}

TEST(CliHelp, EveryCommandHasHelp) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--help"}, {"depositor", "--help"},
        {"depositor", "add", "--help"}, {"depositor", "show", "--help"},
        {"depositor", "list", "--help"}}) {
    std::vector<std::string> argv = {(testing::BinaryDir() / "depot").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto result = testing::RunCommand(argv);
    EXPECT_EQ(result.exit_code, 0) << args.back();
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
  }
}

}  // namespace
}  // namespace depot
