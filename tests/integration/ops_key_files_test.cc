// The ops scripts that make secrets (depotd's key file, the development
// CA's private keys) make each file mode 0600 in a directory of mode 0700,
// and close a directory of theirs that was open to others.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "tests/support/process.h"

namespace depot {
namespace {

namespace fs = std::filesystem;

unsigned Mode(const fs::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return 0177777;
  return info.st_mode & 07777;
}

class OpsKeyFilesTest : public ::testing::Test {
 protected:
  // The usual umask: what it lets through is not good enough for secrets.
  void SetUp() override { old_umask_ = umask(022); }
  void TearDown() override { umask(old_umask_); }

  void ExpectMode(const fs::path& path, unsigned mode) {
    EXPECT_EQ(Mode(path), mode) << path << ": mode " << std::oct << Mode(path);
  }

  mode_t old_umask_ = 0;
  testing::TempDir dir_;
};

TEST_F(OpsKeyFilesTest, DevKeysMakesItsFileInAPrivateDirectory) {
  fs::path file = dir_.path() / "keys" / "depot.keys";
  testing::RunOps({"dev-keys", file.string()});
  ExpectMode(file.parent_path(), 0700);
  ExpectMode(file, 0600);
}

TEST_F(OpsKeyFilesTest, DevKeysClosesADirectoryThatWasOpen) {
  fs::path keys = dir_.path() / "keys";
  fs::create_directory(keys);
  fs::permissions(keys, fs::perms::owner_all | fs::perms::group_read |
                            fs::perms::group_exec | fs::perms::others_read |
                            fs::perms::others_exec);
  testing::RunOps({"dev-keys", (keys / "depot.keys").string()});
  ExpectMode(keys, 0700);
  ExpectMode(keys / "depot.keys", 0600);
}

TEST_F(OpsKeyFilesTest, DevCertsKeepsPrivateKeysInAPrivateDirectory) {
  fs::path pki = dir_.path() / "pki";
  testing::RunOps({"dev-certs", "init", pki.string()});
  ExpectMode(pki, 0700);
  int keys = 0;
  for (const auto& entry : fs::directory_iterator(pki)) {
    if (entry.path().extension() != ".key") continue;
    ++keys;
    ExpectMode(entry.path(), 0600);
  }
  EXPECT_GE(keys, 7) << "ca, server, archivist, desk, dpo, auditor, service";
}

}  // namespace
}  // namespace depot
