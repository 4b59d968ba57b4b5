// End to end: depotd as a process (the reading room asking its own
// DepositService over mTLS), driven by the depot CLI.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/records.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

using testing::RunCli;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class ReadingRoomCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
    auto channel = testing::ChannelAs(depotd_.port(), "archivist");
    deposit_ =
        testing::CreateDeposit(channel, testing::kOwnMunicipality,
                               v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
    v1::TransferSummary summary;
    ASSERT_TRUE(testing::Transfer(channel, deposit_,
                                  testing::MakeRecords(1, 3, "2010-01-01"), 3,
                                  &summary)
                    .ok());
    ASSERT_EQ(summary.accepted(), 3);
    auto found = Json("archivist", {"record", "search", "--deposit",
                                    std::to_string(deposit_)});
    for (const auto& record : found["records"]) {
      records_.push_back("record:" + record["record_id"].get<std::string>());
    }
    ASSERT_EQ(records_.size(), 3u);
    std::sort(records_.begin(), records_.end());
  }

  // Runs a command with --json; fails the test unless it exits 0.
  nlohmann::json Json(const std::string& as, std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    auto result = RunCli(depotd_, as, args);
    EXPECT_EQ(result.exit_code, 0) << args[1] << ": " << result.err;
    if (result.exit_code != 0) return nlohmann::json::object();
    return nlohmann::json::parse(result.out);
  }

  std::string NewVisitor(const std::string& name) {
    auto visitor =
        Json("desk", {"visitor", "add", "--name", name, "--contact",
                      "+47 400 00 000", "--id-document", "passport"});
    return visitor["visitor_id"].get<std::string>();
  }

  // Copying only by agreement, by an archivist.
  void AgreeToCopying(const std::string& loan_id) {
    auto show = RunCli(depotd_, "desk", {"loan", "show", loan_id});
    EXPECT_TRUE(Has(show.out, "copying: NOT allowed")) << show.out;
    EXPECT_EQ(RunCli(depotd_, "desk",
                     {"copy", "agree", "--loan", loan_id, "--method", "photo",
                      "--purpose", "book"})
                  .exit_code,
              5);
    ASSERT_EQ(RunCli(depotd_, "archivist",
                     {"copy", "agree", "--loan", loan_id, "--item", records_[1],
                      "--method", "scan", "--purpose", "family history"})
                  .exit_code,
              0);
    show = RunCli(depotd_, "desk", {"loan", "show", loan_id});
    EXPECT_TRUE(Has(show.out, "family history")) << show.out;
    auto agreements =
        RunCli(depotd_, "desk", {"copy", "list", "--loan", loan_id});
    EXPECT_TRUE(Has(agreements.out, "scan")) << agreements.out;
  }

  void Write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
  }

  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
  int64_t deposit_ = 0;
  std::vector<std::string> records_;
};

TEST_F(ReadingRoomCliTest, VisitDeclarationLoanCopyAndLog) {
  std::string kari = NewVisitor("Kari Nordmann");
  std::string ola = NewVisitor("Ola Hansen");
  auto found = RunCli(depotd_, "desk", {"visitor", "find", "nordmann"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_TRUE(Has(found.out, "Kari Nordmann")) << found.out;
  EXPECT_FALSE(Has(found.out, "Ola Hansen"));

  // No declaration yet: refused, with the reason.
  ASSERT_EQ(RunCli(depotd_, "desk", {"visitor", "checkin", kari}).exit_code, 0);
  auto refused =
      RunCli(depotd_, "desk",
             {"loan", "open", "--visitor", kari, "--item", records_[0]});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_TRUE(Has(refused.err, "refused: loan refused: visitor " + kari +
                                   " has signed no confidentiality "
                                   "declaration"))
      << refused.err;

  auto declaration = Json("desk", {"declaration", "sign", "--visitor", kari,
                                   "--depositor", testing::kOwnMunicipality});
  std::string declaration_id = declaration["declaration_id"].get<std::string>();
  auto loan = Json("desk", {"loan", "open", "--visitor", kari, "--item",
                            records_[0], "--item", records_[1]});
  std::string loan_id = loan["loan_id"].get<std::string>();
  EXPECT_EQ(loan["declaration_id"].get<std::string>(), declaration_id);

  // Someone else cannot have the same record meanwhile.
  ASSERT_EQ(RunCli(depotd_, "desk", {"visitor", "checkin", ola}).exit_code, 0);
  Json("desk", {"declaration", "sign", "--visitor", ola, "--all"});
  refused = RunCli(depotd_, "desk",
                   {"loan", "open", "--visitor", ola, "--item", records_[1]});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_TRUE(Has(refused.err, "is on loan already (loan " + loan_id + ")"))
      << refused.err;

  ASSERT_NO_FATAL_FAILURE(AgreeToCopying(loan_id));

  // Still out after closing time: overdue; and no check-out with loans out.
  auto overdue =
      RunCli(depotd_, "desk", {"loan", "overdue", "--closing-time", "00:00"});
  ASSERT_EQ(overdue.exit_code, 0) << overdue.err;
  EXPECT_TRUE(Has(overdue.out, "Kari Nordmann")) << overdue.out;
  auto checkout = RunCli(depotd_, "desk", {"visitor", "checkout", kari});
  EXPECT_EQ(checkout.exit_code, 3);
  EXPECT_TRUE(Has(checkout.err, "loan " + loan_id)) << checkout.err;

  ASSERT_EQ(RunCli(depotd_, "desk", {"loan", "return", loan_id}).exit_code, 0);
  ASSERT_EQ(RunCli(depotd_, "desk", {"visitor", "checkout", kari}).exit_code,
            0);
  ASSERT_EQ(RunCli(depotd_, "desk",
                   {"loan", "open", "--visitor", ola, "--item", records_[1]})
                .exit_code,
            0);

  auto log =
      RunCli(depotd_, "archivist", {"loan", "log", "--item", records_[1]});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  auto first = log.out.find("Kari Nordmann");
  auto second = log.out.find("Ola Hansen");
  EXPECT_NE(first, std::string::npos) << log.out;
  EXPECT_NE(second, std::string::npos) << log.out;
  EXPECT_LT(first, second) << log.out;
  auto history = RunCli(depotd_, "dpo", {"loan", "log", "--visitor", kari});
  EXPECT_EQ(history.exit_code, 0) << history.err;
  auto day = RunCli(depotd_, "desk", {"visitor", "log"});
  EXPECT_TRUE(Has(day.out, "Ola Hansen")) << day.out;
}

TEST_F(ReadingRoomCliTest, VerifiesOnlineAndOfflineAndAFlippedByteFailsBoth) {
  std::string visitor = NewVisitor("Kari Nordmann");
  auto declaration =
      Json("desk", {"declaration", "sign", "--visitor", visitor, "--record",
                    records_[0].substr(7), "--record", records_[2].substr(7)});
  std::string id = declaration["declaration_id"].get<std::string>();
  auto key_file = dir_.path() / "seal.pub";
  ASSERT_EQ(RunCli(depotd_, "auditor",
                   {"declaration", "export-key", "--out", key_file.string()})
                .exit_code,
            0);
  auto exported =
      RunCli(depotd_, "desk", {"--json", "declaration", "show", id});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto file = dir_.path() / "declaration.json";
  Write(file, exported.out);

  auto online = RunCli(depotd_, "desk", {"declaration", "verify", id});
  EXPECT_EQ(online.exit_code, 0) << online.out << online.err;
  EXPECT_TRUE(Has(online.out, "VALID")) << online.out;
  // Offline needs no server, no certificate and no configuration.
  auto offline = testing::RunCommand(
      {(testing::BinaryDir() / "depot").string(), "declaration", "verify",
       "--offline", file.string(), "--public-key", key_file.string()},
      {{"DEPOT_HOME", "/nonexistent"}});
  EXPECT_EQ(offline.exit_code, 0) << offline.out << offline.err;
  EXPECT_TRUE(Has(offline.out, ": VALID")) << offline.out;

  // One byte of the exported file.
  std::string tampered = exported.out;
  auto at = tampered.find("\"witnessed_by\": \"desk\"");
  ASSERT_NE(at, std::string::npos) << tampered;
  tampered[at + 20] = 'D';
  auto tampered_file = dir_.path() / "tampered.json";
  Write(tampered_file, tampered);
  offline = testing::RunCommand(
      {(testing::BinaryDir() / "depot").string(), "declaration", "verify",
       "--offline", tampered_file.string(), "--public-key", key_file.string()},
      {{"DEPOT_HOME", "/nonexistent"}});
  EXPECT_EQ(offline.exit_code, 3) << offline.out << offline.err;
  EXPECT_TRUE(Has(offline.out, "seal: FAILED")) << offline.out;

  // One byte of the stored record: both verifications fail.
  testing::RunSql(db_.dsn(), testing::sql::kChangeWitnessOfDeclaration, id,
                  "dask");
  online = RunCli(depotd_, "desk", {"declaration", "verify", id});
  EXPECT_EQ(online.exit_code, 3) << online.out;
  EXPECT_TRUE(Has(online.out, "NOT VALID")) << online.out;
  exported = RunCli(depotd_, "desk", {"--json", "declaration", "show", id});
  Write(file, exported.out);
  offline = RunCli(depotd_, "desk",
                   {"declaration", "verify", "--offline", file.string(),
                    "--public-key", key_file.string()});
  EXPECT_EQ(offline.exit_code, 3) << offline.out << offline.err;

  auto revoked =
      RunCli(depotd_, "desk",
             {"declaration", "revoke", id, "--reason", "signed in error"});
  EXPECT_EQ(revoked.exit_code, 0) << revoked.err;
  auto list =
      RunCli(depotd_, "desk", {"declaration", "list", "--visitor", visitor});
  EXPECT_TRUE(Has(list.out, "records")) << list.out;
  auto texts = RunCli(depotd_, "desk", {"declaration", "texts"});
  EXPECT_TRUE(Has(texts.out, "VERSION")) << texts.out;
}

TEST(ReadingRoomCliHelp, EveryCommandHasHelp) {
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"visitor", "--help"},
           {"visitor", "add", "--help"},
           {"visitor", "find", "--help"},
           {"visitor", "correct", "--help"},
           {"visitor", "checkin", "--help"},
           {"visitor", "checkout", "--help"},
           {"visitor", "log", "--help"},
           {"declaration", "texts", "--help"},
           {"declaration", "sign", "--help"},
           {"declaration", "show", "--help"},
           {"declaration", "list", "--help"},
           {"declaration", "verify", "--help"},
           {"declaration", "revoke", "--help"},
           {"declaration", "export-key", "--help"},
           {"loan", "open", "--help"},
           {"loan", "return", "--help"},
           {"loan", "show", "--help"},
           {"loan", "overdue", "--help"},
           {"loan", "log", "--help"},
           {"loan", "approve", "--help"},
           {"copy", "agree", "--help"},
           {"copy", "list", "--help"}}) {
    std::vector<std::string> argv = {(testing::BinaryDir() / "depot").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto result = testing::RunCommand(argv);
    EXPECT_EQ(result.exit_code, 0) << args[0] << " " << args[1];
    EXPECT_TRUE(Has(result.out, "Usage")) << result.out;
  }
}

}  // namespace
}  // namespace depot
