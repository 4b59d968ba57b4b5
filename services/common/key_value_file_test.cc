#include "services/common/key_value_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "services/common/error.h"
#include "tests/support/process.h"

namespace depot {
namespace {

TEST(KeyValueFile, ReadsEntriesCommentsAndRelativePaths) {
  testing::TempDir dir;
  {
    std::ofstream out(dir.path() / "x.conf");
    out << "# comment\n\nlisten = 127.0.0.1:7443  # trailing\n"
           "tls_cert=pki/server.crt\n";
  }
  auto file = KeyValueFile::Read(dir.path() / "x.conf");
  EXPECT_EQ(file.entries.at("listen"), "127.0.0.1:7443");
  EXPECT_EQ(file.PathValue(file.entries.at("tls_cert")),
            dir.path() / "pki/server.crt");
  EXPECT_EQ(file.PathValue("/abs/path"), "/abs/path");
}

TEST(KeyValueFile, MalformedLineNamesFileAndLine) {
  testing::TempDir dir;
  {
    std::ofstream out(dir.path() / "bad.conf");
    out << "a = b\njust words\n";
  }
  try {
    KeyValueFile::Read(dir.path() / "bad.conf");
    FAIL();
  } catch (const StartupError& error) {
    EXPECT_NE(std::string(error.what()).find("bad.conf:2"), std::string::npos);
  }
}

}  // namespace
}  // namespace depot
