// The subject key store: keys live in 0600 files; a destroyed key is gone
// for good and what it sealed reads as erased.
#include "services/common/crypto/subject_keystore.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "services/common/error.h"
#include "tests/support/process.h"

namespace depot {
namespace {

TEST(SubjectKeyStoreTest, SealsOpensAndShreds) {
  testing::TempDir dir;
  SubjectKeyStore keys(dir.path() / "keys");
  std::string id = keys.Create();
  ASSERT_TRUE(IsSubjectKeyId(id));
  struct stat st {};
  ASSERT_EQ(stat((dir.path() / "keys" / id).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);

  std::string sealed = keys.Encrypt(id, "Kari Nordmann", "visitor/1/name");
  EXPECT_EQ(sealed.find("Kari"), std::string::npos);
  EXPECT_EQ(keys.Decrypt(id, sealed, "visitor/1/name"), "Kari Nordmann");
  // Bound to its place.
  EXPECT_THROW(keys.Decrypt(id, sealed, "visitor/2/name"), Error);

  // A second store on the same directory (a restarted server) reads it.
  SubjectKeyStore again(dir.path() / "keys");
  EXPECT_EQ(again.Decrypt(id, sealed, "visitor/1/name"), "Kari Nordmann");

  keys.Destroy(id);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "keys" / id));
  EXPECT_EQ(keys.Decrypt(id, sealed, "visitor/1/name"), std::nullopt);
  SubjectKeyStore after(dir.path() / "keys");
  EXPECT_EQ(after.Decrypt(id, sealed, "visitor/1/name"), std::nullopt);
  keys.Destroy(id);  // again: not an error
}

TEST(SubjectKeyStoreTest, KeysAreDistinct) {
  testing::TempDir dir;
  SubjectKeyStore keys(dir.path());
  std::string a = keys.Create(), b = keys.Create();
  EXPECT_NE(a, b);
  std::string sealed = keys.Encrypt(a, "x", "ad");
  EXPECT_THROW(keys.Decrypt(b, sealed, "ad"), Error);
}

}  // namespace
}  // namespace depot
