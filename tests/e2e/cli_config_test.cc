// The CLI as ops/run leaves it: no flags, the certificate named in
// $DEPOT_HOME/cli.conf; `--as desk` switches to the desk certificate.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"

namespace depot {
namespace {

TEST(CliConfig, WorksWithoutFlagsAfterOpsRunAndAsDeskIsDenied) {
  testing::TestDatabase db;
  testing::DepotdProcess depotd({db.dsn(), "", "", {}, ""});
  ASSERT_TRUE(depotd.WaitUntilServing()) << depotd.process().Log();
  testing::TempDir home;
  // What ops/run writes (relative paths are relative to the file).
  std::filesystem::create_directory_symlink(testing::TestPki(),
                                            home.path() / "pki");
  std::ofstream(home.path() / "cli.conf")
      << "server = localhost:" << depotd.port() << "\n"
      << "ca = pki/ca.crt\ncert = pki/archivist.crt\nkey = pki/archivist.key\n"
      << "pki_dir = pki\n";
  std::map<std::string, std::string> env = {{"DEPOT_HOME", home.path().string()}};
  std::string depot = (testing::BinaryDir() / "depot").string();

  auto list = testing::RunCommand({depot, "depositor", "list"}, env);
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("ORGANISATION"), std::string::npos);

  auto denied = testing::RunCommand({depot, "--as", "desk", "depositor", "list"}, env);
  EXPECT_EQ(denied.exit_code, 5);
  // The CLI's one line (sanitizer reports may follow it in test builds).
  EXPECT_EQ(denied.err.substr(0, denied.err.find('\n')),
            "depot: permission denied: role desk may not call "
            "depot.v1.DepositService/ListDepositors");
}

TEST(Secrets, NoKeyOrCertificateIsCommittedAndKeysAreOwnerOnly) {
  auto files = testing::RunCommand(
      {"/usr/bin/git", "-C", testing::SourceDir().string(), "ls-files"});
  if (files.exit_code != 0) GTEST_SKIP() << "not a git checkout";
  std::istringstream lines(files.out);
  for (std::string path; std::getline(lines, path);) {
    for (const char* ending : {".key", ".pem", ".crt", ".p12", ".keys"}) {
      EXPECT_FALSE(path.ends_with(ending)) << path << " is committed";
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(testing::TestPki())) {
    if (entry.path().extension() != ".key") continue;
    struct stat info {};
    ASSERT_EQ(stat(entry.path().c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u) << entry.path();
  }
  struct stat info {};
  ASSERT_EQ(stat(testing::TestKeyFile().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

}  // namespace
}  // namespace depot
