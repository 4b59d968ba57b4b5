// End to end: depot audit head|verify|export|key against depotd, and the
// offline verification of an export with the public key only.
#include <gtest/gtest.h>

#include <fstream>
#include <pqxx/pqxx>
#include <sstream>

#include "storage/audit_writer.h"
#include "tests/support/depotd.h"
#include "tests/support/postgres.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

using testing::RunCli;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string Read(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
    pqxx::connection connection(db_.dsn());
    for (int i = 1; i <= 20; ++i) {
      pqxx::work tx(connection);
      storage::AppendAuditEvent(tx, "readingroom",
                                {"kari", "desk", "loan.open",
                                 "loan/" + std::to_string(i), "9c1e", ""});
      tx.commit();
    }
  }
  testing::CommandResult Offline(const std::filesystem::path& file,
                                 const std::filesystem::path& key) {
    // No server, no certificate, no configuration.
    return testing::RunCommand(
        {(testing::BinaryDir() / "depot").string(), "audit", "verify",
         "--offline", file.string(), "--public-key", key.string()},
        {{"DEPOT_HOME", "/nonexistent"}});
  }
  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
};

TEST_F(AuditCliTest, HeadVerifyExportAndOfflineVerify) {
  auto head = RunCli(depotd_, "auditor", {"audit", "head", "readingroom"});
  ASSERT_EQ(head.exit_code, 0) << head.err;
  EXPECT_TRUE(Has(head.out, "readingroom")) << head.out;
  EXPECT_TRUE(Has(head.out, " 20 ")) << head.out;

  auto all = RunCli(depotd_, "archivist", {"audit", "verify"});
  ASSERT_EQ(all.exit_code, 0) << all.out << all.err;
  EXPECT_TRUE(Has(all.out, "readingroom: OK, 20 events chained")) << all.out;
  EXPECT_TRUE(Has(all.out, "deposits: OK")) << all.out;

  auto file = dir_.path() / "readingroom.audit.jsonl";
  auto key = dir_.path() / "audit.pem";
  auto exported =
      RunCli(depotd_, "dpo",
             {"audit", "export", "readingroom", "--out", file.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_TRUE(Has(exported.out, "exported 20 events")) << exported.out;
  ASSERT_EQ(
      RunCli(depotd_, "dpo", {"audit", "key", "--out", key.string()}).exit_code,
      0);

  auto offline = Offline(file, key);
  EXPECT_EQ(offline.exit_code, 0) << offline.out << offline.err;
  EXPECT_TRUE(Has(offline.out, "readingroom: OK, 20 events chained"))
      << offline.out;

  // One byte of one event in the file.
  std::string text = Read(file);
  auto at = text.find("\"object\":\"loan/7\"");
  ASSERT_NE(at, std::string::npos) << text;
  text[at + 15] = '8';
  auto tampered = dir_.path() / "tampered.jsonl";
  std::ofstream(tampered) << text;
  offline = Offline(tampered, key);
  EXPECT_EQ(offline.exit_code, 3) << offline.out << offline.err;
  EXPECT_TRUE(Has(offline.out, "first bad event at seq 7")) << offline.out;
  EXPECT_TRUE(Has(offline.out, "changed")) << offline.out;

  // Another key does not vouch for these heads.
  auto other = dir_.path() / "other.pem";
  ASSERT_EQ(system(("openssl genpkey -algorithm ed25519 2>/dev/null | "
                    "openssl pkey -pubout -out " +
                    other.string())
                       .c_str()),
            0);
  offline = Offline(file, other);
  EXPECT_EQ(offline.exit_code, 3) << offline.out << offline.err;
  EXPECT_TRUE(Has(offline.out, "head mismatch")) << offline.out;

  // The export was recorded in the log it exported.
  auto again = RunCli(depotd_, "auditor", {"audit", "head", "readingroom"});
  EXPECT_TRUE(Has(again.out, " 21 ")) << again.out;
}

TEST_F(AuditCliTest, TamperingInTheDatabaseIsReported) {
  ASSERT_EQ(
      RunCli(depotd_, "auditor", {"audit", "head", "readingroom"}).exit_code,
      0);
  testing::RunSql(db_.dsn(), testing::sql::kDeleteReadingroomAuditEventAtSeq,
                  4);
  auto verify = RunCli(depotd_, "auditor", {"audit", "verify", "readingroom"});
  EXPECT_EQ(verify.exit_code, 3) << verify.out << verify.err;
  EXPECT_TRUE(Has(verify.out, "TAMPERED: first bad event at seq 4: removed"))
      << verify.out;
  auto json =
      RunCli(depotd_, "auditor", {"--json", "audit", "verify", "readingroom"});
  EXPECT_EQ(json.exit_code, 3);
  EXPECT_TRUE(Has(json.out, "\"what\": \"removed\"")) << json.out;

  auto denied = RunCli(depotd_, "desk", {"audit", "verify", "readingroom"});
  EXPECT_EQ(denied.exit_code, 5) << denied.err;
  auto bad = RunCli(depotd_, "auditor", {"audit", "verify", "payroll"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
}

}  // namespace
}  // namespace depot
